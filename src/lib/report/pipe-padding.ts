/**
 * Crawlers that print an HTML table as pipe rows print only the cells a row has (a merged cell
 * once) and pad the row at its end with bare bars up to the table's width: `| 行政许可 | 7 | ||`.
 * Those bars are glued together, so they leave fields of no length at all, which no printed cell
 * has (an empty cell printed by the same crawler is `|  |`). The padding is no cell of the row.
 */

/**
 * Index of the first padding field of a pipe row split at its bars (the last field is what
 * follows the closing bar): the trailing fields of at most one space, provided one of them has
 * no length at all. `fields.length - 1` when the row has no padding.
 */
export function pipePaddingStart(fields: string[]): number {
	const end = fields.length - 1;
	let start = end;
	let glued = false;
	while (start > 1 && /^\s?$/.test(fields[start - 1]!)) {
		start--;
		if (fields[start] === '') glued = true;
	}
	return glued ? start : end;
}
