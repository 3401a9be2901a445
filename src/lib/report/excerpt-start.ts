/**
 * Where a table's row walk may begin when the text starts inside the table (an excerpt, one
 * page of a flip-book) after its heading and first rows: the walk only looks a few rows ahead,
 * so a table entered at its 8th row would otherwise find no row at all and leave every number
 * unassigned. The start is the first printed label that names a row and is followed directly
 * by numbers; nothing before it is placed, so no number is invented.
 */
import { compact } from './source.ts';
import { stripBrackets, type RowDef } from './labels.ts';
import type { Token } from './tokens.ts';

/**
 * The index of the row definition printed first, when the text enters the table past the
 * walk's window; null when the first labelled row is within reach of the start anyway.
 * A caption (weak definition) never starts the walk: its sub-row does.
 */
export function excerptStart<K extends string>(
	tokens: Token[],
	defs: RowDef<K>[],
	window: number,
): number | null {
	let label: Token[] = [];
	let afterNumber = true;
	for (const token of tokens) {
		if (token.kind === 'text') {
			if (afterNumber) label = [];
			afterNumber = false;
			label.push(token);
			continue;
		}
		if (token.kind !== 'num') continue;
		afterNumber = true;
		if (label.length === 0) continue;
		const at = labelledDef(label, defs);
		if (at !== null) return at < window ? null : at;
		label = [];
	}
	return null;
}

/** The row a run of label text names: the match nearest its end (the row, not its caption). */
function labelledDef<K extends string>(label: Token[], defs: RowDef<K>[]): number | null {
	const text = stripBrackets(label.map((t) => compact(t.text)).join(''));
	let best: { index: number; at: number } | null = null;
	defs.forEach((def, index) => {
		if (def.weak) return;
		const m = def.keywords.exec(text);
		if (m && (!best || m.index > best.at)) best = { index, at: m.index };
	});
	return best === null ? null : (best as { index: number }).index;
}
