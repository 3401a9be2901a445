import { describe, expect, it } from 'vitest';
import { fitRow, groupedSumRule, sumRule } from '../../../src/lib/report/rows.ts';
import type { Token } from '../../../src/lib/report/tokens.ts';

const num = (value: number, col = 1): Token => ({
	kind: 'num',
	text: String(value),
	raw: String(value),
	line: 1,
	col,
	value,
});
const blank = (): Token => ({ kind: 'blank', text: '', raw: '', line: 1, col: 1 });
const values = (r: ReturnType<typeof fitRow>) =>
	r.cells.map((c) =>
		c.kind === 'token'
			? c.token.value
			: c.kind === 'inferred'
				? `~${c.value}`
				: c.kind === 'blank'
					? 'blank'
					: null,
	);
const H3 = sumRule('H3');

describe('fitRow', () => {
	it('keeps an interior blank as an unreported cell and drops blank label columns', () => {
		const r = fitRow(
			[blank(), num(3), blank(), num(0), num(0), num(0), num(0), num(3), blank()],
			7,
			H3,
			'row',
		);
		expect(values(r)).toEqual([3, 'blank', 0, 0, 0, 0, 3]);
		expect(r.problem).toBeNull();
	});
	it('leaves a short row unassigned when several columns could have been lost', () => {
		// 3+1+0+0+0+? = 4 fits a lost applicant column in four places, or a lost total: nothing is
		// guessed.
		const r = fitRow([num(3), num(1), num(0), num(0), num(0), num(4)], 7, H3, 'row');
		expect(r.severity).toBe('error');
		expect(r.dropped).toHaveLength(6);
		expect(values(r)).toEqual([null, null, null, null, null, null, null]);
	});
	it('fills a lost cell when every printed value is 0', () => {
		const r = fitRow([num(0), num(0), num(0), num(0), num(0), num(0)], 7, H3, 'row');
		expect(values(r)).toEqual([0, 0, 0, 0, 0, 0, '~0']);
		expect(r.severity).toBe('warning');
	});
	it('places a lost non-zero cell only when the rule pins it down', () => {
		// Printed 5 0 0 0 0 3: a lost applicant column would need −2, so only a lost total (8) fits.
		const r = fitRow([num(5), num(0), num(0), num(0), num(0), num(3)], 7, H3, 'row');
		expect(values(r)).toEqual([5, 0, 0, 0, 0, 3, '~8']);
	});
	it('drops a surplus cell only when a single reading satisfies the rule', () => {
		const H4 = groupedSumRule('H4', 5);
		const printed = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7].map((v, i) => num(v, i + 1));
		const r = fitRow(printed, 15, H4, 'Table 4');
		expect(r.severity).toBe('warning');
		expect(r.dropped.map((d) => d.token.value)).toEqual([7]);
	});
	it('never drops a non-zero surplus when several readings fit', () => {
		const r = fitRow(
			[num(1), num(2), num(0), num(0), num(0), num(0), num(1), num(3)],
			7,
			H3,
			'row',
		);
		expect(r.severity).toBe('error');
		expect(values(r).every((v) => v === null)).toBe(true);
	});
	it('treats trailing zeros after a single value as merged-cell padding when no rule applies', () => {
		const r = fitRow([num(16), num(0), num(0)], 1, null, 'Table 2 row 行政处罚');
		expect(values(r)).toEqual([16]);
		expect(r.dropped.map((d) => d.reason)).toEqual([
			expect.stringMatching(/合并单元格/),
			expect.stringMatching(/合并单元格/),
		]);
	});
});
