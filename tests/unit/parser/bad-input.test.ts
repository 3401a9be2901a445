/**
 * Bad input (issue "Bad input never breaks the build or loses data"): one test per input fault.
 * Each fault must yield either a record whose diagnostics name the file and a line of it, or a
 * ReportRejection whose message is one line saying what is wrong and how to fix it.
 *
 * "How to fix it" is checked as an imperative remedy in the message (REMEDY below).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import {
	formatDiagnostic,
	parseReport,
	ReportRejection,
	reportRecordSchema,
	type ReportRecord,
} from '../../../src/lib/report/index.ts';
import { makeTable2, makeTable3, makeTable4 } from '../../support/layout-fixtures.ts';
import { renderReport } from '../../support/render-report.ts';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const SEED = {
	s000: 'content/reports/000_6f2e2ab07841e359.txt',
	s001: 'content/reports/001_b878a3b9c19ecb27.txt',
	s002: 'content/reports/002_ccc6fd39e1392b13.txt',
	s003: 'content/reports/003_9745357b52893146.txt',
	s004: 'content/reports/004_8f2481f9843f518e.txt',
};
const seedText = (path: string) => readFileSync(join(REPO, path), 'utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);

/** An imperative remedy a curator can act on. */
/** What to do, in the Chinese curator form: 请把… / 请确认… / 请检查… / 请删除… */
const REMEDY = /；请(?:把|确认|检查|解压|改用|用|重新|删除)/;

function rejectionOf(input: Uint8Array | string, file: string): ReportRejection {
	try {
		parseReport(input, { file });
	} catch (error) {
		expect(error).toBeInstanceOf(ReportRejection);
		return error as ReportRejection;
	}
	throw new Error(`${file} was parsed, not rejected`);
}

/** A record that passes the schema and whose every diagnostic names the file and a line of it. */
function expectDiagnosable(record: ReportRecord, file: string): void {
	const parsed = reportRecordSchema.safeParse(record);
	expect(
		parsed.success,
		parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)),
	).toBe(true);
	expect(record.source.file).toBe(file);
	for (const d of record.diagnostics) {
		expect(d.file).toBe(file);
		expect(d.line).toBeGreaterThanOrEqual(1);
		expect(d.line).toBeLessThanOrEqual(record.source.lineCount);
		expect(formatDiagnostic(d)).toMatch(/^.+:\d+:\d+ (?:error|warning|info) \S+ \S.*$/);
		expect(formatDiagnostic(d).startsWith(`${file}:${d.line}:`)).toBe(true);
	}
}

const tablesOf = (r: ReportRecord) => ({
	formatVersion: r.formatVersion,
	table2: r.table2,
	table2v2019: r.table2v2019,
	table3: r.table3,
	table4: r.table4,
});
/** The record as it would be from plain UTF-8: encoding and its info diagnostic left out. */
const apartFromEncoding = (r: ReportRecord) => ({
	...r,
	source: { ...r.source, encoding: '-' },
	diagnostics: r.diagnostics.filter((d) => d.ruleId !== 'encoding'),
});
const lineOf = (lines: string[], test: (l: string) => boolean) => lines.findIndex(test) + 1;

// ---------------------------------------------------------------------------------------------

describe('empty file', () => {
	it.each([
		['0 bytes', new Uint8Array()],
		['a UTF-8 BOM only', new Uint8Array([0xef, 0xbb, 0xbf])],
		['whitespace only', utf8(' \n\t\r\n\u3000\n')],
	])('%s: rejected with a one-line message that says the file is empty', (_, bytes) => {
		const { message } = rejectionOf(bytes, 'empty.txt');
		expect(message).toMatch(/^[^\r\n]+$/);
		expect(message).toMatch(/^空文件/);
	});

	it('the empty-file message also says how to fix it (e.g. re-export the report as text)', () => {
		expect(rejectionOf(new Uint8Array(), 'empty.txt').message).toMatch(REMEDY);
	});
});

describe('binary data', () => {
	const png = new Uint8Array([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
		0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
	]);
	// The start of a .docx: a zip local file header for [Content_Types].xml with deflated XML after
	// it.
	const xml = deflateRawSync(
		Buffer.from(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
		),
	);
	const name = Buffer.from('[Content_Types].xml');
	const header = Buffer.alloc(30);
	header.writeUInt32LE(0x04034b50, 0);
	header.writeUInt16LE(20, 4);
	header.writeUInt16LE(6, 6);
	header.writeUInt16LE(8, 8);
	header.writeUInt32LE(xml.length, 18);
	header.writeUInt16LE(name.length, 26);
	const docx = new Uint8Array(Buffer.concat([header, name, xml]));

	it.each([
		['PNG image', png],
		['zip / .docx', docx],
	])(
		'%s: rejected with a one-line message saying it is binary and to save it as plain text',
		(_, bytes) => {
			const { message, ruleId } = rejectionOf(bytes, 'report.bin');
			expect(ruleId).toBe('form-unreadable');
			expect(message).toMatch(/^[^\r\n]+$/);
			expect(message).toMatch(/^二进制数据|^压缩包/);
			expect(message).toMatch(REMEDY);
			expect(message).toMatch(/纯文本|UTF-8|GBK|解压/);
		},
	);
});

describe('truncated report (cut in the middle of Table 3)', () => {
	// A rendered report with distinct non-zero values, cut after the first three numbers of
	// 4.保护第三方合法权益.
	const truth = {
		meta: { county: '青阳县', township: '柳溪镇', year: 2023 },
		formatVersion: '2021' as const,
		table2: makeTable2(12),
		table2v2019: null,
		table3: makeTable3(12, '2021'),
		table4: makeTable4(12),
	};
	const full = renderReport(truth, { layout: 'tsv' }).text.split('\n');
	const cutLine = lineOf(full, (l) => l.includes('4.保护第三方合法权益'));
	const cells = full[cutLine - 1]!.split('\t');
	const labelAt = cells.findIndex((c) => c.includes('保护第三方'));
	const text = [...full.slice(0, cutLine - 1), cells.slice(0, labelAt + 4).join('\t')].join('\n');
	const heading3 = lineOf(full, (l) => l === '三、收到和处理政府信息公开申请情况');
	const record = parseReport(utf8(text), { file: 'truncated.txt' });

	it('yields a record whose diagnostics name the file and a line', () => {
		expectDiagnosable(record, 'truncated.txt');
	});
	it('keeps every Table 3 row before the cut exactly, and Table 2', () => {
		expect(record.table2).toEqual(truth.table2);
		const before = [
			'newReceived',
			'carriedOver',
			'granted',
			'partiallyGranted',
			'deniedStateSecret',
			'deniedLawProhibited',
			'deniedSecurityStability',
		] as const;
		for (const row of before) expect(record.table3?.[row], row).toEqual(truth.table3[row]);
	});
	it('invents nothing for the cut row or after it: null, with the cut row reported as short (H7) at its line and its numbers in unassigned', () => {
		expect(Object.values(record.table3!.deniedThirdParty)).toEqual(Array(7).fill(null));
		expect(Object.values(record.table3!.carriedForward)).toEqual(Array(7).fill(null));
		expect(record.diagnostics).toContainEqual(
			expect.objectContaining({
				ruleId: 'H7',
				line: cutLine,
				severity: 'error',
				message: expect.stringContaining('3 个数，应有 7 个'),
			}),
		);
		const printed = cells.slice(labelAt + 1, labelAt + 4);
		expect(record.unassigned.filter((u) => u.line === cutLine).map((u) => u.raw.trim())).toEqual(
			printed,
		);
	});
	it('reports the rows it never saw (H7 "not found") and the missing Table 4 (table-missing)', () => {
		expect(
			record.diagnostics.filter((d) => d.ruleId === 'H7' && /未找到/.test(d.message)),
		).toHaveLength(25 - 8);
		expect(record.diagnostics).toContainEqual(
			expect.objectContaining({
				ruleId: 'table-missing',
				message: expect.stringContaining('表四'),
			}),
		);
	});

	it('the "row not found" diagnostics point into Table 3 (its heading or where it stops), not at line 1', () => {
		const notFound = record.diagnostics.filter(
			(d) => d.ruleId === 'H7' && /未找到/.test(d.message),
		);
		expect(notFound.length).toBeGreaterThan(0);
		for (const d of notFound) expect(d.line).toBeGreaterThanOrEqual(heading3);
	});

	it('a real seed cut mid-Table 3 (004, inside 4.保护第三方合法权益) also yields a diagnosable record', () => {
		const lines = seedText(SEED.s004).split('\n');
		const at = lineOf(lines, (l) => l.includes('保护第三方'));
		const cut = [
			...lines.slice(0, at - 1),
			lines[at - 1]!.slice(0, lines[at - 1]!.indexOf('权益') + 6),
		].join('\n');
		const r = parseReport(utf8(cut), { file: '004-truncated.txt' });
		expectDiagnosable(r, '004-truncated.txt');
		expect(r.table3).not.toBeNull();
		expect(r.table4).toBeNull();
		expect(r.diagnostics.some((d) => d.ruleId === 'table-missing')).toBe(true);
	});
});

describe('enormous file (50 MB)', () => {
	it('a seed with its 总体情况 padded to 50 MB parses to the same tables, in bounded time and memory', () => {
		const lines = seedText(SEED.s004).split('\n');
		const two = lines.findIndex((l) => l.startsWith('二、主动公开政府信息情况'));
		const one = lines.findIndex((l) => l.startsWith('一、总体情况'));
		const paragraphs = lines.slice(one + 1, two).filter((l) => l.includes('。'));
		const block = `${paragraphs.join('\n\n')}\n\n`;
		const repeat = Math.ceil((50 * 1024 * 1024) / utf8(block).length);
		const bytes = utf8(
			[...lines.slice(0, two), block.repeat(repeat), ...lines.slice(two)].join('\n'),
		);
		expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);

		const started = performance.now();
		const record = parseReport(bytes, { file: 'enormous.txt' });
		const seconds = (performance.now() - started) / 1000;
		// Measured: about 2 s and 0.5 GB peak RSS on one core; the bounds leave room for slow CI
		// machines.
		expect(seconds).toBeLessThan(30);
		expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(2048);

		expectDiagnosable(record, 'enormous.txt');
		const plain = parseReport(readFileSync(join(REPO, SEED.s004)), { file: 'enormous.txt' });
		expect(tablesOf(record)).toEqual(tablesOf(plain));
		expect(record.metadata).toEqual(plain.metadata);
		expect(record.sections.overview.text.length).toBeGreaterThan(10_000_000);
	}, 60_000);
});

describe('text that is not a report', () => {
	const news = [
		'柳溪镇举办第三届农民丰收节',
		'',
		'本报讯（记者 王明 通讯员 李华）10月12日上午，柳溪镇第三届农民丰收节在镇文化广场开幕。',
		'活动现场设置农产品展销区、农耕文化体验区等6个区域，吸引周边群众3000余人参加，当天农产品销售额达12.5万元。',
		'镇党委书记在致辞中表示，下一步将继续深化乡村振兴，推动特色产业提质增效，让群众的“钱袋子”越来越鼓。',
		'据了解，今年以来，该镇累计培育新型农业经营主体15家，带动农户增收800余户。',
		'',
		'（责任编辑：张敏）',
	].join('\n');

	it('a news article is rejected with a one-line message saying it is not an annual report', () => {
		const { message, ruleId } = rejectionOf(utf8(news), 'news.txt');
		expect(ruleId).toBe('not-a-report');
		expect(message).toMatch(/^[^\r\n]+$/);
		expect(message).toMatch(/^不是政府信息公开工作年度报告/);
	});

	it('the not-a-report message also says how to fix it', () => {
		expect(rejectionOf(utf8(news), 'news.txt').message).toMatch(REMEDY);
	});
});

describe('a report with tables missing', () => {
	const file = SEED.s002;
	const lines = seedText(file).split('\n');
	const heading = (n: string) => lines.findIndex((l) => l.startsWith(n));
	const [h2, h3, h4, h5] = ['二、', '三、', '四、', '五、'].map(heading) as [
		number,
		number,
		number,
		number,
	];
	const full = parseReport(utf8(lines.join('\n')), { file: 'x.txt' });

	it('Table 3 missing (heading kept): a record with a table-missing error at the line after the 三 heading; Tables 2 and 4 intact', () => {
		const text = [...lines.slice(0, h3 + 1), '', ...lines.slice(h4)].join('\n');
		const record = parseReport(utf8(text), { file: 'no-table3.txt' });
		expectDiagnosable(record, 'no-table3.txt');
		expect(record.table3).toBeNull();
		expect(record.diagnostics).toContainEqual(
			expect.objectContaining({
				ruleId: 'table-missing',
				severity: 'error',
				line: h3 + 2,
				message: expect.stringContaining('表三'),
			}),
		);
		expect(record.table2).toEqual(full.table2);
		expect(record.table4).toEqual(full.table4);
	});

	it('Tables 2 and 4 missing (headings kept): table-missing errors at the lines after the 二 and 四 headings; Table 3 intact', () => {
		const text = [
			...lines.slice(0, h2 + 1),
			'',
			...lines.slice(h3, h4 + 1),
			'',
			...lines.slice(h5),
		].join('\n');
		const out = text.split('\n');
		const record = parseReport(utf8(text), { file: 'no-tables-2-4.txt' });
		expectDiagnosable(record, 'no-tables-2-4.txt');
		expect(record.table2).toBeNull();
		expect(record.table2v2019).toBeNull();
		expect(record.table4).toBeNull();
		expect(record.table3).toEqual(full.table3);
		const missing = record.diagnostics.filter((d) => d.ruleId === 'table-missing');
		expect(missing).toEqual([
			expect.objectContaining({
				line: lineOf(out, (l) => l.startsWith('二、')) + 1,
				message: expect.stringContaining('表二'),
			}),
			expect.objectContaining({
				line: lineOf(out, (l) => l.startsWith('四、')) + 1,
				message: expect.stringContaining('表四'),
			}),
		]);
	});

	it('Table 3 missing with its heading: table-missing and section-missing, still naming the file and a line', () => {
		const text = [...lines.slice(0, h3), ...lines.slice(h4)].join('\n');
		const record = parseReport(utf8(text), { file: 'no-section3.txt' });
		expectDiagnosable(record, 'no-section3.txt');
		expect(record.diagnostics.map((d) => d.ruleId)).toEqual(
			expect.arrayContaining(['table-missing', 'section-missing']),
		);
		expect(record.table4).toEqual(full.table4);
	});
});

describe('encodings and line endings', () => {
	const text = seedText(SEED.s004);
	const baseline = parseReport(utf8(text), { file: 'report.txt' });
	const sameAsUtf8 = (bytes: Uint8Array, encoding: RegExp) => {
		const record = parseReport(bytes, { file: 'report.txt' });
		expectDiagnosable(record, 'report.txt');
		expect(record.source.encoding).toMatch(encoding);
		expect(apartFromEncoding(record)).toEqual(apartFromEncoding(baseline));
		return record;
	};

	it('GBK (iconv -f UTF-8 -t GBK): the same record, with an info diagnostic naming the encoding at line 1', () => {
		const gbk = new Uint8Array(
			execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }),
		);
		const record = sameAsUtf8(gbk, /gb18030|gbk/);
		expect(record.diagnostics).toContainEqual(
			expect.objectContaining({
				file: 'report.txt',
				line: 1,
				ruleId: 'encoding',
				severity: 'info',
			}),
		);
	});
	it('UTF-16LE with BOM: the same record', () => {
		sameAsUtf8(new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le')), /utf-16le/);
	});
	it('UTF-16BE with BOM: the same record', () => {
		sameAsUtf8(new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le').swap16()), /utf-16be/);
	});
	it('UTF-8 with BOM: the same record', () => {
		sameAsUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), /utf-8/);
	});
	it('mixed line endings (CRLF, LF and CR in turn): exactly the same record, line numbers included', () => {
		let k = 0;
		const mixed = text.replace(/\n/g, () => ['\r\n', '\n', '\r'][k++ % 3]!);
		expect(mixed).toMatch(/\r\n/);
		expect(mixed).toMatch(/[^\r]\n/);
		expect(mixed).toMatch(/\r[^\n]/);
		const record = parseReport(utf8(mixed), { file: 'report.txt' });
		expectDiagnosable(record, 'report.txt');
		expect(record).toEqual(baseline);
	});
});

describe('Traditional characters', () => {
	// The whole of seed 003 (苏店镇) in Traditional script, as on mirror sites (OpenCC cn→tw: 蘇店鎮,
	// 規範性檔案…).
	const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
	const simplified = seedText(SEED.s003);
	const traditional = toTraditional(simplified);
	const record = parseReport(utf8(traditional), { file: 'traditional.txt' });
	const plain = parseReport(utf8(simplified), { file: 'traditional.txt' });

	it('yields the same tables as the Simplified text, with an info diagnostic at line 1', () => {
		expect(traditional).not.toBe(simplified);
		expectDiagnosable(record, 'traditional.txt');
		expect(tablesOf(record)).toEqual(tablesOf(plain));
		expect(record.diagnostics).toContainEqual(
			expect.objectContaining({ line: 1, ruleId: 'traditional-script', severity: 'info' }),
		);
		expect(record.metadata.reportYear).toBe(plain.metadata.reportYear);
	});

	it('names the township (苏店镇) as it does for the Simplified text', () => {
		expect(plain.metadata.township).toBe('苏店镇');
		expect(['苏店镇', '蘇店鎮']).toContain(record.metadata.township);
	});
});

describe('file names and folders (the CLI, `node scripts/parse.ts FILE`)', () => {
	const script = join(REPO, 'scripts', 'parse.ts');
	const run = (cwd: string, file: string) =>
		spawnSync(process.execPath, [script, file], { cwd, encoding: 'utf8' });
	const stderrLines = (s: string) =>
		s
			.trim()
			.split('\n')
			.filter((l) => l && !l.startsWith('npm warn'));

	it('a file name with spaces and Chinese characters: exit 0, and the record and its diagnostics name the file as given', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
		const file = join(dir, '旧县镇 2023 年 政府信息公开 年报 (副本).txt');
		copyFileSync(join(REPO, SEED.s002), file);
		const out = run(REPO, file);
		expect(out.status, out.stderr).toBe(0);
		const record = JSON.parse(out.stdout) as ReportRecord;
		expectDiagnosable(record, file);
		expect(record.diagnostics.length).toBeGreaterThan(0);
		expect(record.table2?.penalty.decisions).toBe(16);
	});

	it('a file in a nested folder, given relative to the working directory: exit 0, diagnostics name the relative path', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
		const rel = join('山西省', '忻州市', '河曲县', '2023 年报', 'reports', '002.txt');
		mkdirSync(join(dir, rel, '..'), { recursive: true });
		copyFileSync(join(REPO, SEED.s002), join(dir, rel));
		const out = run(dir, rel);
		expect(out.status, out.stderr).toBe(0);
		const record = JSON.parse(out.stdout) as ReportRecord;
		expectDiagnosable(record, rel);
		expect(record.diagnostics.some((d) => d.ruleId === 'S9' && d.file === rel && d.line > 1)).toBe(
			true,
		);
	});

	it('a non-report and an empty file with Chinese names and spaces: exit 1, one stderr line each, starting with the file name', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
		const news = join(dir, '新闻 稿件.txt');
		const empty = join(dir, '空 文件.txt');
		writeFileSync(
			news,
			'柳溪镇举办第三届农民丰收节\n本报讯 10月12日，柳溪镇第三届农民丰收节开幕，3000余人参加。\n',
		);
		writeFileSync(empty, '');
		const out = spawnSync(process.execPath, [script, news, empty], { cwd: dir, encoding: 'utf8' });
		expect(out.status).toBe(1);
		expect(stderrLines(out.stderr)).toEqual([
			expect.stringMatching(
				/^.*新闻 稿件\.txt:1:1 error not-a-report 不是政府信息公开工作年度报告/,
			),
			expect.stringMatching(/^.*空 文件\.txt:1:1 error not-a-report 空文件/),
		]);
	});
});
