/**
 * What a parse worker does with one task of the ingest: the first pass over one file, or the
 * second pass over one township's chosen reports. Each task prepares its own parser (pages, PDFs
 * and Word files extracted unless the parse cache holds them) over the shared on-disk parse
 * cache, then calls the same functions as the one-thread ingest (first-pass.ts,
 * township-build.ts), so the results are the same byte for byte. A township's files are written
 * into the run's collection folder here, so the writes too are spread over the workers.
 */
import { readFileSync } from 'node:fs';
import { firstPass, type FirstPassOutcome } from './first-pass.ts';
import { cacheFileName, isCached, withParseCache } from './parse-cache.ts';
import { prepareFilesParser } from './read-forms.ts';
import { buildTownship, type BuiltReport, type ChosenReport } from './township-build.ts';
import { writeCollectionFile, type PlacedFile } from './write-collection.ts';

/** Folders of the run's collection this worker has made already. */
const folders = new Set<string>();

/** Given to every worker: where the run reads and caches. */
export interface IngestWorkerData {
	rootDir: string;
	cacheDir: string;
	/** The parser's version (parse-cache.ts sourceVersion), part of every cache key. */
	version: string;
}

export type IngestTask =
	/** A few files at a time, so messages between the threads cost little per file. */
	| { kind: 'first'; files: { file: string; absolutePath: string }[] }
	| {
			kind: 'township';
			reports: ChosenReport[];
			/** The current collection and the run's new folder (write-collection.ts): files go there. */
			targetDir: string;
			tmpDir: string;
	  };

/** A township's built reports, their files already in the run's folder. */
export type WrittenReport = BuiltReport & { placed: PlacedFile[] };

export interface FirstPassResult {
	outcome: FirstPassOutcome;
	/** The cache file the parse result is kept in, and whether it was there already; null when rejected. */
	cache: { file: string; hit: boolean } | null;
}

export async function handleIngestTask(
	task: IngestTask,
	{ rootDir, cacheDir, version }: IngestWorkerData,
): Promise<FirstPassResult[] | WrittenReport[]> {
	const files =
		task.kind === 'first'
			? task.files
			: task.reports.map(({ file, absolutePath }) => ({ file, absolutePath }));
	const forms = await prepareFilesParser(files, {
		skip: (bytes, file) => isCached(cacheDir, version, bytes, file),
	});
	const parser = withParseCache(forms, cacheDir, version);
	if (task.kind === 'township')
		return buildTownship(task.reports, parser, rootDir, readFileSync).map((built) => ({
			...built,
			files: [],
			placed: built.files.map((file) =>
				writeCollectionFile(task.targetDir, task.tmpDir, file, undefined, folders),
			),
		}));

	return task.files.map(({ file, absolutePath }) => {
		let read: Uint8Array | undefined;
		const readOnce = (path: string) => (read = readFileSync(path));
		const hitsBefore = parser.stats.hits;
		const outcome = firstPass(file, absolutePath, parser, readOnce);
		return {
			outcome,
			cache:
				outcome.kind === 'parsed' && read
					? { file: cacheFileName(version, file, read), hit: parser.stats.hits > hitsBefore }
					: null,
		};
	});
}
