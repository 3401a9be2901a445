/**
 * table3.ts: an eighth cell is read as a 法人或其他组织 小计 column only where the numbers allow
 * it. A bare `|` after a full row (a crawler's row opener read as a cell) is no eighth cell, and
 * eight numbers that rule out both subtotal places are no subtotal column: removing a column
 * there would shift every value (PHENOMENA.md, row-opener lines).
 */
import { describe, expect, it } from 'vitest';
import { splitSource } from '../../../src/lib/report/source.ts';
import { readTable3 } from '../../../src/lib/report/table3.ts';
import { tokenizeRegion } from '../../../src/lib/report/tokens.ts';

const LABELS = [
	'一、本年新收政府信息公开申请数量',
	'二、上年结转政府信息公开申请数量',
	'（一）予以公开',
	'（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
	'1.属于国家秘密',
	'2.其他法律行政法规禁止公开',
];
const HEADER = '自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计';

const read = (lines: string[]) => {
	const src = splitSource(lines.join('\n'));
	return readTable3(tokenizeRegion(src, 0, src.norm.length).tokens);
};
const valuesOf = (row: ReturnType<typeof read>['rows'][number]) =>
	row.fitted.cells.map((c) => (c.kind === 'token' ? c.token.value : c.kind));

describe('the 小计 column guard', () => {
	it('a bare `|` cell line after each full row is no eighth cell', () => {
		// One cell per line closed by `|`; each row's 7 numbers followed by a bare `|`.
		const lines = [
			HEADER,
			...LABELS.flatMap((label, i) => [
				`${label}|`,
				...[i + 3, i, 1, 2, 0, 4].map((v) => `${v}|`),
				`${2 * i + 10}|`,
				'|',
			]),
		];
		const table = read(lines);
		expect(table.subtotalColumn).toBeNull();
		expect(valuesOf(table.rows[2]!)).toEqual([5, 2, 1, 2, 0, 4, 14]);
	});

	it('eight numbers that are no subtotal at either place keep every column (no shift)', () => {
		// Row i: (i+3, i+1, 1, 2, 0, 4, total, 9): neither the 2nd nor the 7th sums the orgs.
		const lines = [
			HEADER,
			...LABELS.map((label, i) => {
				const row = [i + 3, i + 1, 1, 2, 0, 4];
				return `${label}\t${[...row, row.reduce((a, b) => a + b, 0), 9].join('\t')}`;
			}),
		];
		const table = read(lines);
		expect(table.subtotalColumn).toBeNull();
		expect(table.extra.some((e) => e.reason.includes('小计列'))).toBe(false);
		// No row is read with its columns shifted: a value is in its own column or none.
		for (const [i, row] of table.rows.entries()) {
			const values = valuesOf(row);
			if (values[0] !== 'none') expect(values[0]).toBe(i + 3);
			if (values[1] !== 'none') expect(values[1]).toBe(i + 1);
		}
	});
});
