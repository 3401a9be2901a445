/**
 * The ingest on several worker threads writes what the one-thread ingest writes, byte for byte:
 * over the five seeds, every layout fixture, the PDF, Word and web-page fixtures (a scan and a
 * legacy .doc among them, rejected), a duplicate and a synthetic corpus of whole townships over
 * several years (so the cross-year checks run). With 1 and 3 workers, cold and warm parse cache.
 * A worker that dies on one file gives that file a parser-crash message and the run goes on.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/synthetic-reports.ts';
import { loadDivisions, type Divisions } from '../../../src/lib/ingest/divisions.ts';
import { runIngestParallel } from '../../../src/lib/ingest/parallel-ingest.ts';
import { withParseCache } from '../../../src/lib/ingest/parse-cache.ts';
import { silentProgress } from '../../../src/lib/ingest/progress.ts';
import { prepareFormsParser } from '../../../src/lib/ingest/read-forms.ts';
import { REPORTS_DIR, runIngest, type IngestResult } from '../../../src/lib/ingest/run-ingest.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const VERSION = 'test-version';

/** A content/ folder with every kind of input the ingest meets; a fresh copy per root. */
function makeCorpus(): string {
	const source = mkdtempSync(join(tmpdir(), 'parallel-corpus-'));
	const reports = join(source, 'content/reports');
	cpSync(join(repo, 'content/reports'), reports, { recursive: true });
	cpSync(
		join(repo, 'content/townships.overrides.json'),
		join(source, 'content/townships.overrides.json'),
	);
	mkdirSync(join(reports, 'layouts'));
	for (const f of readdirSync(join(repo, 'tests/fixtures/layouts')).filter((f) =>
		f.endsWith('.txt'),
	))
		cpSync(join(repo, 'tests/fixtures/layouts', f), join(reports, 'layouts', f));
	mkdirSync(join(reports, 'forms'));
	for (const f of readdirSync(join(repo, 'tests/fixtures/forms')).filter(
		(f) => !f.endsWith('.json'),
	))
		cpSync(join(repo, 'tests/fixtures/forms', f), join(reports, 'forms', f));
	// The same report twice: one slot, two files (a duplicate-report warning on the kept one).
	const seed = readdirSync(join(repo, 'content/reports'))[0]!;
	cpSync(join(repo, 'content/reports', seed), join(reports, `copy-of-${seed}`));
	writeCorpus(24, join(reports, 'synthetic'), 7);
	return source;
}

function copyOf(source: string): string {
	const root = mkdtempSync(join(tmpdir(), 'parallel-root-'));
	cpSync(join(source, 'content'), join(root, 'content'), { recursive: true });
	return root;
}

/** Every file of the written collection: path → bytes. */
function collection(root: string): Map<string, Buffer> {
	const dir = join(root, 'content/generated');
	const files = new Map<string, Buffer>();
	for (const path of readdirSync(dir, { recursive: true }).map(String).sort()) {
		const full = join(dir, path);
		try {
			files.set(path, readFileSync(full));
		} catch {
			// a folder
		}
	}
	return files;
}

async function oneThread(root: string, divisions: Divisions): Promise<IngestResult> {
	const cacheDir = join(root, '.cache/parse');
	const parser = await prepareFormsParser(root, REPORTS_DIR);
	return runIngest(withParseCache(parser, cacheDir, VERSION), {
		rootDir: root,
		divisions,
		progress: silentProgress,
	});
}

function parallel(root: string, divisions: Divisions, jobs: number, workerUrl?: URL) {
	return runIngestParallel({
		rootDir: root,
		divisions,
		progress: silentProgress,
		cacheDir: join(root, '.cache/parse'),
		version: VERSION,
		jobs,
		...(workerUrl && { workerUrl }),
	});
}

describe('the ingest on worker threads', () => {
	let divisions: Divisions;
	let source: string;
	/** The one-thread ingest's first run and its second (which knows what the first published). */
	const reference: Record<'cold' | 'warm', { files: Map<string, Buffer>; result: IngestResult }> =
		{} as never;
	beforeAll(async () => {
		divisions = loadDivisions();
		source = makeCorpus();
		const root = copyOf(source);
		for (const run of ['cold', 'warm'] as const) {
			const result = await oneThread(root, divisions);
			reference[run] = { result, files: collection(root) };
		}
	}, 300_000);

	it('has a corpus that exercises every path: written, skipped, rejected, cross-year', () => {
		const { result } = reference.cold;
		const { counts } = result.summary;
		expect(counts.written).toBeGreaterThan(24);
		expect(counts.skipped).toBeGreaterThan(0);
		expect(counts.rejected).toBeGreaterThan(0);
		expect(Object.keys(result.summary.forms).sort()).toEqual(['docx', 'html', 'pdf', 'text']);
		expect(result.diagnostics).toContainEqual(
			expect.objectContaining({ ruleId: 'duplicate-report' }),
		);
		const crossYear = result.entries.filter((e) => e.crossYearChecks.length > 0);
		expect(crossYear.length).toBeGreaterThan(5);
	});

	it.each([1, 3])(
		'with %i worker(s), cold cache then warm, writes the same collection byte for byte',
		async (jobs) => {
			const root = copyOf(source);
			for (const run of ['cold', 'warm'] as const) {
				const result = await parallel(root, divisions, jobs);
				const expected = reference[run].files;
				expect([...collection(root).keys()], run).toEqual([...expected.keys()]);
				for (const [path, bytes] of collection(root))
					expect(bytes.equals(expected.get(path)!), `${run}: ${path}`).toBe(true);
				expect(result.diagnostics).toEqual(reference[run].result.diagnostics);
				expect(result.summary).toEqual(reference[run].result.summary);
				const parsed = reference[run].result.summary.counts.parsed;
				expect(result.cache).toMatchObject(
					run === 'cold' ? { hits: 0, misses: parsed } : { hits: parsed, misses: 0 },
				);
				expect(result.cache.used.size).toBe(parsed);
			}
		},
		300_000,
	);

	it('gives a file whose worker died a parser-crash message and writes the others', async () => {
		const root = copyOf(source);
		const seed = readdirSync(join(root, 'content/reports')).find((f) => f.endsWith('.txt'))!;
		cpSync(join(root, 'content/reports', seed), join(root, 'content/reports/crash-me.txt'));
		const crashing = new URL('./workers/crashing-parse-worker.ts', import.meta.url);
		const result = await parallel(root, divisions, 2, crashing);
		const file = `${REPORTS_DIR}/crash-me.txt`;
		expect(result.summary.rejected).toContainEqual({
			file,
			reason: expect.stringMatching(/^parser error: .*exit code 70/),
		});
		expect(result.diagnostics).toContainEqual(
			expect.objectContaining({ file, ruleId: 'parser-crash', severity: 'error' }),
		);
		// Everything else as in the run without the extra file.
		const { counts } = reference.cold.result.summary;
		expect(result.summary.counts.written).toBe(counts.written);
		expect(result.summary.counts.rejected).toBe(counts.rejected + 1);
	}, 300_000);
});
