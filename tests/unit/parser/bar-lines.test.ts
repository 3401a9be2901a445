/**
 * bar-lines.ts + tokens.ts: what a bare `|` line means in crawled one-cell-per-line tables
 * (PHENOMENA.md). Rows opened by a `| ` line: the bar opens a row, an indented `   | ` is an empty
 * cell. Cells closed by ` |`: bars at a line start are padding. Cells closed by a bare `|`: a bare
 * `|` line is an empty cell. Cells not closed at all: bars separate cells, an empty line between
 * two bars is an empty cell.
 */
import { describe, expect, it } from 'vitest';
import {
	cellsCloseWithSpace,
	emptyCellBetweenBars,
	rowsOpenedByBar,
} from '../../../src/lib/report/bar-lines.ts';
import { fitRow } from '../../../src/lib/report/rows.ts';
import { splitSource } from '../../../src/lib/report/source.ts';
import { tokenizeRegion } from '../../../src/lib/report/tokens.ts';

const shape = (lines: string[]) =>
	tokenizeRegion(splitSource(lines.join('\n')), 0, lines.length).tokens.map((t) =>
		t.kind === 'num' ? t.value : t.kind === 'blank' ? '∅' : t.text,
	);

/** Rows of a 4-wide table: a caption padded by three bars, a row of four cells, three of two. */
const opened = [
	'| ',
	' 第二十条第(一)项  | |||',
	'| ',
	' 规章  | ',
	' 0  | ',
	' 2  | ',
	' 3  | ',
	'| ',
	' 行政许可  | ',
	' 7  | ||',
	'| ',
	' 行政处罚  | ',
	'   | ',
	' 4  | ||',
	'| ',
	' 行政强制  | ',
	' 1  | ||',
];

describe('rows opened by a bare `|`', () => {
	it('recognises the shape from the padded last cells followed by an opener', () => {
		expect(rowsOpenedByBar(opened)).toBe(true);
	});
	it('reads no cell from the opening bars, an empty cell from an indented `   | `', () => {
		expect(shape(opened)).toEqual([
			'第二十条第(一)项',
			'规章',
			0,
			2,
			3,
			'行政许可',
			7,
			'行政处罚',
			'∅',
			4,
			'行政强制',
			1,
		]);
	});
	it('is not the shape when the cell lines carry no padding (bare `|` lines are empty cells)', () => {
		const closed = ['\t1.重复申请|', '\t4|', '|', '\t2|', '\t2.其他|', '|', '\t3|', '\t1|'];
		expect(rowsOpenedByBar(closed)).toBe(false);
		expect(shape(closed).filter((s) => s === '∅')).toHaveLength(2);
	});
	it('is not the shape when the padding stands on lines of its own (`|||`)', () => {
		const padLines = ['规章 |', '0 |', '|', '|||', '行政许可 |', '7 |', '||', '|', '行政处罚 |'];
		expect(rowsOpenedByBar(padLines)).toBe(false);
	});
	it('needs three padded rows before it reads bars as openers', () => {
		expect(rowsOpenedByBar(opened.slice(0, 10))).toBe(false);
	});
});

describe('cells closed by ` |` (a crawler one cell per line, padding on lines of its own)', () => {
	const spaced = [
		'三、本年度办理结果 |',
		'(一)予以公开 |',
		' |',
		'6 |',
		'2 |',
		'|',
		'(二)部分公开 |',
		'3 |',
		'||',
	];
	it('recognises the spacing', () => {
		expect(cellsCloseWithSpace(spaced)).toBe(true);
		expect(cellsCloseWithSpace(['规章|', '0|', '|', '2|', '行政许可|'])).toBe(false);
	});
	it('reads ` |` as an empty cell and bars at a line start as padding', () => {
		expect(shape(spaced)).toEqual([
			'三、本年度办理结果',
			'(一)予以公开',
			'∅',
			6,
			2,
			'(二)部分公开',
			3,
		]);
	});
	it('a row short of cells takes the empty cell after its label as its first cell', () => {
		const tokens = tokenizeRegion(splitSource(spaced.join('\n')), 0, spaced.length).tokens;
		const fitted = fitRow(tokens.slice(2, 5), 3, null, '行');
		expect(fitted.cells.map((c) => c.kind)).toEqual(['blank', 'token', 'token']);
	});
});

describe('bare `|` lines that separate cells (cell lines not closed by `|`)', () => {
	const separated = ['二、上年结转', '|', '', '|', '0', '|', '2', '|', '三、本年度办理结果', '|'];
	it('finds the empty line between two separators', () => {
		expect(emptyCellBetweenBars(separated, 2)).toBe(true);
		expect(emptyCellBetweenBars(['3', '|', '', '下一行', '|'], 2)).toBe(false);
	});
	it('reads the separators as no cell and the empty line between two as an empty cell', () => {
		expect(shape(separated)).toEqual(['二、上年结转', '∅', 0, 2, '三、本年度办理结果']);
	});
	it('a row short of cells takes that empty cell as its first cell', () => {
		const tokens = tokenizeRegion(splitSource(separated.join('\n')), 0, separated.length).tokens;
		const fitted = fitRow(tokens.slice(1, 4), 3, null, '行');
		expect(fitted.cells.map((c) => c.kind)).toEqual(['blank', 'token', 'token']);
	});
});
