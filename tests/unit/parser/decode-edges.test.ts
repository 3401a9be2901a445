/**
 * Issue 13 item 10, encoding edges: one bad byte in a UTF-8 file must not flip the whole file to
 * GB18030 (the candidate whose text reads best wins, and the replaced bytes are reported by line
 * and column); a NUL past the first 8 KB is stripped with a warning, never kept in the text;
 * UTF-16 without a BOM that is mostly Chinese is recognised from its byte statistics.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReport, parseReport } from '../../../src/lib/report/index.ts';

const REPO = join(import.meta.dirname, '..', '..', '..');
const SEED = 'content/reports/001_b878a3b9c19ecb27.txt';
const seedBytes = () => new Uint8Array(readFileSync(join(REPO, SEED)));
const seedText = () => new TextDecoder().decode(seedBytes());
const golden = JSON.parse(
	readFileSync(join(REPO, 'tests/fixtures/seeds/001_b878a3b9c19ecb27.golden.json'), 'utf8'),
);

/** The byte offset of the first character of `needle`'s `nth` occurrence, and its line and column. */
function placeOf(text: string, needle: string) {
	const at = text.indexOf(needle);
	const before = text.slice(0, at);
	const line = before.split('\n').length;
	const col = at - before.lastIndexOf('\n');
	return { byte: Buffer.byteLength(before), line, col };
}

describe('one invalid byte in a UTF-8 file', () => {
	const text = seedText();
	const place = placeOf(text, '总体情况');
	const damaged = seedBytes();
	damaged[place.byte] = 0xff; // the lead byte of 总 becomes a byte UTF-8 never uses

	it('is still read as UTF-8, with the damage replaced by U+FFFD', () => {
		const decoded = decodeReport(damaged);
		expect(decoded.encoding).toBe('utf-8');
		expect(decoded.text).toContain('\ufffd');
		expect(decoded.text).toContain('政府信息公开');
	});

	it('reports where the byte was (line and column) as a warning', () => {
		const decoded = decodeReport(damaged);
		expect(decoded.notes).toEqual([
			expect.objectContaining({
				ruleId: 'encoding-replaced',
				severity: 'warning',
				line: place.line,
				col: place.col,
			}),
		]);
		const record = parseReport(damaged, { file: 'damaged.txt' });
		expect(record.diagnostics.find((d) => d.ruleId === 'encoding-replaced')).toMatchObject({
			file: 'damaged.txt',
			line: place.line,
			col: place.col,
		});
	});

	it('parses to the same tables as the undamaged report', () => {
		const record = parseReport(damaged, { file: 'damaged.txt' });
		expect(record.source.encoding).toBe('utf-8');
		expect(record.table2).toEqual(golden.table2);
		expect(record.table3).toEqual(golden.table3);
		expect(record.table4).toEqual(golden.table4);
	});

	it('a GBK file with one damaged byte is still GBK', () => {
		const gbk = new Uint8Array(
			execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }),
		);
		gbk[200] = 0xff;
		expect(decodeReport(gbk).encoding).toBe('gb18030');
	});
});

describe('NUL bytes after the first 8 KB', () => {
	// A blank first line of 3,000 ideographic spaces (9,000 bytes) puts the report past 8 KB.
	const text = `${'\u3000'.repeat(3000)}\n${seedText()}`;
	const at = text.indexOf('\n', 3100) + 1; // the start of a line past 8 KB
	const withNul = new TextEncoder().encode(`${text.slice(0, at)}\0\0${text.slice(at)}`);

	it('are stripped from the text, with one warning saying where and how many', () => {
		expect(withNul.indexOf(0)).toBeGreaterThan(8192);
		const decoded = decodeReport(withNul);
		expect(decoded.text).not.toContain('\0');
		expect(decoded.text).toBe(text);
		const line = text.slice(0, at).split('\n').length;
		expect(decoded.notes).toEqual([
			expect.objectContaining({ ruleId: 'nul-stripped', line, col: 1 }),
		]);
		expect(decoded.notes![0]!.message).toContain('2 个 NUL');
	});

	it('never reach the record: the source text and every section are free of them', () => {
		const record = parseReport(withNul, { file: 'nul.txt' });
		expect(JSON.stringify(record)).not.toContain('\\u0000');
		expect(record.table3).toEqual(golden.table3);
	});

	it('a NUL within the first 8 KB still means binary data', () => {
		const early = new TextEncoder().encode(`${text.slice(0, 100)}\0${text.slice(100)}`);
		expect(() => decodeReport(early)).toThrow(/二进制数据/);
	});
});

describe('UTF-16 without a BOM, mostly Chinese', () => {
	// Prose only: almost no ASCII, so there is no zero byte in every other position to go by.
	const prose = seedText()
		.split('\n')
		.filter((l) => /[\u4e00-\u9fff]{8}/.test(l) && !/\t/.test(l))
		.join('\n');

	it('little-endian is recognised from its byte statistics', () => {
		const le = new Uint8Array(Buffer.from(prose, 'utf16le'));
		const zeros = le.filter((b) => b === 0).length;
		expect(zeros / le.length).toBeLessThan(0.1);
		expect(decodeReport(le)).toEqual({ text: prose, encoding: 'utf-16le' });
	});

	it('big-endian too', () => {
		const le = Buffer.from(prose, 'utf16le');
		const be = new Uint8Array(le.length);
		for (let i = 0; i < le.length; i += 2) {
			be[i] = le[i + 1]!;
			be[i + 1] = le[i]!;
		}
		expect(decodeReport(be)).toEqual({ text: prose, encoding: 'utf-16be' });
	});

	it('UTF-8 and GBK Chinese are not mistaken for UTF-16', () => {
		expect(decodeReport(new TextEncoder().encode(prose)).encoding).toBe('utf-8');
		const gbk = new Uint8Array(
			execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: prose }),
		);
		expect(decodeReport(gbk).encoding).toBe('gb18030');
	});
});
