/** The search page's URL state, phrase-first ordering, paging and count sentence. */
import { describe, expect, it } from 'vitest';
import {
	countSentence,
	nextShown,
	pagefindFilters,
	phraseFirst,
	phraseQuery,
	readState,
	writeState,
} from '../../../src/client/search-state.ts';

describe('readState / writeState', () => {
	it('round-trips the query and the filters through the address bar', () => {
		const state = { query: '行政 处罚', filters: { year: '2023', county: '河曲县' } };
		const search = writeState(state);
		expect(search).toContain('q=');
		expect(readState(search)).toEqual(state);
	});

	it('drops empty values and unknown parameters', () => {
		expect(readState('?q=%20%20&year=&foo=1')).toEqual({ query: '', filters: {} });
		expect(writeState({ query: ' ', filters: {} })).toBe('');
	});

	it('maps URL parameters to the Pagefind filter names the pages index', () => {
		expect(pagefindFilters(readState('?province=山西省&year=2023'))).toEqual({
			年份: '2023',
			省份: '山西省',
		});
	});
});

describe('phraseQuery', () => {
	it('quotes a query of two or more characters', () => {
		expect(phraseQuery('政务公开')).toBe('"政务公开"');
		expect(phraseQuery(' 信息 公开 ')).toBe('"信息 公开"');
	});

	it('leaves a query the reader quoted, and a single character, alone', () => {
		expect(phraseQuery('"政务公开"')).toBeNull();
		expect(phraseQuery('镇')).toBeNull();
		expect(phraseQuery('')).toBeNull();
	});
});

describe('phraseFirst', () => {
	it('puts exact matches first and lists every page once', () => {
		const r = (id: string) => ({ id });
		const merged = phraseFirst([r('c'), r('a')], [r('a'), r('b'), r('c'), r('d')]);
		expect(merged.map((x) => x.id)).toEqual(['c', 'a', 'b', 'd']);
	});
});

describe('nextShown', () => {
	it('adds a page of ten and stops at the total', () => {
		expect(nextShown(0, 25)).toBe(10);
		expect(nextShown(10, 25)).toBe(20);
		expect(nextShown(20, 25)).toBe(25);
		expect(nextShown(0, 3)).toBe(3);
	});
});

describe('countSentence', () => {
	it('announces the count, and says when filters narrowed it', () => {
		expect(countSentence(12, { query: 'x', filters: {} })).toBe('找到 12 份报告/页面。');
		expect(countSentence(3, { query: 'x', filters: { year: '2023' } })).toContain(
			'已按所选条件筛选',
		);
		expect(countSentence(0, { query: 'x', filters: {} })).toBe('没有找到结果。');
	});

	it('says when no hit holds the whole phrase, and how many do when some do', () => {
		const state = { query: ' 行政处罚 ', filters: {} };
		expect(countSentence(2, state, 0)).toBe(
			'没有找到完整的“行政处罚”；找到 2 份含其中部分词语的报告/页面。',
		);
		expect(countSentence(5, state, 3)).toBe(
			'找到 5 份报告/页面，其中 3 份含完整的“行政处罚”，排在前面。',
		);
		expect(countSentence(5, state, 5)).toBe('找到 5 份报告/页面。');
		expect(countSentence(0, state, 0)).toBe('没有找到结果。');
	});
});
