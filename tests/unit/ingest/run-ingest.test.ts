import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import { reportEntrySchema } from '../../../src/lib/model/entry.ts';
import { silentProgress, type Progress } from '../../../src/lib/ingest/progress.ts';
import { runIngest, type ReportParser } from '../../../src/lib/ingest/run-ingest.ts';
import { hasProblems, summaryLines } from '../../../src/lib/ingest/summary.ts';
import { makeRecord } from './make-record.ts';

const divisions = loadDivisions();

class ReportRejection extends Error {
	override name = 'ReportRejection';
}

/**
 * Stands in for the parser library: a "report" here is lines of `key: value`
 * (township, county, year, carriedOver, carriedForward); anything else is rejected.
 */
const fakeParser: ReportParser = {
	decodeReport: (bytes) => ({ text: new TextDecoder().decode(bytes) }),
	parseReport(bytes, { file }) {
		const text = new TextDecoder().decode(bytes);
		if (!text.startsWith('township:')) throw new ReportRejection('not a report: no title found');
		const field = (key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1] ?? null;
		const record = makeRecord({
			file,
			metadata: {
				township: field('township'),
				county: field('county'),
				reportYear: Number(field('year')),
			},
		});
		record.table3!.carriedOver.total = Number(field('carriedOver') ?? 0);
		record.table3!.carriedForward.total = Number(field('carriedForward') ?? 0);
		return record;
	},
};

function contentTree(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'ingest-run-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

const SEEDS = {
	'content/reports/2023/店塔镇 年报.txt':
		'township: 店塔镇\ncounty: 神木市\nyear: 2023\ncarriedOver: 1\n',
	'content/reports/2022/店塔镇.txt':
		'township: 店塔镇\ncounty: 神木市\nyear: 2022\ncarriedForward: 2\n',
	'content/reports/城关镇.txt': 'township: 城关镇\nyear: 2023\n',
	'content/reports/扫描件.png': '\u0089PNG',
	'content/reports/.gitkeep': '',
};

describe('runIngest', () => {
	it('writes the good reports and records the rejected and unplaced ones', () => {
		const root = contentTree(SEEDS);
		const ticks: string[] = [];
		const progress: Progress = { start() {}, tick: (file) => ticks.push(file), stop() {} };
		const { summary } = runIngest(fakeParser, { rootDir: root, divisions, progress });

		// Stable order: code-unit order of the paths below content/reports/.
		expect(ticks).toEqual([
			'content/reports/2022/店塔镇.txt',
			'content/reports/2023/店塔镇 年报.txt',
			'content/reports/城关镇.txt',
			'content/reports/扫描件.png',
		]);
		expect(summary.counts).toMatchObject({
			read: 4,
			parsed: 3,
			rejected: 1,
			skipped: 1,
			written: 2,
			failedCrossYearChecks: 1,
		});
		expect(summary.rejected).toEqual([
			{ file: 'content/reports/扫描件.png', reason: 'not a report: no title found' },
		]);
		expect(summary.skipped[0]!.reason).toMatch(
			/^township-ambiguous: .*content\/townships\.overrides\.json/,
		);
		expect(hasProblems(summary)).toBe(true);
		const printed = summaryLines(summary).join('\n');
		expect(printed).toContain('4 read, 3 parsed, 2 written, 1 rejected, 1 skipped');
		expect(printed).toContain('content/reports/扫描件.png: not a report: no title found');

		const generated = join(root, 'content/generated');
		expect(readdirSync(join(generated, 'reports'))).toEqual([
			'610881102-2022.json',
			'610881102-2023.json',
		]);
		const entry = reportEntrySchema.parse(
			JSON.parse(readFileSync(join(generated, 'reports/610881102-2023.json'), 'utf8')),
		);
		expect(entry.township).toMatchObject({
			code: '610881102',
			name: '店塔镇',
			kind: '镇',
			pinyin: 'dian ta zhen',
			initials: 'dtz',
		});
		expect(entry.township.county).toEqual({ code: '610881', name: '神木市' });
		expect(entry.sourceFile).toBe('content/reports/2023/店塔镇 年报.txt');
		const detail = JSON.parse(
			readFileSync(join(generated, 'details/610881102-2023.json'), 'utf8'),
		) as { sourceText: string };
		expect(detail.sourceText).toBe(SEEDS['content/reports/2023/店塔镇 年报.txt']);
		expect(entry.crossYearChecks.find((c) => c.scope === 'total')).toMatchObject({
			id: 'X1',
			status: 'fail',
			expected: 2,
			actual: 1,
		});
		expect(
			JSON.parse(readFileSync(join(generated, 'ingest-summary.json'), 'utf8')).counts.written,
		).toBe(2);
	});

	it('places an ambiguous township once the override file answers it, and a correction replaces its original', () => {
		const root = contentTree({
			...SEEDS,
			'content/reports/城关镇-更正.txt': 'township: 城关镇\nyear: 2023\n',
			'content/townships.overrides.json': JSON.stringify({
				overrides: [
					{ township: '城关镇', code: '340322100', note: 'both files are 五河县 reports' },
				],
			}),
			'content/reports.corrections.json': JSON.stringify({
				corrections: [{ file: '城关镇-更正.txt', replaces: '城关镇.txt' }],
			}),
		});
		const { summary, entries } = runIngest(fakeParser, {
			rootDir: root,
			divisions,
			progress: silentProgress,
		});
		expect(summary.counts).toMatchObject({ skipped: 0, superseded: 1, written: 3 });
		const corrected = entries.find((e) => e.id === '340322100-2023')!;
		expect(corrected.sourceFile).toBe('content/reports/城关镇-更正.txt');
		expect(corrected.replaces).toBe('content/reports/城关镇.txt');
	});

	it('publishes a report with an implausible year only once the curator confirms the year', () => {
		const files = {
			'content/reports/1900.txt': 'township: 店塔镇\ncounty: 神木市\nyear: 1900\n',
			'content/reports/2099.txt': 'township: 店塔镇\ncounty: 神木市\nyear: 2099\n',
		};
		const unconfirmed = runIngest(fakeParser, {
			rootDir: contentTree(files),
			divisions,
			progress: silentProgress,
		});
		expect(unconfirmed.summary.counts).toMatchObject({ skipped: 2, written: 0 });
		expect(unconfirmed.summary.skipped.map((s) => s.reason.split(':')[0])).toEqual([
			'year-implausible',
			'year-implausible',
		]);
		expect(unconfirmed.summary.skipped[0]!.reason).toContain('"year": 1900');

		const confirmed = runIngest(fakeParser, {
			rootDir: contentTree({
				...files,
				'content/townships.overrides.json': JSON.stringify({
					overrides: [{ file: '1900.txt', code: '610881102', year: 1900, note: 'as printed' }],
				}),
			}),
			divisions,
			progress: silentProgress,
		});
		expect(confirmed.entries.map((e) => e.year)).toEqual([1900]);
		expect(confirmed.summary.counts).toMatchObject({ skipped: 1, written: 1 });
	});

	it('has nothing for --strict to fail on when every report is clean', () => {
		const root = contentTree({
			'content/reports/a.txt': 'township: 店塔镇\ncounty: 神木市\nyear: 2023\n',
		});
		const { summary } = runIngest(fakeParser, {
			rootDir: root,
			divisions,
			progress: silentProgress,
		});
		expect(summary.counts).toMatchObject({ written: 1, warnings: 0, errors: 0 });
		expect(hasProblems(summary)).toBe(false);
	});

	it('leaves the previous collection in place when writing fails', () => {
		const root = contentTree({
			...SEEDS,
			'content/generated/reports/old-2020.json': '{"old":true}',
		});
		const failingWrite = (path: string) => {
			if (path.endsWith('ingest-summary.json')) throw new Error('disk full');
		};
		expect(() =>
			runIngest(fakeParser, {
				rootDir: root,
				divisions,
				progress: silentProgress,
				writeFile: failingWrite,
			}),
		).toThrow('disk full');
		expect(readdirSync(join(root, 'content/generated/reports'))).toEqual(['old-2020.json']);
	});

	it('stops on a malformed override file instead of guessing', () => {
		const root = contentTree({
			...SEEDS,
			'content/townships.overrides.json': '{"overrides": [{"township": "城关镇"}]}',
		});
		expect(() =>
			runIngest(fakeParser, { rootDir: root, divisions, progress: silentProgress }),
		).toThrow(/exactly one of "code" or "body"/);
	});

	it('re-ingesting an unchanged corpus writes nothing new; one edited report rewrites only its files', () => {
		const root = contentTree(SEEDS);
		const options = { rootDir: root, divisions, progress: silentProgress };
		const first = runIngest(fakeParser, options);
		const written = first.files.written;
		expect(first.files).toEqual({ written, unchanged: 0 });
		expect(written).toBe(first.summary.counts.written * 2 + 1); // entry + detail each, summary

		const again = runIngest(fakeParser, options);
		expect(again.files).toEqual({ written: 0, unchanged: written });

		// 2022's carriedForward feeds 2023's X1: its own files and the 2023 entry change.
		writeFileSync(
			join(root, 'content/reports/2022/店塔镇.txt'),
			'township: 店塔镇\ncounty: 神木市\nyear: 2022\ncarriedForward: 1\n',
		);
		const edited = runIngest(fakeParser, options);
		expect(edited.files.written).toBeGreaterThanOrEqual(3);
		expect(edited.files.written + edited.files.unchanged).toBe(written);
		const entry = edited.entries.find((e) => e.id === '610881102-2023')!;
		expect(entry.crossYearChecks.find((c) => c.scope === 'total')).toMatchObject({
			status: 'pass',
			expected: 1,
			actual: 1,
		});
	});

	it('holds no record between the passes: each chosen file is parsed again, in township and year order', () => {
		const parsed: string[] = [];
		const counting: ReportParser = {
			decodeReport: fakeParser.decodeReport,
			parseReport(bytes, options) {
				parsed.push(options.file);
				return fakeParser.parseReport(bytes, options);
			},
		};
		runIngest(counting, { rootDir: contentTree(SEEDS), divisions, progress: silentProgress });
		expect(parsed).toEqual([
			// first pass: every file, in path order (the .png is rejected)
			'content/reports/2022/店塔镇.txt',
			'content/reports/2023/店塔镇 年报.txt',
			'content/reports/城关镇.txt',
			'content/reports/扫描件.png',
			// second pass: the chosen ones, the earlier year first
			'content/reports/2022/店塔镇.txt',
			'content/reports/2023/店塔镇 年报.txt',
		]);
	});

	it('stops, leaving the collection as it was, when a report changes between the two passes', () => {
		const root = contentTree({
			...SEEDS,
			'content/generated/reports/old-2020.json': '{"old":true}',
		});
		const reads = new Map<string, number>();
		const changing = (path: string) => {
			const n = (reads.get(path) ?? 0) + 1;
			reads.set(path, n);
			const bytes = readFileSync(path);
			return n > 1 && path.endsWith('2023/店塔镇 年报.txt')
				? Buffer.concat([bytes, Buffer.from('carriedOver: 2\n')])
				: bytes;
		};
		expect(() =>
			runIngest(fakeParser, {
				rootDir: root,
				divisions,
				progress: silentProgress,
				readFile: changing,
			}),
		).toThrow(
			/content\/reports\/2023\/店塔镇 年报\.txt 在本次 ingest 过程中被改动；请重新运行 npm run ingest/,
		);
		expect(readdirSync(join(root, 'content/generated/reports'))).toEqual(['old-2020.json']);
	});
});
