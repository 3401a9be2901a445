/** Pagefind excerpts become text runs and marked runs, never markup. */
import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts } from '../../../src/client/search-excerpt.ts';

describe('excerptParts', () => {
	it('splits marked words from plain text and joins adjacent marks', () => {
		expect(excerptParts('作出<mark>行政</mark><mark>处罚</mark>决定 16 件')).toEqual([
			{ text: '作出', marked: false },
			{ text: '行政处罚', marked: true },
			{ text: '决定 16 件', marked: false },
		]);
	});

	it('keeps escaped page text as text, so it can never become a tag', () => {
		const parts = excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>公开</mark>');
		expect(parts[0]).toEqual({ text: '<script>alert(1)</script> ', marked: false });
		expect(parts[1]).toEqual({ text: '公开', marked: true });
	});

	it('drops any other tag but keeps its text', () => {
		expect(excerptParts('<b>粗体</b>文字')).toEqual([{ text: '粗体文字', marked: false }]);
	});
});

describe('decodeEntities', () => {
	it('decodes named and numeric entities and leaves unknown ones', () => {
		expect(decodeEntities('&amp;&#39;&#x27;&quot;&unknown;')).toBe(`&''"&unknown;`);
	});
});
