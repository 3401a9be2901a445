import { describe, expect, it } from 'vitest';
import { CSV_HEADER, recordCsv, tableCells } from '../../../src/lib/site/csv.ts';
import { makeEntry } from './entry-factory.ts';

describe('tableCells', () => {
	it('lists every numeric cell of Tables 2–4 and no raw-text fields', () => {
		const cells = tableCells(makeEntry().record);
		// 2021: Table 2 has 10 values, Table 3 25 × 7, Table 4 15.
		expect(cells).toHaveLength(10 + 175 + 15);
		expect(cells.some((c) => c.path.endsWith('amountRaw'))).toBe(false);
	});
});

describe('recordCsv', () => {
	const entry = makeEntry({
		code: '140930104',
		set: {
			'table2.penalty.decisions': 16,
			'table3.newReceived.total': null,
			cells: { 'table2.penalty.decisions': { raw: ' 16 ', line: 23, col: 15, status: 'ok' } },
		},
	});
	const csv = recordCsv(entry);

	it('starts with a UTF-8 BOM so Excel reads the Chinese', () => {
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_HEADER.join(','));
	});
	it('writes one line per cell with label, value and source line', () => {
		const line = csv.split('\r\n').find((l) => l.includes('table2.penalty.decisions'));
		expect(line).toBe(
			'140930104-2023,2023,table2.penalty.decisions,表二,行政处罚,本年处理决定数量,16, 16 ,23,ok',
		);
	});
	it('leaves unknown values empty rather than 0', () => {
		const line = csv.split('\r\n').find((l) => l.includes('table3.newReceived.total'))!;
		expect(line.split(',')[6]).toBe('');
	});
});
