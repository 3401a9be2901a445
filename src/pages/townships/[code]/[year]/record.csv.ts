/** The report's table cells as CSV (UTF-8 with BOM), one line per cell with its source line. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/ingest/entry.ts';
import { getSite } from '../../../../lib/site/collection.ts';
import { recordCsv } from '../../../../lib/site/csv.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return site.reports.map((entry) => ({
		params: { code: entry.township.code, year: String(entry.year) },
		props: { entry },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	return new Response(recordCsv(entry), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
