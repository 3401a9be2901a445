/** Spans resolved into a rectangle, and the rectangle as pipe rows the parser reads. */
import { describe, expect, it } from 'vitest';
import { gridToPipeLines, pipeRow, resolveSpans } from '../../../src/lib/report/extract/grid.ts';

const c = (text: string, colspan = 1, rowspan = 1) => ({ text, colspan, rowspan });

describe('resolveSpans', () => {
	it('puts a merged cell at its origin and leaves the covered slots empty', () => {
		expect(
			resolveSpans([
				[c('组', 1, 2), c('甲'), c('1')],
				[c('乙'), c('2')],
				[c('合计', 2), c('3')],
			]),
		).toEqual([
			['组', '甲', '1'],
			['', '乙', '2'],
			['合计', '', '3'],
		]);
	});

	it('clamps rowspan to the table and treats rowspan=0 as "to the end"', () => {
		expect(resolveSpans([[c('a', 1, 0), c('1')], [c('2')], [c('3')]])).toEqual([
			['a', '1'],
			['', '2'],
			['', '3'],
		]);
		expect(resolveSpans([[c('a', 1, 9), c('1')]])).toEqual([['a', '1']]);
	});

	it('pads short rows to the widest one and clamps absurd colspans', () => {
		expect(resolveSpans([[c('a'), c('b'), c('c')], [c('d')]])).toEqual([
			['a', 'b', 'c'],
			['d', '', ''],
		]);
		expect(resolveSpans([[c('x', 100000)]])[0]!.length).toBe(64);
	});
});

describe('pipe rows', () => {
	it('writes blanks as a space and guards a | inside a cell', () => {
		expect(pipeRow(['规章', '', '0', 'a|b'])).toBe('| 规章 | | 0 | a｜b |');
	});
	it('adds the |---| separator after the first row', () => {
		expect(
			gridToPipeLines([
				['a', 'b'],
				['1', '2'],
			]),
		).toEqual(['| a | b |', '|---|---|', '| 1 | 2 |']);
		expect(gridToPipeLines([])).toEqual([]);
	});
});
