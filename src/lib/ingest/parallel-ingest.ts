/**
 * The ingest on every core: the same run as runIngest (run-ingest.ts), with the two expensive
 * steps, the first pass over each file and the second pass over each township, done by a pool of
 * worker threads (worker-pool.ts, parse-worker.ts). Results are taken in the one-thread order
 * (files by path, townships by code), so the collection, the summary and the messages are the same
 * byte for byte whatever the number of workers. The main thread only places, chooses and writes.
 *
 * A worker that dies on a file in the first pass (out of memory, a crash in a library) gives that
 * file a parser-crash message and the run goes on with a new worker; one that dies in the second
 * pass, on a file the first pass read without trouble, stops the run, leaving content/generated/
 * as it was.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { crashedOutcome, REPORTS_DIR } from './first-pass.ts';
import type {
	FirstPassResult,
	IngestTask,
	IngestWorkerData,
	WrittenReport,
} from './ingest-task.ts';
import { lockOutput } from './output-lock.ts';
import {
	chooseReports,
	GENERATED_DIR,
	ingestResult,
	startRun,
	summaryFile,
	takeBuilt,
	takeFirstPass,
	type IngestOptions,
	type IngestResult,
	type IngestRun,
} from './run-ingest.ts';
import type { ChosenReport } from './township-build.ts';
import { WorkerCrash, WorkerPool } from './worker-pool.ts';
import { openCollection, type CollectionWriter } from './write-collection.ts';

export interface ParallelIngestOptions extends Omit<IngestOptions, 'readFile' | 'writeFile'> {
	/** Worker threads; by default one per core the process may use. */
	jobs?: number;
	/** The parse cache folder (created if missing) and the parser's version for its keys. */
	cacheDir: string;
	version: string;
	/** The worker module; tests stand in one that dies on a chosen file. */
	workerUrl?: URL;
}

export interface ParallelIngestResult extends IngestResult {
	/** Files served from the parse cache and files parsed, and every cache file this run used. */
	cache: { hits: number; misses: number; used: Set<string> };
	/** CPU seconds of the worker threads together, and of this (the main) thread, for the benchmarks. */
	cpu: { workers: number; main: number };
}

/** Enough for the largest report with room to spare; a runaway parse fails alone. */
const WORKER_HEAP_MB = 1024;

export const defaultJobs = () => availableParallelism();

export async function runIngestParallel(
	options: ParallelIngestOptions,
): Promise<ParallelIngestResult> {
	const { rootDir, cacheDir, version, progress } = options;
	const mainBefore = threadCpuSeconds();
	const release = lockOutput(join(rootDir, `${GENERATED_DIR}.lock`), 'npm run ingest');
	const pool = new WorkerPool({
		workerUrl: options.workerUrl ?? new URL('./parse-worker.ts', import.meta.url),
		workerData: { rootDir, cacheDir, version } satisfies IngestWorkerData,
		jobs: options.jobs ?? defaultJobs(),
		resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
	});
	try {
		const run = startRun(options);
		const cache = { hits: 0, misses: 0, used: new Set<string>() };
		progress.start(run.files.length);
		try {
			// A batch whose worker died is run again file by file: only the file that kills it fails.
			const batches = pool.mapInOrder<
				FirstPassTask,
				FirstPassResult[] | { crashed: FirstPassTask }
			>(firstPassTasks(run), (task) => ({ crashed: task }));
			const results = (async function* () {
				for await (const batch of batches)
					if (!('crashed' in batch)) yield* batch;
					else for (const file of batch.crashed.files) yield await alone(pool, file);
			})();
			for await (const { outcome, cache: used } of results) {
				progress.tick(outcome.kind === 'parsed' ? outcome.report.file : outcome.rejected.file);
				takeFirstPass(run, outcome);
				if (!used) continue;
				cache.used.add(used.file);
				if (used.hit) cache.hits++;
				else cache.misses++;
			}
		} finally {
			progress.stop();
		}
		const townships = chooseReports(run);
		const targetDir = join(rootDir, GENERATED_DIR);
		const writer = openCollection(targetDir);
		try {
			const tasks = townshipTasks(townships, targetDir, writer.tmpDir);
			for await (const township of pool.mapInOrder<IngestTask, WrittenReport[]>(tasks))
				note(run, writer, township);
			writer.add(summaryFile(run));
		} catch (error) {
			throw writer.abandon(error);
		}
		const outcome = writer.finish();
		// Assigned, not spread: spreading would read the whole collection back through its getters.
		const cpu = { workers: pool.cpuSeconds(), main: threadCpuSeconds() - mainBefore };
		return Object.assign(ingestResult(run, outcome), { cache, cpu });
	} finally {
		await pool.close();
		release();
	}
}

function threadCpuSeconds(): number {
	const { user, system } = process.threadCpuUsage();
	return (user + system) / 1e6;
}

type FirstPassTask = Extract<IngestTask, { kind: 'first' }>;

/** Files per first-pass task: enough that a message costs little per file, few enough to share out. */
const FIRST_PASS_BATCH = 8;

function* firstPassTasks(run: IngestRun): Generator<FirstPassTask> {
	for (let i = 0; i < run.files.length; i += FIRST_PASS_BATCH)
		yield {
			kind: 'first',
			files: run.files.slice(i, i + FIRST_PASS_BATCH).map(({ absolutePath, relativePath }) => ({
				file: `${REPORTS_DIR}/${relativePath}`,
				absolutePath,
			})),
		};
}

/** One file's first pass on a worker of its own task; a parser-crash outcome if the worker dies. */
async function alone(
	pool: WorkerPool,
	file: FirstPassTask['files'][number],
): Promise<FirstPassResult> {
	try {
		const [result] = await pool.run<FirstPassResult[]>({ kind: 'first', files: [file] });
		return result!;
	} catch (error) {
		if (!(error instanceof WorkerCrash)) throw error;
		return { outcome: crashedOutcome(file.file, error), cache: null };
	}
}

function* townshipTasks(
	townships: Iterable<ChosenReport[]>,
	targetDir: string,
	tmpDir: string,
): Generator<IngestTask> {
	for (const reports of townships) yield { kind: 'township', reports, targetDir, tmpDir };
}

/** A township's reports, written by a worker: rows noted for the summary, files for the check. */
function note(run: IngestRun, writer: CollectionWriter, township: WrittenReport[]): void {
	for (const built of township) {
		for (const file of takeBuilt(run, built)) writer.add(file);
		for (const placed of built.placed) writer.note(placed);
	}
}
