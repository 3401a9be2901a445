/**
 * pdf-header-columns.ts, alone and through pdfPagesToText: a table row no other row of numbers
 * shares (Table 4's fifteen numbers) takes its columns from the leaf header cells over it, so an
 * empty cell (no glyph) is marked ␀ in its own column; headers that give no clean columns, and
 * numbers that stand under no column or two, leave the row as printed.
 */
import { describe, expect, it } from 'vitest';
import { headerColumns, placeNumbers } from '../../../src/lib/report/extract/pdf-header-columns.ts';
import type { PdfCell, PdfLine } from '../../../src/lib/report/extract/pdf-line.ts';
import { pdfPagesToText, type TextRun } from '../../../src/lib/report/extract/pdf-rows.ts';
import { page, run, W } from '../../support/pdf-runs.ts';
import { EMPTY_CELL_MARK as E } from '../../../src/lib/report/extract/grid.ts';

const rowsOf = (text: string) => text.split('\n').filter((l) => l.startsWith('|'));
const isNumeric = (c: PdfCell) => /^\d+$/.test(c.text);

/** Column i of a 15-column table: 30 units wide from x=60. */
const colX = (i: number) => 60 + 30 * i;
const RESULTS = ['维持', '纠正', '其他', '未结', '总计'];

/**
 * A Table 4 header: 行政复议 over 5 result columns (two rows high), 行政诉讼 over two groups
 * of 5, each result name printed in its column; `centred` puts the two-row-high names on a line
 * of their own between the second and third header lines (a ruled, vertically centred table).
 */
function table4Header(centred: boolean): TextRun[] {
	const names = (from: number, y: number) =>
		RESULTS.map((name, i) => run(name, colX(from + i) + 5, y));
	return [
		run('行政复议', colX(0) + 55, 700),
		run('行政诉讼', colX(5) + 130, 700),
		run('直接起诉', colX(5) + 55, 680),
		run('复议后起诉', colX(10) + 50, 680),
		...names(0, centred ? 670 : 680),
		...names(5, 660),
		...names(10, 660),
	];
}
/** The numbers row: digits centred in their columns, null for an empty cell. */
const numbersRow = (values: (string | null)[], y = 640) =>
	values.flatMap((v, i) => (v === null ? [] : [run(v, colX(i) + 12, y)]));

const full = ['1', '0', '0', '1', '2', '0', '1', '0', '0', '1', '1', '0', '0', '0', '1'];
const without = (...blank: number[]) => full.map((v, i) => (blank.includes(i) ? null : v));

describe('a one-row table under two-level spanning headers (Table 4)', () => {
	for (const centred of [true, false])
		describe(centred ? 'result names on a line of their own' : 'result names on one line', () => {
			const text = (values: (string | null)[]) =>
				rowsOf(pdfPagesToText([page(...table4Header(centred), ...numbersRow(values))]).text).at(
					-1,
				)!;

			it('marks empty first, middle and last cells in their columns', () => {
				expect(text(without(0, 7, 14))).toBe(
					`| ${E} | 0 | 0 | 1 | 2 | 0 | 1 | ${E} | 0 | 1 | 1 | 0 | 0 | 0 | ${E} |`,
				);
			});
			it('marks adjacent empty cells, and a row printing only its totals', () => {
				expect(text(without(1, 2, 10))).toBe(
					`| 1 | ${E} | ${E} | 1 | 2 | 0 | 1 | 0 | 0 | 1 | ${E} | 0 | 0 | 0 | 1 |`,
				);
				const totals = full.map((v, i) => (i % 5 === 4 ? v : null));
				expect(text(totals)).toBe(
					`| ${E} | ${E} | ${E} | ${E} | 2 | ${E} | ${E} | ${E} | ${E} | 1 | ${E} | ${E} | ${E} | ${E} | 1 |`,
				);
			});
			it('leaves a full row as printed', () => {
				expect(text(full)).toBe(`| ${full.join(' | ')} |`);
			});
		});

	it('reads header names wrapped one character per line as one column each', () => {
		const wrapped = RESULTS.flatMap((name, i) =>
			[...name].map((ch, k) => run(ch, colX(i) + 10, 680 - 12 * k)),
		);
		const { text } = pdfPagesToText([
			page(
				run('行政复议', colX(0) + 55, 700),
				...wrapped,
				...numbersRow(['1', null, '0', '0', '1'], 640),
			),
		]);
		expect(rowsOf(text).at(-1)).toBe(`| 1 | ${E} | 0 | 0 | 1 |`);
	});

	it('leaves the row as printed when a number stands under two columns', () => {
		const values = numbersRow(without(1, 3));
		values[0] = run('12345', colX(0) + 5, 640);
		const { text } = pdfPagesToText([page(...table4Header(false), ...values)]);
		expect(rowsOf(text).at(-1)).toBe('| 12345 | 0 | 2 | 0 | 1 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 1 |');
	});

	it('leaves a row under fewer than five leaf headers as printed', () => {
		const { text } = pdfPagesToText([
			page(
				run('本年制发', 200, 700),
				run('本年废止', 260, 700),
				run('现行有效', 320, 700),
				run('规章', 50, 680),
				run('2', 205, 680),
				run('24', 325, 680),
			),
		]);
		expect(text).not.toContain(E);
	});
});

describe('headerColumns', () => {
	const line = (y: number, ...cells: [string, number][]): PdfLine => ({
		page: 0,
		y,
		size: W,
		cells: cells.map(([text, x0]) => ({ text, x0, x1: x0 + text.length * W, y })),
	});

	it('keeps leaf headers and drops a header that stands over two cells of a lower line', () => {
		const headers = [line(700, ['总标题', 100]), line(680, ['甲', 90], ['乙', 120], ['丙', 150])];
		expect(headerColumns(headers, line(660, ['1', 92]), isNumeric)).toEqual([
			{ x0: 90, x1: 100 },
			{ x0: 120, x1: 130 },
			{ x0: 150, x1: 160 },
		]);
	});
	it('drops a header over two columns whose names stand at different heights', () => {
		// A name one line high centred beside names wrapped over two lines sits between them.
		const headers = [
			line(700, ['总标题', 100]),
			line(690, ['甲', 95], ['丙', 160]),
			line(684, ['乙', 125]),
		];
		expect(headerColumns(headers, line(660, ['1', 97]), isNumeric)).toEqual([
			{ x0: 95, x1: 105 },
			{ x0: 125, x1: 135 },
			{ x0: 160, x1: 170 },
		]);
	});
	it('joins pieces of one header on several lines into one column', () => {
		const headers = [
			line(700, ['结果', 90], ['其他', 130]),
			line(688, ['维持', 92], ['结果', 130]),
		];
		expect(headerColumns(headers, line(660, ['1', 95]), isNumeric)).toEqual([
			{ x0: 90, x1: 112 },
			{ x0: 130, x1: 150 },
		]);
	});
	it('drops columns at or left of the row’s own label', () => {
		const headers = [line(700, ['项目', 40], ['甲', 120], ['乙', 150])];
		expect(headerColumns(headers, line(660, ['规章', 40], ['1', 120]), isNumeric)).toEqual([
			{ x0: 120, x1: 130 },
			{ x0: 150, x1: 160 },
		]);
	});
});

describe('placeNumbers', () => {
	const columns = [
		{ x0: 100, x1: 120 },
		{ x0: 140, x1: 160 },
		{ x0: 180, x1: 200 },
	];
	const n = (x0: number): PdfCell => ({ text: '1', x0, x1: x0 + 6, y: 0 });

	it('places each number in the column its glyphs overlap', () => {
		expect(placeNumbers([n(105), n(185)], columns, W)).toEqual([0, 2]);
	});
	it('places a number beside the names (aligned to a side of a wide cell) by the cell holding its centre', () => {
		// Cells meet halfway between names: 0 ends at 130, 1 at 170, 2 at 200 + 10.
		expect(placeNumbers([n(121), n(162), n(201)], columns, W)).toEqual([0, 1, 2]);
		expect(placeNumbers([n(128)], columns, W)).toEqual([1]);
	});
	it('refuses a number outside every cell, over two names, or two numbers in one column', () => {
		expect(placeNumbers([n(215)], columns, W)).toBeNull();
		expect(placeNumbers([{ text: '1234', x0: 115, x1: 145, y: 0 }], columns, W)).toBeNull();
		expect(placeNumbers([n(101), n(110)], columns, W)).toBeNull();
	});
});
