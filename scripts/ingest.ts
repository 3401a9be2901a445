/**
 * npm run ingest [-- --strict] [--root DIR]
 * Parses content/reports/** into content/generated/ (see src/lib/ingest/run-ingest.ts).
 * --root DIR (or the PORTAL_ROOT environment variable, which astro.config.mjs also reads) uses
 * DIR/content/reports/ and DIR/content/generated/ instead, to build a second site from another
 * folder.
 * Exit 0 even when some reports are bad (they are listed); 1 when --strict finds any
 * warning, failed check, rejected or skipped file; 2 when the run stops (a broken curator file,
 * another ingest writing the same folder, a failed write), with a message that says what state
 * content/generated/ is in.
 * Parse results are cached in .cache/parse/ (under the root) by file content, path and parser
 * source: an unchanged report is not parsed again. --no-cache parses everything, into a cache of
 * this run's own that is removed at the end (the ingest reads each chosen report twice, run-ingest.ts).
 * --jobs N parses on N worker threads (default: one per core, os.availableParallelism()); the
 * output is the same byte for byte whatever N is (src/lib/ingest/parallel-ingest.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { formatDiagnostic } from '../src/lib/report/index.ts';
import { loadDivisions } from '../src/lib/ingest/divisions.ts';
import { quoteFileName } from '../src/lib/ingest/diagnostics.ts';
import { createProgress } from '../src/lib/ingest/progress.ts';
import { pruneParseCache, sourceVersion } from '../src/lib/ingest/parse-cache.ts';
import { defaultJobs, runIngestParallel } from '../src/lib/ingest/parallel-ingest.ts';
import { hasProblems, summaryLines } from '../src/lib/ingest/summary.ts';

const USAGE = 'usage: npm run ingest [-- --strict] [--root DIR] [--no-cache] [--jobs N]';

/** What a parse depends on: a change here makes every cached result stale. */
const PARSER_SOURCES = ['../src/lib/report/', '../src/lib/model/'].map((d) =>
	fileURLToPath(new URL(d, import.meta.url)),
);

function parseArgs(args: string[]): {
	strict: boolean;
	rootDir: string;
	cache: boolean;
	jobs: number;
} {
	let strict = false;
	let cache = true;
	let jobs = defaultJobs();
	let rootDir = process.env.PORTAL_ROOT
		? resolve(process.env.PORTAL_ROOT)
		: fileURLToPath(new URL('..', import.meta.url));
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--strict') strict = true;
		else if (arg === '--no-cache') cache = false;
		else if (arg === '--root' && args[i + 1] !== undefined) rootDir = resolve(args[++i]!);
		else if (arg === '--jobs' && /^[1-9]\d*$/.test(args[i + 1] ?? '')) jobs = Number(args[++i]);
		else if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else {
			console.error(`ingest: unknown argument ${arg}\n${USAGE}`);
			process.exit(2);
		}
	}
	return { strict, rootDir, cache, jobs };
}

async function main(): Promise<number> {
	const { strict, rootDir, cache, jobs } = parseArgs(process.argv.slice(2));
	try {
		// Without the cache, a cache of this run's own: each file is still parsed once.
		const cacheDir = cache ? join(rootDir, '.cache/parse') : mkdtempSync(join(tmpdir(), 'parse-'));
		mkdirSync(cacheDir, { recursive: true });
		let result: Awaited<ReturnType<typeof runIngestParallel>>;
		try {
			result = await runIngestParallel({
				rootDir,
				divisions: loadDivisions(),
				progress: createProgress(process.stdout),
				cacheDir,
				version: sourceVersion(PARSER_SOURCES),
				jobs,
			});
		} finally {
			if (!cache) rmSync(cacheDir, { recursive: true, force: true });
		}
		const { summary, diagnostics, writeWarnings, files } = result;
		if (cache) pruneParseCache(cacheDir, result.cache.used);
		for (const diagnostic of diagnostics)
			console.log(formatDiagnostic({ ...diagnostic, file: quoteFileName(diagnostic.file) }));
		for (const line of summaryLines(summary)) console.log(line);
		for (const warning of writeWarnings) console.log(`ingest: ${warning}`);
		if (cache)
			console.log(
				`ingest: ${result.cache.hits} unchanged files from the parse cache, ${result.cache.misses} parsed`,
			);
		console.log(
			`ingest: content/generated/: ${files.written} files written, ${files.unchanged} unchanged (linked)`,
		);
		console.log(
			`ingest: ${jobs} worker thread${jobs === 1 ? '' : 's'}, CPU ${result.cpu.workers.toFixed(1)} s in the workers, ${result.cpu.main.toFixed(1)} s in the main thread`,
		);
		if (strict && hasProblems(summary)) {
			console.log('ingest: --strict: failing because of the problems listed above');
			return 1;
		}
		return 0;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const name = error instanceof Error ? error.name : '';
		// A write error states the folder's state itself; anything earlier never touched it.
		console.error(
			name === 'CollectionWriteError'
				? `ingest: stopped: ${message}`
				: `ingest: stopped, content/generated/ left as it was: ${message}`,
		);
		if (!['CuratorFileError', 'CollectionWriteError', 'OutputBusyError'].includes(name))
			console.error(error instanceof Error ? error.stack : '');
		return 2;
	}
}

process.exitCode = await main();
