import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/site/csv.ts';
import { CELL_CSV_COLUMNS, cellsCsv } from '../../../src/lib/site/open-data.ts';
import { makeEntry } from './entry-factory.ts';

describe('toCsv', () => {
	it('starts with a UTF-8 BOM, ends records with CRLF and quotes a bare line feed', () => {
		const csv = toCsv(['a', 'b'], [['x\ny', true]]);
		expect(csv).toBe('\ufeffa,b\r\n"x\ny",true\r\n');
	});
	it('writes null as an empty field and false as false', () => {
		expect(toCsv(['a', 'b'], [[null, false]])).toBe('\ufeffa,b\r\n,false\r\n');
	});
});

describe('cells.csv rows for one report', () => {
	const entry = makeEntry({
		code: '140930104',
		set: {
			'table2.penalty.decisions': 16,
			'table3.newReceived.total': null,
			cells: { 'table2.penalty.decisions': { raw: ' 16 ', line: 23, col: 15, status: 'ok' } },
		},
	});
	const csv = cellsCsv([entry]);
	const lines = csv.slice(1).split('\r\n');

	it('has the cells.csv header', () => {
		expect(lines[0]).toBe(CELL_CSV_COLUMNS.map((c) => c.key).join(','));
	});
	it('writes one line per cell with labels, value, raw text and source line', () => {
		const line = lines.find((l) => l.includes('table2.penalty.decisions'))!.split(',');
		const at = (key: string) => line[CELL_CSV_COLUMNS.findIndex((c) => c.key === key)];
		expect(at('value')).toBe('16');
		expect(at('raw')).toBe(' 16 ');
		expect(at('line')).toBe('23');
		expect(at('row')).toBe('行政处罚');
	});
	it('leaves unknown values empty rather than 0', () => {
		const line = lines.find((l) => l.includes('table3.newReceived.total'))!.split(',');
		expect(line[CELL_CSV_COLUMNS.findIndex((c) => c.key === 'value')]).toBe('');
	});
	it('has a line for every cell of the printed tables (2021: 10 + 175 + 15)', () => {
		expect(lines.filter((l) => l !== '')).toHaveLength(1 + 10 + 175 + 15);
	});
});
