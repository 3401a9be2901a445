/** The data dictionary filter's rule: text, a written-out column key, or a column of the row's table. */
import { describe, expect, it } from 'vitest';
import { normaliseTerm, rowMatches } from '../../../src/client/dictionary-match.ts';

const granted = {
	text: 'table3.granted （一）予以公开 全部 7 列',
	prefix: 'table3.granted',
	columns: ['naturalPerson', 'otherOrg', 'total'],
	tableColumns: 'naturalPerson 自然人 otherOrg 其他 total 总计',
};
const title = { text: 'metadata.title 标题 原文标题 文本，可为空 原文未写明' };

describe('rowMatches', () => {
	it('keeps every row for an empty term', () => {
		expect(rowMatches(title, '  ')).toBe(true);
	});

	it('matches the row text, ignoring case and spaces', () => {
		expect(rowMatches(granted, '予以 公开')).toBe(true);
		expect(rowMatches(title, 'METADATA.TITLE')).toBe(true);
		expect(rowMatches(title, '予以公开')).toBe(false);
	});

	it('finds a grouped row by one of its column keys written out', () => {
		expect(rowMatches(granted, 'table3.granted.total')).toBe(true);
		expect(rowMatches(granted, 'table3.granted.nat')).toBe(true);
		expect(rowMatches(granted, 'table3.granted.upheld')).toBe(false);
		expect(rowMatches(title, 'table3.granted.total')).toBe(false);
	});

	it('keeps the rows of a table whose columns the term names', () => {
		expect(rowMatches(granted, '自然人')).toBe(true);
		expect(rowMatches({ ...granted, tableColumns: undefined }, '自然人')).toBe(false);
	});
});

describe('normaliseTerm', () => {
	it('lower-cases and removes all white space', () => {
		expect(normaliseTerm(' Table3 .Granted\u3000')).toBe('table3.granted');
	});
});
