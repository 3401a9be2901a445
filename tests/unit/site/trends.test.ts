import { describe, expect, it } from 'vitest';
import { keyFigureRows, trendSpec } from '../../../src/lib/site/trends.ts';
import { totalOf, totalsByYear } from '../../../src/lib/site/totals.ts';
import { makeEntry } from './entry-factory.ts';

const reports = [
	makeEntry({ year: 2020, set: { 'table3.newReceived.total': 2 } }),
	makeEntry({ year: 2021, set: { 'table3.newReceived.total': 5 } }),
	makeEntry({ year: 2023, set: { 'table3.newReceived.total': null } }),
];

describe('trendSpec', () => {
	it('puts report years on the axis and keeps unknowns as null', () => {
		const spec = trendSpec(reports, ['applicationsReceived']);
		expect(spec.labels).toEqual(['2020', '2021', '2023']);
		expect(spec.series[0]).toEqual({ label: '本年新收申请', values: [2, 5, null] });
	});
});

describe('keyFigureRows', () => {
	it('computes change against the previous report and says which year that is', () => {
		const [row] = keyFigureRows(reports, ['applicationsReceived']);
		expect(row!.cells.map((c) => c.change.kind)).toEqual(['first', 'up', 'unknown']);
		expect(row!.cells[1]!.change.text).toBe('+3');
		expect(row!.cells.map((c) => c.since)).toEqual([null, 2020, 2021]);
	});
});

describe('totals', () => {
	it('sums only the reports that state a figure and counts the rest', () => {
		expect(totalOf(reports, 'applicationsReceived')).toEqual({ sum: 7, known: 2, unknown: 1 });
	});
	it('totals per year, newest first', () => {
		expect(
			totalsByYear(reports, ['applicationsReceived']).map((y) => [
				y.year,
				y.totals.applicationsReceived.sum,
			]),
		).toEqual([
			[2023, 0],
			[2021, 5],
			[2020, 2],
		]);
	});
});
