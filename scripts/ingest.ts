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
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { formatDiagnostic } from '../src/lib/report/index.ts';
import { loadDivisions } from '../src/lib/ingest/divisions.ts';
import { quoteFileName } from '../src/lib/ingest/diagnostics.ts';
import { createProgress } from '../src/lib/ingest/progress.ts';
import { isCached, sourceVersion, withParseCache } from '../src/lib/ingest/parse-cache.ts';
import { prepareFormsParser } from '../src/lib/ingest/read-forms.ts';
import { REPORTS_DIR, runIngest } from '../src/lib/ingest/run-ingest.ts';
import { hasProblems, summaryLines } from '../src/lib/ingest/summary.ts';

const USAGE = 'usage: npm run ingest [-- --strict] [--root DIR] [--no-cache]';

/** What a parse depends on: a change here makes every cached result stale. */
const PARSER_SOURCES = ['../src/lib/report/', '../src/lib/model/'].map((d) =>
	fileURLToPath(new URL(d, import.meta.url)),
);

function parseArgs(args: string[]): { strict: boolean; rootDir: string; cache: boolean } {
	let strict = false;
	let cache = true;
	let rootDir = process.env.PORTAL_ROOT
		? resolve(process.env.PORTAL_ROOT)
		: fileURLToPath(new URL('..', import.meta.url));
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--strict') strict = true;
		else if (arg === '--no-cache') cache = false;
		else if (arg === '--root' && args[i + 1] !== undefined) rootDir = resolve(args[++i]!);
		else if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else {
			console.error(`ingest: unknown argument ${arg}\n${USAGE}`);
			process.exit(2);
		}
	}
	return { strict, rootDir, cache };
}

async function main(): Promise<number> {
	const { strict, rootDir, cache } = parseArgs(process.argv.slice(2));
	try {
		// Without the cache, a cache of this run's own: each file is still parsed once.
		const cacheDir = cache ? join(rootDir, '.cache/parse') : mkdtempSync(join(tmpdir(), 'parse-'));
		const version = sourceVersion(PARSER_SOURCES);
		// Pages, PDFs and Word files are extracted first (async), those the cache holds excepted.
		const parser = await prepareFormsParser(rootDir, REPORTS_DIR, {
			skip: (bytes, file) => isCached(cacheDir, version, bytes, file),
		});
		const cached = withParseCache(parser, cacheDir, version);
		let result: ReturnType<typeof runIngest>;
		try {
			result = runIngest(cached, {
				rootDir,
				divisions: loadDivisions(),
				progress: createProgress(process.stdout),
			});
		} finally {
			if (!cache) rmSync(cacheDir, { recursive: true, force: true });
		}
		const { summary, diagnostics, writeWarnings, files } = result;
		if (cache) cached.prune();
		for (const diagnostic of diagnostics)
			console.log(formatDiagnostic({ ...diagnostic, file: quoteFileName(diagnostic.file) }));
		for (const line of summaryLines(summary)) console.log(line);
		for (const warning of writeWarnings) console.log(`ingest: ${warning}`);
		if (cache)
			console.log(
				`ingest: ${cached.stats.hits} unchanged files from the parse cache, ${cached.stats.misses} parsed`,
			);
		console.log(
			`ingest: content/generated/: ${files.written} files written, ${files.unchanged} unchanged (linked)`,
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
