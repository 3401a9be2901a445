/**
 * pdf-columns.ts through pdfPagesToText: an empty cell of a wide PDF table (no glyph) becomes an
 * explicit empty cell (␀) in its column, found from where the numbers of the other rows stand;
 * narrow tables and numbers that do not stand in clean columns are left as printed.
 */
import { describe, expect, it } from 'vitest';
import { pdfPagesToText } from '../../../src/lib/report/extract/pdf-rows.ts';
import { page, run } from '../../support/pdf-runs.ts';
import { EMPTY_CELL_MARK } from '../../../src/lib/report/extract/pdf-columns.ts';
import { fitRow } from '../../../src/lib/report/rows.ts';
import { splitSource } from '../../../src/lib/report/source.ts';
import { tokenizeRegion } from '../../../src/lib/report/tokens.ts';

/** A row: a label at x=50, then a number (or nothing: an empty cell) every 40 units from x=300. */
const row = (label: string, y: number, numbers: (string | null)[]) => [
	run(label, 50, y),
	...numbers.flatMap((n, i) => (n === null ? [] : [run(n, 300 + 40 * i, y)])),
];
const rowsOf = (text: string) => text.split('\n').filter((l) => l.startsWith('|'));
const E = EMPTY_CELL_MARK;

describe('empty cells of a wide PDF table', () => {
	const table = (middle: (string | null)[]) =>
		pdfPagesToText([
			page(
				...row('甲行', 700, ['1', '2', '3', '4', '5', '6', '21']),
				...row('乙行', 680, middle),
				...row('丙行', 660, ['7', '8', '9', '10', '11', '12', '57']),
			),
		]).text;

	it('marks an empty cell in the middle of a row in its own column', () => {
		expect(rowsOf(table(['1', '1', null, '1', '1', '1', '5']))[1]).toBe(
			`| 乙行 | 1 | 1 | ${E} | 1 | 1 | 1 | 5 |`,
		);
	});
	it('marks empty first and last cells', () => {
		expect(rowsOf(table([null, '1', '1', '1', '1', '1', null]))[1]).toBe(
			`| 乙行 | ${E} | 1 | 1 | 1 | 1 | 1 | ${E} |`,
		);
	});
	it('leaves full rows as printed', () => {
		expect(rowsOf(table(['1', '1', '1', '1', '1', '1', '6']))[1]).toBe(
			'| 乙行 | 1 | 1 | 1 | 1 | 1 | 1 | 6 |',
		);
	});
	it('leaves a narrow table (fewer than five number columns) as printed', () => {
		const { text } = pdfPagesToText([
			page(...row('规章', 700, ['0', '0', '0']), ...row('行政规范性文件', 680, ['2', null, '24'])),
		]);
		expect(rowsOf(text)[1]).toBe('| 行政规范性文件 | 2 | 24 |');
	});
	it('leaves a table whose only full row is one line (no column seen twice) as printed', () => {
		const { text } = pdfPagesToText([page(...row('甲行', 700, ['1', '2', '3', '4', '5', '6']))]);
		expect(text).not.toContain(E);
	});

	it('the marked row fits its columns: the empty cells are null, the numbers in place', () => {
		const line = rowsOf(table([null, '1', '1', '1', '1', '1', null]))[1]!;
		const tokens = tokenizeRegion(splitSource(line), 0, 1).tokens.filter((t) => t.kind !== 'text');
		const fitted = fitRow(tokens, 7, null, '乙行');
		expect(fitted.problem).toBeNull();
		expect(fitted.cells.map((c) => (c.kind === 'token' ? c.token.value : c.kind))).toEqual([
			'blank',
			1,
			1,
			1,
			1,
			1,
			'blank',
		]);
	});
	it('a merged label’s padding cells (no mark) are still not taken as values', () => {
		const tokens = tokenizeRegion(
			splitSource('| 四、结转 | | | 2 | 1 | 1 | 1 | 1 | 1 | 7 |'),
			0,
			1,
		).tokens.filter((t) => t.kind !== 'text');
		expect(fitRow(tokens, 7, null, '行').cells.every((c) => c.kind === 'token')).toBe(true);
	});
});
