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
	/** The row definition the label matched; null for numbers under an unknown or missing label. */
	def: RowDef<K> | null;
	/** The label as printed (joined text tokens), and where it starts. */
	labelRaw: string;
	line: number;
	col: number;
	values: Token[];
}

export interface WalkResult<K extends string> {
	/** Rows in printed order, including `def: null` rows for the caller to place or report. */
	rows: FoundRow<K>[];
	/** Numbers that came before any row label. */
	orphans: Token[];
	/** Text seen before the first row: the table's header. */
	header: string;
	/** Weak captions printed without numbers, and how many rows came before each. */
	captions: { row: FoundRow<K>; before: number }[];
}

export interface WalkOptions {
	/** How many definitions after the current row are candidates (the rest is unreachable). */
	window: number;
	/** Every definition not matched yet is a candidate, in any order (labels unique, e.g. Table 2). */
	anyOrder?: boolean;
	/** Cells in a full row: a line of at least this many numbers and no text is a row of its own. */
	rowWidth?: number;
	/** The definition the walk may start at (an excerpt entering the table late); default 0. */
	start?: number;
}

/**
 * Walk tokens, recognising rows in order. Only the next `window` definitions are candidates,
 * so a word such as 总计 in the header cannot start the 总计 row. After a row has its numbers,
 * unknown text followed by numbers (a damaged label), or a line that is nothing but a full row
 * of numbers (its label floated away), is a row boundary: a `def: null` row.
 */
export function walkRows<K extends string>(
	tokens: Token[],
	defs: RowDef<K>[],
	options: WalkOptions,
): WalkResult<K> {
	const { window, anyOrder = false, rowWidth = Infinity, start = 0 } = options;
	const rows: FoundRow<K>[] = [];
	const orphans: Token[] = [];
	const captions: WalkResult<K>['captions'] = [];
	const used = new Set<string>();
	const bareNumberLines = numberOnlyLines(tokens, rowWidth);
	let header = '';
	let current: FoundRow<K> | null = null;
	let currentIndex = start - 1;
	let buffer = '';
	let bufferTokens: Token[] = [];
	let hasNumber = false;

	const close = () => {
		if (!current) return;
		const numbered = current.values.some((t) => t.kind === 'num');
		// A weak caption followed by sub-rows, not numbers, is not a row.
		if (!current.def?.weak || numbered) rows.push(current);
		else captions.push({ row: current, before: rows.length });
		current = null;
	};

	for (const token of tokens) {
		if (token.kind !== 'text') {
			if (token.kind === 'num' && current) {
				const row: FoundRow<K> = current;
				const hasValues: boolean = row.values.some((t) => t.kind === 'num');
				const lastLine = row.values.findLast((t) => t.kind === 'num')?.line;
				// Text after a group caption that matched no row is a damaged row label too.
				const unknownLabel: boolean =
					(hasValues || row.def?.weak === true) && bufferTokens.length > 0 && !hasNumber;
				const bareRow = hasValues && lastLine !== token.line && bareNumberLines.has(token.line);
				if (unknownLabel || bareRow) {
					close();
					const label: Token[] = unknownLabel ? bufferTokens : [];
					current = {
						def: null,
						labelRaw: label.map((t) => t.raw.trim()).join(''),
						line: label[0]?.line ?? token.line,
						col: label[0]?.col ?? token.col,
						values: [],
					};
					buffer = '';
					bufferTokens = [];
				}
			}
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
		const match = anyOrder
			? findAnywhere(stripBrackets(buffer), defs, used)
			: findCandidate(stripBrackets(buffer), defs, currentIndex, window);
		if (!match) {
			// A wrapped label goes on until its numbers start.
			if (current && current.def && !current.values.some((t) => t.kind === 'num'))
				current.labelRaw += token.raw.trim();
			continue;
		}
		if (current && current.def?.key === match.def.key) continue;
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
		used.add(match.def.key);
		buffer = '';
		bufferTokens = [];
	}
	close();
	return { rows, orphans, header, captions };
}

/** Lines holding at least `width` numbers or blanks and no text at all. */
function numberOnlyLines(tokens: Token[], width: number): Set<number> {
	const out = new Set<number>();
	if (!Number.isFinite(width)) return out;
	const count = new Map<number, number>();
	const withText = new Set<number>();
	for (const t of tokens) {
		if (t.kind === 'text') withText.add(t.line);
		else if (t.kind === 'num') count.set(t.line, (count.get(t.line) ?? 0) + 1);
	}
	for (const [line, n] of count) if (n >= width && !withText.has(line)) out.add(line);
	return out;
}

function findAnywhere<K extends string>(label: string, defs: RowDef<K>[], used: Set<string>) {
	let best: { def: RowDef<K>; index: number; at: number } | null = null;
	defs.forEach((def, i) => {
		if (used.has(def.key)) return;
		const m = def.keywords.exec(label);
		if (m && (!best || m.index < best.at)) best = { def, index: i, at: m.index };
	});
	return best as { def: RowDef<K>; index: number; at: number } | null;
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
