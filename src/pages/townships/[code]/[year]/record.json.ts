/**
 * The report's canonical entry as JSON, with its source text: the open-data twin of the report
 * page. Passed checks are counted (passedChecks), not listed; checks.csv lists every check.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/model/entry.ts';
import { reportEntryPaths } from '../../../../lib/site/collection.ts';
import { recordJson, reportDetail } from '../../../../lib/site/report-details.ts';

export const getStaticPaths = reportEntryPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	return new Response(recordJson(entry, reportDetail(entry.id)), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
