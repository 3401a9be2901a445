/**
 * One `npm run add` run: read what the collection holds, expand --list files and --from-index
 * pages into URLs, then collect each URL or file in turn with progress and one line per outcome,
 * and close with a summary. Nothing here prints directly; the script passes the output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Collector, REPORTS_DIR } from './collector.ts';
import { loadHoldings } from './holdings.ts';
import { outcomeLine, reportLine, summaryLines, type Outcome } from './outcome.ts';
import type { Placer } from '../model/placement.ts';
import { DEFAULT_POLICY, PoliteFetcher, type FetchPolicy } from './polite-fetch.ts';
import type { AddProgress } from './progress.ts';
import { readCollectedReport, type ReadReport } from './read-report.ts';
import { removeStaleTempFiles } from './store.ts';

export interface AddRequest {
	/** URLs and local files, in the order given. */
	sources: string[];
	/** Files with one URL per line (blank lines and # comments skipped). */
	lists: string[];
	/** Listing pages whose report links are collected. */
	indexes: string[];
	replace: boolean;
}

export interface AddOptions {
	rootDir: string;
	progress: AddProgress;
	policy?: FetchPolicy;
	read?: ReadReport;
	/** Where a report belongs, as the ingest places it (ingest/placement.ts, given by scripts/add.ts). */
	place: Placer;
}

export const isUrl = (source: string) => /^https?:\/\//i.test(source);

export async function runAdd(request: AddRequest, options: AddOptions): Promise<Outcome[]> {
	const { progress, rootDir } = options;
	const reportsDir = join(rootDir, REPORTS_DIR);
	for (const stale of removeStaleTempFiles(reportsDir))
		progress.log(`add: 删除上次中断留下的临时文件 ${stale}`);
	const read = options.read ?? readCollectedReport;
	const { place } = options;
	const holdings = await loadHoldings(reportsDir, read, place);
	for (const problem of holdings.problems) progress.log(problem);

	const outcomes: Outcome[] = [];
	const collector = new Collector({
		rootDir,
		fetcher: new PoliteFetcher(options.policy ?? DEFAULT_POLICY),
		read,
		place,
		holdings,
		replace: request.replace,
		onOutcome: (outcome) => {
			outcomes.push(outcome);
			progress.log(outcomeLine(outcome));
			if (outcome.kind === 'stored') progress.log(reportLine(outcome));
		},
	});

	const sources = [...request.sources];
	for (const list of request.lists) sources.push(...urlsInList(list));
	for (const index of request.indexes) {
		const { urls } = await collector.reportLinksOf(index);
		if (urls.length > 0) progress.log(`${index} info index 列表页上找到 ${urls.length} 个报告链接`);
		sources.push(...urls);
	}
	const unique = [...new Set(sources)];
	progress.start(unique.length);
	try {
		for (const source of unique) {
			if (isUrl(source)) await collector.addUrl(source);
			else await collector.addFile(source);
			progress.tick(source);
		}
	} finally {
		progress.stop();
	}
	return outcomes;
}

export function urlsInList(path: string): string[] {
	return readFileSync(path, 'utf8')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
}

export { summaryLines };
