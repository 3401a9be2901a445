/**
 * The report's canonical entry as gzip-compressed JSON, with its source text: the open-data twin
 * of the report page. Passed checks are counted (passedChecks), not listed; checks.csv.gz lists
 * every check. Compressed because it is the only per-report download: plain, it was ~65 KB per
 * report (~9 KB gzipped), more than the whole ≤ 60 KB per-report budget (issue 12 item 5).
 */
import { gzipSync } from 'node:zlib';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/model/entry.ts';
import { reportEntryPaths } from '../../../../lib/site/collection.ts';
import { recordJson, reportDetail } from '../../../../lib/site/report-details.ts';

export const getStaticPaths = reportEntryPaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	// Node writes no timestamp into the gzip header: the same record gives the same bytes.
	return new Response(gzipSync(recordJson(entry, reportDetail(entry.id)), { level: 9 }), {
		headers: { 'Content-Type': 'application/gzip' },
	});
};
