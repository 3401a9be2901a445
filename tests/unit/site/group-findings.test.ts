import { describe, expect, it } from 'vitest';
import { cellAnchor } from '../../../src/lib/site/cell-anchor.ts';
import { findingText } from '../../../src/lib/site/findings.ts';
import {
	changeFinding,
	collectionFindings,
	regionFindings,
	townshipFindings,
	yearFindings,
} from '../../../src/lib/site/group-findings.ts';
import { makeEntry } from './entry-factory.ts';
import { figuresOf, sumOfCells } from './findings-helpers.ts';

const a = makeEntry({
	code: '610881102',
	name: '店塔镇',
	set: { 'table3.newReceived.total': 4, 'table2.penalty.decisions': 2 },
});
const b = makeEntry({
	code: '610881103',
	name: '孙家岔镇',
	set: { 'table2.penalty.decisions': 9 },
});
const c = makeEntry({
	code: '610881104',
	name: '大柳塔镇',
	set: { 'table3.newReceived.total': null },
});

describe('yearFindings', () => {
	it('counts reports with any application, sums them, and names the largest figures', () => {
		const findings = yearFindings(2023, [a, b, c]);
		const text = findings.map(findingText).join('\n');
		expect(text).toContain(
			'2023 年共收录 3 份报告。1 份报告收到了政府信息公开申请，共 4 件；1 份为 0 件，1 份未填报。',
		);
		expect(text).toContain('行政处罚决定最多的是孙家岔镇（9 件）');
		expect(text).toContain('各报告的行政许可决定、行政强制决定、行政复议、行政诉讼都是 0 件');
		for (const f of figuresOf(findings)) expect(sumOfCells(f, [a, b, c])).toBe(f.value);
	});

	it('names tied leaders together', () => {
		const d = makeEntry({
			code: '610881105',
			name: '中鸡镇',
			set: { 'table2.penalty.decisions': 9 },
		});
		expect(findingText(yearFindings(2023, [b, d])[1]!)).toContain(
			'行政处罚决定最多的是孙家岔镇和中鸡镇（各 9 件）',
		);
	});
});

describe('townshipFindings and changeFinding', () => {
	it('with one report, says there is nothing to compare yet and what the report says', () => {
		const text = townshipFindings('神木市店塔镇', [a]).map(findingText);
		expect(text[0]).toBe('本站收录神木市店塔镇 1 份年度报告（2023 年）。');
		expect(text[1]).toBe('只有一个年度的报告，暂不能比较变化。');
		expect(text[2]).toContain('2023 年新收政府信息公开申请 4 件');
	});

	it('says what rose and fell against the year before, with figures from each report', () => {
		const before = makeEntry({
			year: 2022,
			set: { 'table3.newReceived.total': 7, 'table2.penalty.decisions': 2 },
		});
		const finding = changeFinding(before, a);
		expect(findingText(finding)).toBe(
			'与 2022 年相比，2023 年本年新收申请从 7 件 减至 4 件；行政许可决定、行政处罚决定、行政强制决定、行政复议、行政诉讼没有变化。',
		);
		const [from, to] = figuresOf([finding]);
		expect(from!.href).toBe(`/townships/610881102/2022/#${cellAnchor('table3.newReceived.total')}`);
		expect(sumOfCells(to!, [a])).toBe(4);
	});
});

describe('regionFindings and collectionFindings', () => {
	it('states coverage against the division table, then each year apart', () => {
		const old = makeEntry({ year: 2022, code: '610881102', name: '店塔镇' });
		const text = regionFindings('神木市', [a, old], 14).map(findingText);
		expect(text[0]).toBe('本站收录神木市 1 / 14 个乡镇的报告（区划数据列出 14 个乡镇），共 2 份。');
		expect(text[1]!.startsWith('2023 年 1 份报告：')).toBe(true);
		expect(text.findIndex((t) => t.startsWith('2022 年'))).toBeGreaterThan(1);
	});

	it('opens the home page with what the collection holds', () => {
		const text = collectionFindings([a, b], 1).map(findingText);
		expect(text[0]).toContain('本站收录 2 个乡镇的 2 份年度报告（报告年度 2023 年，1 个省份）。');
		expect(text[1]).toContain('孙家岔镇 2023 年');
	});
});
