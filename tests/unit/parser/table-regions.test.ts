/** table-regions.ts: a table without its heading starts at its header or any row label (issue 9 §2 item 6). */
import { describe, expect, it } from 'vitest';
import { findSections, findTrailer } from '../../../src/lib/report/sections.ts';
import { splitSource } from '../../../src/lib/report/source.ts';
import { tableRegions } from '../../../src/lib/report/table-regions.ts';

const regionsOf = (lines: string[]) => {
	const src = splitSource(lines.join('\n'));
	const trailer = findTrailer(src);
	return tableRegions(src, findSections(src, trailer), trailer);
};

describe('tableRegions', () => {
	it('takes each table from its own heading to the next heading', () => {
		expect(
			regionsOf([
				'二、主动公开政府信息情况',
				'规章\t0\t0\t0',
				'三、收到和处理政府信息公开申请情况',
				'一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
				'四、政府信息公开行政复议、行政诉讼情况',
				'0\t0\t0\t0\t0',
			]),
		).toEqual({
			activeDisclosure: { from: 1, to: 2 },
			applications: { from: 3, to: 4 },
			reviewLitigation: { from: 5, to: 6 },
		});
	});

	it('starts a text that opens inside Table 3 at its first row, before the first heading', () => {
		expect(
			regionsOf([
				'\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
				'\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0',
				'四、政府信息公开行政复议、行政诉讼情况',
				'0\t0\t0\t0\t0',
			]),
		).toEqual({ applications: { from: 0, to: 2 }, reviewLitigation: { from: 3, to: 4 } });
	});

	it('finds every table by its header words when no heading is left', () => {
		expect(
			regionsOf([
				'某镇2023年政府信息公开工作年度报告',
				'本年度公开信息12条。',
				'信息内容\t本年制发件数',
				'规章\t0\t0\t0',
				'（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
				'一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
				'行政复议\t行政诉讼',
				'0\t0\t0\t0\t0',
			]),
		).toEqual({
			activeDisclosure: { from: 2, to: 4 },
			applications: { from: 4, to: 6 },
			reviewLitigation: { from: 6, to: 8 },
		});
	});

	it('does not take prose for a table', () => {
		expect(regionsOf(['某镇报告', '全年行政许可12件，均予以公开。', '无'])).toEqual({});
	});
});

describe('tableRegions with a lost Table 2 heading', () => {
	it('takes a Table 2 row, not an overview line that starts with a Table 2 word', () => {
		expect(
			regionsOf([
				'一、总体情况',
				'规章制度进一步健全，公开流程更加规范',
				'行政许可\t12',
				'三、收到和处理政府信息公开申请情况',
				'一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1',
			]).activeDisclosure,
		).toEqual({ from: 2, to: 3 });
	});
});
