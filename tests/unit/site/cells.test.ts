import { describe, expect, it } from 'vitest';
import { cellName, provenanceNote } from '../../../src/lib/site/cells.ts';

describe('cellName', () => {
	it('names Table 3 cells by their printed row and column labels', () => {
		expect(cellName('table3.newReceived.total')).toEqual({
			table: '表三',
			row: '一、本年新收政府信息公开申请数量',
			column: '总计',
		});
	});
	it('names Table 2, its 2019 form and Table 4', () => {
		expect(cellName('table2.fees.amountWan')).toEqual({
			table: '表二',
			row: '行政事业性收费',
			column: '本年收费金额（单位：万元）',
		});
		expect(cellName('table2v2019.licensing.netChange').column).toBe('本年增/减');
		expect(cellName('table2v2019.penalty.decisions').column).toBe('处理决定数量');
		expect(cellName('table2.penalty.decisions').column).toBe('本年处理决定数量');
		expect(cellName('table4.litigationDirect.pending')).toMatchObject({
			row: '行政诉讼·未经复议直接起诉',
			column: '尚未审结',
		});
	});
});

describe('provenanceNote', () => {
	it('gives the line and the printed text without its padding', () => {
		expect(provenanceNote({ raw: '\u00a016 ', line: 23, col: 3, status: 'ok' })).toBe(
			'第 23 行：“16”',
		);
	});
	it('gives only the line when the cell was printed exactly as the number it reads', () => {
		const prov = { raw: '1215', line: 72, col: 30, status: 'ok' } as const;
		expect(provenanceNote(prov, 1215)).toBe('第 72 行');
		expect(provenanceNote(prov)).toBe('第 72 行：“1215”');
		expect(provenanceNote({ ...prov, raw: '1,215' }, 1215)).toBe('第 72 行：“1,215”');
		// Padding is not shown in the quote, so a padded print of the same number adds nothing.
		expect(provenanceNote({ ...prov, raw: '\u00a016 ' }, 16)).toBe('第 72 行');
		expect(provenanceNote({ ...prov, raw: '\u00a016 ' }, 61)).toBe('第 72 行：“16”');
	});
	it('says why a cell has no number', () => {
		expect(provenanceNote({ raw: '\u3000', line: 40, col: 2, status: 'blank' })).toBe(
			'第 40 行：单元格为空，未填报',
		);
		expect(provenanceNote({ raw: null, line: null, col: null, status: 'missing' })).toBe(
			'原文中未找到：单元格缺失，未填报',
		);
		expect(provenanceNote(undefined)).toBe('无出处记录');
	});
	it('names the rule behind an inferred value and the marker behind a zero', () => {
		expect(provenanceNote({ raw: null, line: 49, col: null, status: 'inferred', rule: 'H3' })).toBe(
			'第 49 行：原文空白，按规则 H3 推定',
		);
		expect(provenanceNote({ raw: '—', line: 12, col: 1, status: 'marker' })).toContain('按 0 计');
	});
});
