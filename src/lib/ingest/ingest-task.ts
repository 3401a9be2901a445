/**
 * What a parse worker does with one task of the ingest: the first pass over one file, or the
 * second pass over one township's chosen reports. Each task prepares its own parser (pages, PDFs
 * and Word files extracted unless the parse cache holds them) over the shared on-disk parse
 * cache, then calls the same functions as the one-thread ingest (first-pass.ts,
 * township-build.ts), so the results are the same byte for byte.
 */
import { readFileSync } from 'node:fs';
import { firstPass, type FirstPassOutcome } from './first-pass.ts';
import { cacheFileName, isCached, withParseCache } from './parse-cache.ts';
import { prepareFilesParser } from './read-forms.ts';
import { buildTownship, type BuiltReport, type ChosenReport } from './township-build.ts';

/** Given to every worker: where the run reads and caches. */
export interface IngestWorkerData {
	rootDir: string;
	cacheDir: string;
	/** The parser's version (parse-cache.ts sourceVersion), part of every cache key. */
	version: string;
}

export type IngestTask =
	| { kind: 'first'; file: string; absolutePath: string }
	| { kind: 'township'; reports: ChosenReport[] };

export interface FirstPassResult {
	outcome: FirstPassOutcome;
	/** The cache file the parse result is kept in, and whether it was there already; null when rejected. */
	cache: { file: string; hit: boolean } | null;
}

export async function handleIngestTask(
	task: IngestTask,
	{ rootDir, cacheDir, version }: IngestWorkerData,
): Promise<FirstPassResult | BuiltReport[]> {
	const files =
		task.kind === 'first'
			? [{ file: task.file, absolutePath: task.absolutePath }]
			: task.reports.map(({ file, absolutePath }) => ({ file, absolutePath }));
	const forms = await prepareFilesParser(files, {
		skip: (bytes, file) => isCached(cacheDir, version, bytes, file),
	});
	const parser = withParseCache(forms, cacheDir, version);
	if (task.kind === 'township') return buildTownship(task.reports, parser, rootDir, readFileSync);

	let read: Uint8Array | undefined;
	const readOnce = (path: string) => (read = readFileSync(path));
	const outcome = firstPass(task.file, task.absolutePath, parser, readOnce);
	return {
		outcome,
		cache:
			outcome.kind === 'parsed' && read
				? { file: cacheFileName(version, task.file, read), hit: parser.stats.hits > 0 }
				: null,
	};
}
