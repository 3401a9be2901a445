/** The report's whole canonical entry as JSON: the open-data twin of the report page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/model/entry.ts';
import { reportEntryPaths } from '../../../../lib/site/collection.ts';

export const getStaticPaths = reportEntryPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	return new Response(JSON.stringify(entry, null, 2), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
