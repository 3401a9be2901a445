/**
 * Which rows of the data dictionary a filter term keeps. Pure, so the rule is tested without a
 * browser: a row matches when its text contains the term, when the term is one of its column
 * keys written out (`table3.granted.total` finds the row `table3.granted`), or when the term
 * names a column of its table (总计 keeps every row of the table that has that column).
 */

/** Lower case, no spaces: 予以 公开 and 予以公开 are the same query. */
export const normaliseTerm = (term: string): string => term.toLowerCase().replace(/\s+/g, '');

export interface DictionaryRowText {
	/** The row's visible text. */
	text: string;
	/** `table3.granted` for a grouped row, whose columns are `<prefix>.<column>`. */
	prefix?: string;
	/** The column keys of a grouped row. */
	columns?: readonly string[];
	/** The column names and keys of the row's table, given once above it. */
	tableColumns?: string;
}

export function rowMatches(row: DictionaryRowText, term: string): boolean {
	const t = normaliseTerm(term);
	if (t === '') return true;
	if (normaliseTerm(row.text).includes(t)) return true;
	if (row.tableColumns !== undefined && normaliseTerm(row.tableColumns).includes(t)) return true;
	if (row.prefix === undefined) return false;
	const prefix = `${row.prefix.toLowerCase()}.`;
	if (!t.startsWith(prefix)) return false;
	const rest = t.slice(prefix.length);
	return (row.columns ?? []).some((c) => c.toLowerCase().startsWith(rest));
}
