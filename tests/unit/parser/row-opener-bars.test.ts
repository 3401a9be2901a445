/**
 * row-opener-bars.ts + tokens.ts: rows printed as a `| ` line then one cell per line closed by
 * `|`, the missing cells as bars after the last cell (a crawler's shape, PHENOMENA.md). The bare
 * `|` opens a row and is no cell; an indented `   | ` is an empty cell. Where cell lines carry
 * no padding, a bare `|` keeps its bar-closed meaning (an empty cell).
 */
import { describe, expect, it } from 'vitest';
import { rowsOpenedByBar } from '../../../src/lib/report/row-opener-bars.ts';
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
