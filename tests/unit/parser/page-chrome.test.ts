/** page-chrome.ts: which lines are page chrome, and the evidence their fields carry. */
import { describe, expect, it } from 'vitest';
import { chromeEvidence, isChromeLine, isoDateOf } from '../../../src/lib/report/page-chrome.ts';
import { compact, splitSource } from '../../../src/lib/report/source.ts';

const chrome = (line: string) => isChromeLine(compact(splitSource(line).norm[0]!));

describe('isChromeLine', () => {
	it.each([
		'当前位置：首页 > 政务公开 > 年度报告',
		'您的位置：首页 >> 信息公开',
		'标题：某镇2023年政府信息公开工作年度报告',
		'发布机构：某镇人民政府',
		'发布日期：2024-01-18　浏览次数：12',
		'索引号：11431126MB1234567X/2024-00012',
		'【打印本页】【关闭窗口】',
		'主办单位：某县人民政府办公室',
	])('%s is chrome', (line) => expect(chrome(line)).toBe(true));

	it.each([
		'某镇人民政府2023年政府信息公开工作年度报告',
		'来源于群众的意见建议均已办理。',
		'一、总体情况',
		'标题党现象得到遏制',
	])('%s is not chrome', (line) => expect(chrome(line)).toBe(false));
});

describe('chromeEvidence', () => {
	it('reads the title, publisher and date fields', () => {
		const src = splitSource(
			'标题：桐木镇2023年政府信息公开工作年度报告\n发布机构：桐木镇人民政府\n发布时间：2024年01月18日　来源：桐木镇\n正文',
		);
		expect(chromeEvidence(src)).toEqual({
			title: '桐木镇2023年政府信息公开工作年度报告',
			publisher: '桐木镇人民政府',
			date: '2024-01-18',
		});
	});

	it('has nothing when the text has no chrome', () => {
		expect(chromeEvidence(splitSource('一、总体情况\n发布了3条信息。'))).toEqual({
			title: null,
			publisher: null,
			date: null,
		});
	});
});

describe('isoDateOf', () => {
	it.each([
		['2024-01-18', '2024-01-18'],
		['2024/1/8 10:00', '2024-01-08'],
		['2024.01.18', '2024-01-18'],
		['2024年1月18日', '2024-01-18'],
		['2024-13-01', null],
		['无', null],
	])('%s → %s', (text, iso) => expect(isoDateOf(text)).toBe(iso));
});

describe('chromeEvidence on a flattened field block', () => {
	it('splits several fields printed on one line', () => {
		const src = splitSource(
			'索引号：11431126MB/2024-00012　发布机构：桐木镇人民政府　发布日期：2024-01-02　文号：无',
		);
		expect(chromeEvidence(src)).toEqual({
			title: null,
			publisher: '桐木镇人民政府',
			date: '2024-01-02',
		});
	});
});
