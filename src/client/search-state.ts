/**
 * The search page's state as it lives in the address bar (?q=…&year=…&province=…), so a search
 * can be linked, bookmarked and restored with Back; and the rule that puts exact phrase matches
 * first. Pure functions, tested without a browser.
 */

/** URL parameter → Pagefind filter name (the names the report and township pages index). */
export const FILTERS = [
	{ param: 'year', filter: '年份', label: '年份' },
	{ param: 'province', filter: '省份', label: '省份' },
	{ param: 'prefecture', filter: '地市', label: '地市' },
	{ param: 'county', filter: '区县', label: '区县' },
] as const;
export type FilterParam = (typeof FILTERS)[number]['param'];

export interface SearchState {
	query: string;
	filters: Partial<Record<FilterParam, string>>;
}

/** Cards drawn at a time: the first page, and each "加载更多". */
export const PAGE_SIZE = 10;

export function readState(search: string): SearchState {
	const params = new URLSearchParams(search);
	const filters: SearchState['filters'] = {};
	for (const { param } of FILTERS) {
		const value = params.get(param)?.trim();
		if (value) filters[param] = value;
	}
	return { query: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a state; empty values are left out. */
export function writeState(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.query.trim()) params.set('q', state.query.trim());
	for (const { param } of FILTERS) {
		const value = state.filters[param];
		if (value) params.set(param, value);
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The state's filters keyed by Pagefind filter name. */
export function pagefindFilters(state: SearchState): Record<string, string> {
	const out: Record<string, string> = {};
	for (const { param, filter } of FILTERS) {
		const value = state.filters[param];
		if (value) out[filter] = value;
	}
	return out;
}

export const hasFilters = (state: SearchState) => Object.keys(state.filters).length > 0;

/**
 * The quoted form of a query, which Pagefind answers with pages holding the words in that order;
 * null when the reader quoted it already or it is a single character (nothing to order).
 */
export function phraseQuery(query: string): string | null {
	const q = query.trim();
	if (/^".*"$/.test(q) || [...q.replace(/\s+/g, '')].length < 2) return null;
	return `"${q.replace(/"/g, '')}"`;
}

/** Exact phrase matches first (in their own order), then every other hit, each page once. */
export function phraseFirst<T extends { id: string }>(exact: readonly T[], all: readonly T[]): T[] {
	const seen = new Set(exact.map((r) => r.id));
	return [...exact, ...all.filter((r) => !seen.has(r.id))];
}

/** How many cards to show after one more "加载更多" (never more than there are). */
export function nextShown(shown: number, total: number, pageSize = PAGE_SIZE): number {
	return Math.min(total, shown + pageSize);
}

/**
 * The live region's sentence for a finished search. `exact` is how many hits hold the whole phrase
 * (null when no phrase search ran): a reader told "找到 2 份" for a phrase no report contains
 * would think the phrase is there, so a search that only matched some of its words says so.
 */
export function countSentence(
	total: number,
	state: SearchState,
	exact: number | null = null,
): string {
	if (total === 0) return hasFilters(state) ? '在所选范围内没有找到结果。' : '没有找到结果。';
	const scope = hasFilters(state) ? '（已按所选条件筛选）' : '';
	if (exact === 0)
		return `没有找到完整的“${state.query.trim()}”；找到 ${total} 份含其中部分词语的报告/页面${scope}。`;
	if (exact !== null && exact < total)
		return `找到 ${total} 份报告/页面${scope}，其中 ${exact} 份含完整的“${state.query.trim()}”，排在前面。`;
	return `找到 ${total} 份报告/页面${scope}。`;
}
