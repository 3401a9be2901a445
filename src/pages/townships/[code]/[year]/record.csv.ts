/**
 * The report's table cells as CSV: the cells.csv columns for this one report, through the same
 * writer, so a reader who knows one file knows the other.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/model/entry.ts';
import { reportEntryPaths } from '../../../../lib/site/collection.ts';
import { cellsCsv } from '../../../../lib/site/open-data.ts';

export const getStaticPaths = reportEntryPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	return new Response(cellsCsv([entry]), {
		headers: { 'Content-Type': 'text/csv; charset=utf-8' },
	});
};
