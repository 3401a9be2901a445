import { describe, expect, it } from 'vitest';
import { table2Blocks, table2Colspan, table3Layout } from '../../../src/lib/site/table-layout.ts';

describe('table2Blocks', () => {
	it('has the four 2021 blocks with their rows', () => {
		const blocks = table2Blocks('2021');
		expect(blocks.map((b) => b.caption)).toEqual([
			'第二十条第（一）项',
			'第二十条第（五）项',
			'第二十条第（六）项',
			'第二十条第（八）项',
		]);
		expect(blocks[2]!.rows.map((r) => r.label)).toEqual(['行政处罚', '行政强制']);
		expect(blocks[3]!.columns).toEqual(['amountWan']);
	});
	it('has the five 2019 blocks including 政府集中采购', () => {
		const blocks = table2Blocks('2019');
		expect(blocks).toHaveLength(5);
		expect(blocks[1]!.rows.map((r) => r.label)).toEqual(['行政许可', '其他对外管理服务事项']);
	});
	it('stretches the last value column to fill three', () => {
		expect([0].map((i) => table2Colspan(i, 1))).toEqual([3]);
		expect([0, 1].map((i) => table2Colspan(i, 2))).toEqual([1, 2]);
		expect([0, 1, 2].map((i) => table2Colspan(i, 3))).toEqual([1, 1, 1]);
	});
});

describe('table3Layout', () => {
	const rowspanSum = (rows: ReturnType<typeof table3Layout>, text: string) =>
		rows.flatMap((r) => r.labels).find((l) => l.text === text)?.rowspan;

	it('lists the 25 rows of the 2021 format in print order', () => {
		const rows = table3Layout('2021');
		expect(rows).toHaveLength(25);
		expect(rows[0]!.key).toBe('newReceived');
		expect(rows.at(-1)!.key).toBe('carriedForward');
		expect(rows.some((r) => r.key === 'otherCombined')).toBe(false);
	});
	it('merges the group labels over their rows', () => {
		const rows = table3Layout('2021');
		expect(rowspanSum(rows, '三、本年度办理结果')).toBe(22);
		expect(rowspanSum(rows, '（三）不予公开')).toBe(8);
		expect(rowspanSum(rows, '（六）其他处理')).toBe(3);
	});
	it('gives every row three label columns in total', () => {
		for (const version of ['2021', '2019'] as const) {
			const rows = table3Layout(version);
			// Columns covered on each row = its own label cells + group cells spanning from above.
			const covered = rows.map(() => 0);
			rows.forEach((row, i) => {
				for (const l of row.labels)
					for (let k = 0; k < l.rowspan; k++) covered[i + k]! += l.colspan;
			});
			expect(covered.every((c) => c === 3)).toBe(true);
		}
	});
	it('has the single （六）其他处理 row in the 2019 format', () => {
		const rows = table3Layout('2019');
		expect(rows).toHaveLength(23);
		expect(rows.find((r) => r.key === 'otherCombined')!.labels[0]).toMatchObject({
			text: '（六）其他处理',
			colspan: 2,
		});
		expect(rowspanSum(rows, '三、本年度办理结果')).toBe(20);
	});
});
