/** The report's table cells as CSV (UTF-8 with BOM), one line per cell with its source line. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/model/entry.ts';
import { reportEntryPaths } from '../../../../lib/site/collection.ts';
import { recordCsv } from '../../../../lib/site/csv.ts';

export const getStaticPaths = reportEntryPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	return new Response(recordCsv(entry), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
