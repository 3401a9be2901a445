/**
 * Source lines as the <li id="L<n>"> items of a numbered list, written as one string: a report
 * has ~100–300 lines and one Astro expression per line was a large share of the page's render
 * time (issue 12). The list's `start` makes the browser number them like the parser does.
 */
import { EMPTY_CELL_MARK } from '../model/vocabulary.ts';
import { escapeHtml } from './html.ts';
import type { LineRange } from './source-chunks.ts';

export interface SourceLinesOptions {
	/** Keep the first line (a section's fixed heading, the same in every report) out of search. */
	ignoreFirst?: boolean;
	/**
	 * Searchable lines: the id L<n> on an empty <span> at the line's start, not on the <li>.
	 * Pagefind stores every element with an id in the indexed body as an anchor with its text, so
	 * an id on the item stored each line a second time (+1.6 KB of index per report, measured).
	 */
	searchable?: boolean;
}

/** Lines `range.start`..`range.end` of `lines` (the whole source, 0-based array) as list items. */
export function sourceLinesHtml(
	lines: readonly string[],
	range: LineRange,
	options: SourceLinesOptions = {},
): string {
	let html = '';
	for (let n = range.start; n <= range.end; n++) {
		const ignore = options.ignoreFirst && n === range.start ? ' data-pagefind-ignore' : '';
		const text = lines[n - 1] ?? '';
		html +=
			options.searchable && text.trim() !== ''
				? `<li${ignore}><span id="L${n}"></span>${escapeHtml(text)}</li>`
				: `<li id="L${n}"${ignore}>${escapeHtml(text)}</li>`;
	}
	return html;
}

/** Whether lines `range.start`..`range.end` hold the mark of a table cell printed empty. */
export function marksEmptyCells(lines: readonly string[], range: LineRange): boolean {
	return lines.slice(range.start - 1, range.end).some((line) => line.includes(EMPTY_CELL_MARK));
}
