import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/lib/site/html.ts';
import { marksEmptyCells, sourceLinesHtml } from '../../../src/lib/site/source-html.ts';

describe('escapeHtml', () => {
	it('escapes the five characters that could end text or an attribute value', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
		);
		expect(escapeHtml('第 3 行')).toBe('第 3 行');
	});
});

describe('sourceLinesHtml', () => {
	const lines = ['标题', '一、总体情况', '正文 <script>', '', '末行'];

	it('gives each line of the range its item with id L<n>, text escaped, blank lines kept', () => {
		const html = sourceLinesHtml(lines, { start: 2, end: 4 });
		expect(html).toBe(
			'<li id="L2">一、总体情况</li><li id="L3">正文 &lt;script&gt;</li><li id="L4"></li>',
		);
	});

	it('keeps only the first line out of search when asked (a section heading)', () => {
		const html = sourceLinesHtml(lines, { start: 2, end: 3 }, { ignoreFirst: true });
		expect(html.match(/data-pagefind-ignore/g)).toHaveLength(1);
		expect(html.startsWith('<li id="L2" data-pagefind-ignore>')).toBe(true);
	});

	it('puts a searchable line’s id on an empty span at its start (the search index keeps no copy), blank lines as before', () => {
		const html = sourceLinesHtml(
			lines,
			{ start: 2, end: 4 },
			{ searchable: true, ignoreFirst: true },
		);
		expect(html).toBe(
			'<li data-pagefind-ignore><span id="L2"></span>一、总体情况</li>' +
				'<li><span id="L3"></span>正文 &lt;script&gt;</li><li id="L4"></li>',
		);
	});
});

describe('marksEmptyCells', () => {
	const lines = ['| 规章 | 0 | \u2400 | 3 |', '| 行政许可 | 0 |', '正文'];

	it('finds the empty-cell mark only inside the range', () => {
		expect(marksEmptyCells(lines, { start: 1, end: 3 })).toBe(true);
		expect(marksEmptyCells(lines, { start: 2, end: 3 })).toBe(false);
	});
});
