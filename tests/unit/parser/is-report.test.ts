/** is-report.ts: which texts are annual reports (issue 9 §2 item 9). */
import { describe, expect, it } from 'vitest';
import { isAnnualReport, namesItself } from '../../../src/lib/report/is-report.ts';
import { splitSource } from '../../../src/lib/report/source.ts';

const base = {
	src: splitSource('正文'),
	sectionsFound: 0,
	tablesFound: 0,
	title: null,
	hasStatisticsPeriod: false,
};

describe('isAnnualReport', () => {
	it('keeps a text with a table, or with two headings', () => {
		expect(isAnnualReport({ ...base, tablesFound: 1 })).toBe(true);
		expect(isAnnualReport({ ...base, sectionsFound: 2 })).toBe(true);
	});

	it('keeps a report that names itself and has a heading or the statistics period', () => {
		expect(
			isAnnualReport({ ...base, title: '某镇2023年政府信息公开工作年度报告', sectionsFound: 1 }),
		).toBe(true);
		expect(
			isAnnualReport({
				...base,
				src: splitSource('现将某乡2020年度政府信息公开工作年度报告公布如下。'),
				hasStatisticsPeriod: true,
			}),
		).toBe(true);
	});

	it('refuses a title alone, or a heading and a period without any name', () => {
		expect(isAnnualReport({ ...base, title: '某镇2023年政府信息公开工作年度报告' })).toBe(false);
		expect(isAnnualReport({ ...base, sectionsFound: 1, hasStatisticsPeriod: true })).toBe(false);
	});
});

describe('namesItself', () => {
	it('looks at the opening lines only', () => {
		const late = ['一', '二', '三', '四', '五', '六', '七', '八', '某镇政府信息公开工作年度报告'];
		expect(namesItself(splitSource(late.join('\n')), null)).toBe(false);
		expect(namesItself(splitSource(late.slice(4).join('\n')), null)).toBe(true);
	});
});
