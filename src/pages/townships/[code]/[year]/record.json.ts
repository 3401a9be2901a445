/** The report's whole canonical entry as JSON: the open-data twin of the report page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/ingest/entry.ts';
import { getSite } from '../../../../lib/site/collection.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return site.reports.map((entry) => ({
		params: { code: entry.township.code, year: String(entry.year) },
		props: { entry },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	return new Response(JSON.stringify(entry, null, 2), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
