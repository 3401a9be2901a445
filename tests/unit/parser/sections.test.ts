/** sections.ts: headings are whole title lines after a break; the best chain wins (issue 9 §2 item 3). */
import { describe, expect, it } from 'vitest';
import { findSections, findTrailer, followsBreak } from '../../../src/lib/report/sections.ts';
import { splitSource } from '../../../src/lib/report/source.ts';

const headingLines = (text: string) => {
	const src = splitSource(text);
	const spans = findSections(src, findTrailer(src));
	return Object.fromEntries(Object.entries(spans).map(([k, s]) => [k, s.start + 1]));
};

describe('findSections', () => {
	it('skips a preamble line that ends in a title after an unfinished line', () => {
		const text = [
			'本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开',
			'行政复议和行政诉讼情况',
			'一、总体情况',
			'四、政府信息公开行政复议、行政诉讼情况',
		].join('\n');
		expect(headingLines(text)).toEqual({ overview: 3, reviewLitigation: 4 });
	});

	it('skips a list that merely contains titles', () => {
		expect(
			headingLines(
				'、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况\n五、存在的主要问题及改进情况',
			),
		).toEqual({
			problemsImprovements: 2,
		});
	});

	it('lets a wrong early match not hide the numbered headings after it', () => {
		const text = [
			'一、总体情况',
			'上年度',
			'存在的主要问题',
			'二、主动公开政府信息情况',
			'三、收到和处理政府信息公开申请情况',
			'五、存在的主要问题及改进情况',
		].join('\n');
		// Line 3 follows a short line, so it is a candidate, but the numbered chain is heavier.
		expect(headingLines(text)).toEqual({
			overview: 1,
			activeDisclosure: 4,
			applications: 5,
			problemsImprovements: 6,
		});
	});

	it('accepts an unnumbered heading after a blank line or a finished sentence', () => {
		expect(headingLines('标题\n\n总体情况\n本年度公开信息12条。\n其他需要报告的事项\n无')).toEqual({
			overview: 3,
			otherMatters: 5,
		});
	});
});

describe('overview heading variants (PHENOMENA.md)', () => {
	const rest = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况'];
	it.each([
		'一、总体概述',
		'一、2023年政务公开总体情况',
		'一、政府信息公开工作的基本概况',
		'一、概述',
	])('%s starts the overview', (heading) => {
		expect(headingLines([heading, '本年度公开信息12条。', ...rest].join('\n'))).toEqual({
			overview: 1,
			activeDisclosure: 3,
			applications: 4,
		});
	});
	it('an inner item `(一)基本情况` inside the overview is no second overview', () => {
		const text = ['一、总体情况', '（一）基本概况', '本年度公开信息12条。', ...rest].join('\n');
		expect(headingLines(text)).toEqual({ overview: 1, activeDisclosure: 4, applications: 5 });
	});
});

describe('followsBreak', () => {
	const at = (text: string) => followsBreak(splitSource(text), 1);
	it.each([
		['\n总体情况', true],
		['本年度公开信息12条。\n总体情况', true],
		['\t0\t1\n总体情况', true],
		['2 1 0 0 3\n总体情况', true],
		['某镇2023年政府信息公开工作年度报告\n总体情况', true],
		['对照上年度报告中指出的问题，逐项整改落实到位，\n总体情况', false],
		['2022年，城南街道坚持以公开为常态、不公开为例外，对照上年度报告中\n总体情况', false],
	])('%j → %s', (text, ok) => expect(at(text)).toBe(ok));
});

describe('title variants', () => {
	it.each([
		['二、行政机关主动公开政府信息情况', 'activeDisclosure'],
		['二、本机关主动公开政务信息情况', 'activeDisclosure'],
		['三、行政机关收到和处理政府信息公开申请情况', 'applications'],
		['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 'reviewLitigation'],
		['五、政府信息公开工作存在的主要问题及改进情况', 'problemsImprovements'],
		['五、乡镇信息公开的建议和下一步工作思考', 'problemsImprovements'],
		['六、其它需要报告事项', 'otherMatters'],
		['第一部分 总体情况', 'overview'],
	])('%s is the %s heading', (line, key) => {
		expect(Object.keys(headingLines(`\n${line}`))).toEqual([key]);
	});
});
