/**
 * Find table rows by their labels in a token stream. A label may be wrapped over several
 * lines or cells, preceded by group captions, or split in two (seed 004's "不予 / 公开");
 * the numbers that follow a recognised label belong to that row until the next label.
 */
import { compact } from './source.ts';
import type { Token } from './tokens.ts';

export interface RowDef<K extends string = string> {
	key: K;
	keywords: RegExp;
	/** A group caption: a row only if numbers follow it directly (2019's single （六）, subtotal rows). */
	weak?: boolean;
}

export interface FoundRow<K extends string = string> {
	def: RowDef<K>;
	/** The label as printed (joined text tokens), and where it starts. */
	labelRaw: string;
	line: number;
	col: number;
	values: Token[];
}

export interface WalkResult<K extends string> {
	rows: FoundRow<K>[];
	/** Numbers that came before any row label. */
	orphans: Token[];
	/** Text seen before the first row: the table's header. */
	header: string;
}

/**
 * Walk tokens, recognising rows in order. Only the next `window` definitions are
 * candidates, so a word such as 总计 in the header cannot start the 总计 row.
 */
export function walkRows<K extends string>(
	tokens: Token[],
	defs: RowDef<K>[],
	window: number,
): WalkResult<K> {
	const rows: FoundRow<K>[] = [];
	const orphans: Token[] = [];
	let header = '';
	let current: FoundRow<K> | null = null;
	let currentIndex = -1;
	let buffer = '';
	let bufferTokens: Token[] = [];
	let hasNumber = false;

	const close = () => {
		if (!current) return;
		const numbered = current.values.some((t) => t.kind === 'num');
		// A weak caption followed by sub-rows, not numbers, is not a row.
		if (!current.def.weak || numbered) rows.push(current);
		current = null;
	};

	for (const token of tokens) {
		if (token.kind !== 'text') {
			if (current) current.values.push(token);
			else if (token.kind === 'num') orphans.push(token);
			if (token.kind === 'num') hasNumber = true;
			continue;
		}
		if (hasNumber) {
			buffer = '';
			bufferTokens = [];
			hasNumber = false;
		}
		buffer += compact(token.text);
		bufferTokens.push(token);
		if (!current) header += token.text;
		const match = findCandidate(stripBrackets(buffer), defs, currentIndex, window);
		if (!match) {
			// A wrapped label goes on until its numbers start.
			if (current && !current.values.some((t) => t.kind === 'num'))
				current.labelRaw += token.raw.trim();
			continue;
		}
		if (current && current.def.key === match.def.key) continue;
		close();
		const label = labelTokens(bufferTokens, match.def.keywords);
		current = {
			def: match.def,
			labelRaw: label.map((t) => t.raw.trim()).join(''),
			line: label[0]!.line,
			col: label[0]!.col,
			values: [],
		};
		currentIndex = match.index;
		buffer = '';
		bufferTokens = [];
	}
	close();
	return { rows, orphans, header };
}

/** The shortest run of trailing tokens that still reads as the label: drops captions and group labels before it. */
function labelTokens(tokens: Token[], keywords: RegExp): Token[] {
	for (let i = tokens.length - 1; i > 0; i--) {
		const tail = tokens.slice(i);
		if (keywords.test(stripBrackets(tail.map((t) => compact(t.text)).join('')))) return tail;
	}
	return tokens;
}

function findCandidate<K extends string>(
	label: string,
	defs: RowDef<K>[],
	after: number,
	window: number,
) {
	let best: { def: RowDef<K>; index: number; at: number } | null = null;
	for (let i = after + 1; i < defs.length && i <= after + window; i++) {
		const m = defs[i]!.keywords.exec(label);
		if (m && (!best || m.index < best.at)) best = { def: defs[i]!, index: i, at: m.index };
	}
	return best;
}

/**
 * Remove bracketed asides and list numbering so keywords match the label itself:
 * "(二)部分公开(区分处理的…" → "部分公开"; an unclosed "(" hides the rest, and text up
 * to an unopened ")" is the tail of a wrapped aside.
 */
export function stripBrackets(label: string): string {
	let s = label.replace(/^[^(]*\)/, '');
	let out = '';
	let depth = 0;
	for (const ch of s) {
		if (ch === '(' || ch === '（') depth++;
		else if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
		else if (depth === 0) out += ch;
	}
	s = out;
	return s;
}
