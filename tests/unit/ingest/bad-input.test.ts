/**
 * The ingest under hostile and careless input (issue 13): an unreadable file, links, FIFOs and
 * hidden names, oversized reports and message floods, a file name that forges a diagnostic, a
 * BOM in a curator file, two files for one township and year, a held or stale output lock, and
 * a write that leaves a file short. Each case is one rejected or named file, never a lost run.
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import { capPerFile, fileDiagnostic, quoteFileName } from '../../../src/lib/ingest/diagnostics.ts';
import { LIMITS } from '../../../src/lib/ingest/limits.ts';
import { lineProgress, silentProgress } from '../../../src/lib/ingest/progress.ts';
import {
	GENERATED_DIR,
	runIngest,
	type IngestOptions,
	type ReportParser,
} from '../../../src/lib/ingest/run-ingest.ts';
import { summaryLines } from '../../../src/lib/ingest/summary.ts';
import type { ReportEntry } from '../../../src/lib/model/entry.ts';
import { formatDiagnostic } from '../../../src/lib/report/index.ts';
import { makeRecord } from './make-record.ts';

const divisions = loadDivisions();

class ReportRejection extends Error {
	override name = 'ReportRejection';
}

/** A "report" is lines of `key: value`; `messages: N` makes N warnings, `unassigned: N` N stray numbers. */
const fakeParser: ReportParser = {
	decodeReport: (bytes) => ({ text: new TextDecoder().decode(bytes) }),
	parseReport(bytes, { file }) {
		const text = new TextDecoder().decode(bytes);
		if (!text.startsWith('township:')) throw new ReportRejection('not a report: no title found');
		const field = (key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1] ?? null;
		const record = makeRecord({
			file,
			metadata: { township: field('township'), county: field('county'), reportYear: 2023 },
		});
		for (let i = 0; i < Number(field('messages') ?? 0); i++)
			record.diagnostics.push(fileDiagnostic(file, 'warning', 'H7', `row ${i}`, i + 1, 1));
		for (let i = 0; i < Number(field('unassigned') ?? 0); i++)
			record.unassigned.push({
				raw: String(i),
				line: 2,
				col: i,
				table: 'table3',
				reason: 'surplus cell',
			});
		return record;
	},
};

const REPORT = (township: string, county = '神木市', extra = '') =>
	`township: ${township}\ncounty: ${county}\n${extra}`;

function contentTree(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'ingest-bad-'));
	mkdirSync(join(root, 'content/reports'), { recursive: true });
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	return root;
}

const ingest = (root: string, more: Partial<IngestOptions> = {}) =>
	runIngest(fakeParser, { rootDir: root, divisions, progress: silentProgress, ...more });

const written = (root: string) => readdirSync(join(root, GENERATED_DIR, 'reports')).sort();
const entryOf = (root: string, id: string) =>
	JSON.parse(
		readFileSync(join(root, GENERATED_DIR, 'reports', `${id}.json`), 'utf8'),
	) as ReportEntry;

describe('an unreadable report (issue 13.7)', () => {
	it('is one rejected file, named; the others are written', () => {
		const root = contentTree({
			'content/reports/a.txt': REPORT('店塔镇'),
			'content/reports/b.txt': REPORT('孙家岔镇'),
		});
		const readFile = (path: string) => {
			if (path.endsWith('a.txt'))
				throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), {
					code: 'EACCES',
					syscall: 'open',
				});
			return readFileSync(path);
		};
		const { summary, diagnostics } = ingest(root, { readFile });
		expect(summary.counts).toMatchObject({ read: 2, rejected: 1, written: 1 });
		expect(summary.rejected[0]).toEqual({
			file: 'content/reports/a.txt',
			reason: expect.stringContaining('EACCES'),
		});
		expect(diagnostics.map((d) => d.ruleId)).toContain('file-unreadable');
		expect(written(root)).toEqual(['610881103-2023.json']);
	});
});

describe('entries that are not regular files (issue 13.8)', () => {
	it('are not followed or read, and every one is counted and named with its reason', () => {
		const root = contentTree({
			'content/reports/a.txt': REPORT('店塔镇'),
			'content/reports/.hidden.txt': REPORT('孙家岔镇'),
			'outside/b.txt': REPORT('孙家岔镇'),
		});
		const reports = join(root, 'content/reports');
		symlinkSync(join(root, 'outside/b.txt'), join(reports, 'link.txt'));
		symlinkSync(join(root, 'nowhere.txt'), join(reports, 'dangling.txt'));
		execFileSync('mkfifo', [join(reports, 'pipe.txt')]);
		const { summary } = ingest(root);
		expect(summary.counts).toMatchObject({ read: 1, written: 1, ignored: 4 });
		const reasons = Object.fromEntries(summary.ignored.map((i) => [i.file, i.reason]));
		expect(Object.keys(reasons)).toEqual([
			'content/reports/.hidden.txt',
			'content/reports/dangling.txt',
			'content/reports/link.txt',
			'content/reports/pipe.txt',
		]);
		expect(reasons['content/reports/link.txt']).toContain('符号链接');
		expect(reasons['content/reports/dangling.txt']).toContain('失效');
		expect(reasons['content/reports/pipe.txt']).toContain('FIFO');
		expect(reasons['content/reports/.hidden.txt']).toContain('点');
		const printed = summaryLines(summary).join('\n');
		expect(printed).toContain('4 ignored');
		expect(printed).toContain('content/reports/pipe.txt: 命名管道');
	});
});

describe('size limits (issue 13.4)', () => {
	it('refuses a report file over the size limit by name, and builds the rest', () => {
		const root = contentTree({
			'content/reports/big.txt': REPORT('店塔镇') + 'x'.repeat(LIMITS.reportBytes),
			'content/reports/ok.txt': REPORT('孙家岔镇'),
		});
		const { summary } = ingest(root);
		expect(summary.rejected).toEqual([
			{
				file: 'content/reports/big.txt',
				reason: expect.stringMatching(/^report-too-large: .*上限/),
			},
		]);
		expect(written(root)).toEqual(['610881103-2023.json']);
	});

	it('lists at most the limit of messages per report and counts the rest as "N more", on the page too', () => {
		const root = contentTree({
			'content/reports/a.txt': REPORT('店塔镇', '神木市', 'messages: 5000\n'),
		});
		const { diagnostics, summary } = ingest(root);
		const own = diagnostics.filter((d) => d.file === 'content/reports/a.txt');
		expect(own).toHaveLength(LIMITS.messagesPerReport + 1);
		expect(own.find((d) => d.ruleId === 'messages-capped')!.message).toContain(
			`${5000 - LIMITS.messagesPerReport} 条`,
		);
		expect(summary.counts.warnings).toBeLessThanOrEqual(LIMITS.messagesPerReport + 1);
		const entry = entryOf(root, '610881102-2023');
		expect(entry.record.diagnostics).toHaveLength(LIMITS.messagesPerReport + 1);
		expect(entry.record.diagnostics.at(-1)!.ruleId).toBe('messages-capped');
	});

	it('refuses a report whose record would exceed the entry size limit, by name', () => {
		const many = Math.ceil(LIMITS.entryBytes / 50);
		const root = contentTree({
			'content/reports/flood.txt': REPORT('店塔镇', '神木市', `unassigned: ${many}\n`),
			'content/reports/ok.txt': REPORT('孙家岔镇'),
		});
		const { summary } = ingest(root);
		expect(summary.skipped).toEqual([
			{ file: 'content/reports/flood.txt', reason: expect.stringMatching(/^report-too-large: /) },
		]);
		expect(written(root)).toEqual(['610881103-2023.json']);
	});
});

describe('file names in line-oriented output (issue 13.12)', () => {
	const forged = 'x.txt\ncontent/reports/y.txt:1:1 error forged 伪造的消息';

	it('quoteFileName escapes line breaks, control characters and a :line that could forge a position', () => {
		expect(quoteFileName('2023/店塔镇 年报.txt')).toBe('2023/店塔镇 年报.txt');
		expect(quoteFileName(forged)).toBe(JSON.stringify(forged));
		expect(quoteFileName('a\u0007b')).toBe('"a\\u0007b"');
		expect(quoteFileName('a.txt:3:1 error x')).toBe('"a.txt:3:1 error x"');
	});

	it('no diagnostic, summary or progress line starts with the forged message', () => {
		const root = contentTree({ [`content/reports/${forged}`]: 'not a report' });
		const { summary, diagnostics } = ingest(root, { progress: silentProgress });
		let progress = '';
		const p = lineProgress({ write: (t: string) => (progress += t) });
		p.start(1);
		p.tick(`content/reports/${forged}`);
		const lines = [
			...diagnostics.map((d) => formatDiagnostic({ ...d, file: quoteFileName(d.file) })),
			...summaryLines(summary),
			...progress.split('\n'),
		].flatMap((l) => l.split('\n'));
		expect(summary.rejected).toHaveLength(1);
		expect(lines.some((l) => l.includes('伪造'))).toBe(true);
		expect(lines.filter((l) => /^\s*content\/reports\/y\.txt:1:1/.test(l))).toEqual([]);
	});
});

describe('curator files (issue 13.13)', () => {
	it('accepts a UTF-8 BOM at the start of townships.overrides.json', () => {
		const root = contentTree({
			'content/reports/a.txt': REPORT('城关镇', ''),
			'content/townships.overrides.json':
				'\uFEFF' + JSON.stringify({ overrides: [{ township: '城关镇', code: '340322100' }] }),
		});
		const { summary } = ingest(root);
		expect(summary.counts.written).toBe(1);
	});
});

describe('two files for the same township and year (issue 13.14)', () => {
	it('publishes one, states the conflict on its page and in the summary, and keeps it on later runs', () => {
		const root = contentTree({
			'content/reports/b.txt': REPORT('店塔镇'),
			'content/reports/c.txt': REPORT('店塔镇'),
		});
		const first = ingest(root);
		expect(written(root)).toEqual(['610881102-2023.json']);
		expect(entryOf(root, '610881102-2023').sourceFile).toBe('content/reports/b.txt');
		const onPage = entryOf(root, '610881102-2023').record.diagnostics;
		expect(onPage.find((d) => d.ruleId === 'duplicate-report')!.message).toContain(
			'content/reports/c.txt',
		);
		expect(first.summary.skipped.map((s) => s.file)).toEqual(['content/reports/c.txt']);
		expect(first.summary.counts.errors).toBeGreaterThan(0); // --strict fails on it

		// A new file that sorts first does not take the page over from the one already published.
		writeFileSync(join(root, 'content/reports/a.txt'), REPORT('店塔镇'));
		const second = ingest(root);
		expect(entryOf(root, '610881102-2023').sourceFile).toBe('content/reports/b.txt');
		expect(second.summary.skipped.map((s) => s.file).sort()).toEqual([
			'content/reports/a.txt',
			'content/reports/c.txt',
		]);
	});
});

describe('the output lock and the write check (issue 13.1, 13.6)', () => {
	it('stops with a clear message while another run holds the lock, touching nothing', () => {
		const root = contentTree({ 'content/reports/a.txt': REPORT('店塔镇') });
		ingest(root);
		const before = readFileSync(join(root, GENERATED_DIR, 'ingest-summary.json'), 'utf8');
		writeFileSync(join(root, 'content/reports/b.txt'), REPORT('孙家岔镇'));
		// A live process (this one's parent) holds it.
		const lock = join(root, `${GENERATED_DIR}.lock`);
		const holder = { pid: process.ppid, host: hostname(), started: 'x', what: 'npm run ingest' };
		writeFileSync(lock, JSON.stringify(holder));
		expect(() => ingest(root)).toThrow(/正在写入同一输出.*未做任何改动/);
		expect(readFileSync(join(root, GENERATED_DIR, 'ingest-summary.json'), 'utf8')).toBe(before);
		expect(existsSync(lock)).toBe(true);
	});

	it('takes over a lock whose process is gone (a run killed with -9)', () => {
		const root = contentTree({ 'content/reports/a.txt': REPORT('店塔镇') });
		const dead = execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], {
			encoding: 'utf8',
		}).trim();
		const lock = join(root, `${GENERATED_DIR}.lock`);
		writeFileSync(
			lock,
			JSON.stringify({ pid: Number(dead), host: hostname(), started: 'x', what: 'x' }),
		);
		mkdirSync(join(root, `${GENERATED_DIR}.tmp`), { recursive: true }); // left by the old layout
		mkdirSync(join(root, `${GENERATED_DIR}.tmp-${dead}-abcd/reports`), { recursive: true });
		expect(ingest(root).summary.counts.written).toBe(1);
		expect(existsSync(lock)).toBe(false);
		expect(readdirSync(join(root, 'content')).sort()).toEqual(['generated', 'reports']);
	});

	it('refuses to swap in a folder whose files are not all there in full, and leaves the old one', () => {
		const root = contentTree({ 'content/reports/a.txt': REPORT('店塔镇') });
		ingest(root);
		writeFileSync(join(root, 'content/reports/b.txt'), REPORT('孙家岔镇'));
		// A disk that accepts the write and keeps only half of it.
		const short = (path: string, content: string | Uint8Array) =>
			writeFileSync(path, content.slice(0, content.length >> 1));
		expect(() => ingest(root, { writeFile: short })).toThrow(/未改动.*核对/);
		expect(written(root)).toEqual(['610881102-2023.json']);
		expect(readdirSync(join(root, 'content')).sort()).toEqual(['generated', 'reports']);
	});
});

describe('capPerFile', () => {
	it('keeps the first messages of each file and counts the rest per file', () => {
		const d = (file: string, i: number) => fileDiagnostic(file, 'warning', 'H7', `m${i}`, i);
		const capped = capPerFile([d('a', 1), d('a', 2), d('a', 3), d('b', 1)], 2);
		expect(capped.map((x) => `${x.file}:${x.ruleId}`)).toEqual([
			'a:H7',
			'a:H7',
			'b:H7',
			'a:messages-capped',
		]);
		expect(capped.at(-1)!.message).toContain('1 条');
	});
});
