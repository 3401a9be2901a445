/**
 * Cut the lines of a table section into a flat stream of label text, numbers and blank
 * cells, whatever the layout: tabs, Markdown pipes, one cell per line, space-separated
 * PDF text, glued cells or HTML markup. Rows are found later by their labels, not by lines.
 */
import { pipePaddingStart } from './pipe-padding.ts';
import {
	BARS_ONLY,
	INDENTED_EMPTY_CELL,
	ROW_OPENER,
	cellsCloseWithSpace,
	emptyCellBetweenBars,
	rowsOpenedByBar,
} from './bar-lines.ts';
import type { SourceLines } from './source.ts';

export interface Token {
	kind: 'text' | 'num' | 'blank';
	/** Normalised text (for matching). */
	text: string;
	/** Source text exactly as printed, padding included. */
	raw: string;
	line: number;
	col: number;
	value?: number;
	/** A dash, slash or 无 standing for zero. */
	marker?: boolean;
	/**
	 * A blank that is a cell of its row: inside a pipe row's closing `|`, an empty HTML cell or a
	 * literal `&nbsp;`. Kept at the end of a row (a null cell), where other blanks are padding.
	 */
	explicit?: boolean;
	/**
	 * An explicit blank that is a cell line of its own: a bare `|` where every cell line ends with
	 * `|`. After a row's last number it fills the row's missing last cells, up to the row's width.
	 */
	cellLine?: boolean;
	/** The digits name a number a double cannot hold exactly (beyond 2^53): `value` is not it. */
	inexact?: boolean;
}

/** Integer digits beyond Number.MAX_SAFE_INTEGER (9007199254740991) would be rounded silently. */
const inexact = (digits: string) =>
	digits.replace(/\..*$/, '').replace(/^0+/, '').length >= 16 &&
	!Number.isSafeInteger(Number(digits.replace(/\..*$/, '')));

export interface RegionTokens {
	tokens: Token[];
	/** Page numbers such as "— 3 —" found between table rows. */
	pageMarkers: Token[];
	/** Numbers inside sentences (prose) of a table section. */
	proseNumbers: Token[];
	/** Digits inside column names of a header row (`数据1`): reported, never values. */
	headerNumbers: Token[];
}

const ZERO_MARKER = /^(?:-{1,2}|—{1,2}|–|―|\/|无)$/;
const PAGE_MARKER =
	/^(?:[-—–―]+\s*\d+\s*[-—–―]+|第\s*\d+\s*页(?:\s*,?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;
// A number: optional 增加/减少 word or sign, digits, optional decimals.
const NUMBER = /(增加|减少)?([+-]?)(\d+(?:\.\d+)?)/g;
/** An empty cell written out: the HTML-to-cells marker, or `&nbsp;` left by an HTML converter. */
const EMPTY_CELL = /^\s*(?:\u2400|(?:&nbsp;|&#160;)+)\s*$/i;
/** A column name numbered by the converter (`数据1`, `列2`): CJK text with digits glued at the end. */
const NUMBERED_NAME = /^[^\d\s]*[\u4e00-\u9fa5]\d+$/;
const textToken = (text: string, raw: string, line: number, start: number): Token => ({
	kind: 'text',
	text,
	raw: raw.slice(start, start + text.length),
	line,
	col: start + 1,
});
const isEmptyCell = (text: string) =>
	(text.includes('\u2400') || text.includes('&')) && EMPTY_CELL.test(text);
const HTML_CELL = /<\/?(?:t[dhr]|table|tbody|thead|tfoot|caption)\b/i;

export function tokenizeRegion(src: SourceLines, from: number, to: number): RegionTokens {
	const out: RegionTokens = { tokens: [], pageMarkers: [], proseNumbers: [], headerNumbers: [] };
	const lines = src.norm.slice(from, to);
	const openedByBar = rowsOpenedByBar(lines);
	const barClosed = openedByBar || cellsClosedByBar(lines);
	// Cells closed by ` |`: bars at a line start are padding or a row opener, an indented bar an empty cell.
	const spaced = barClosed && cellsCloseWithSpace(lines);
	for (let i = from; i < to; i++) {
		const norm = src.norm[i] ?? '';
		const raw = src.raw[i] ?? '';
		if (openedByBar && ROW_OPENER.test(norm)) continue; // a row's opening bar, no cell
		if (spaced && BARS_ONLY.test(norm)) continue;
		if (barClosed && (spaced ? INDENTED_EMPTY_CELL.test(norm) : norm.trim() === '|')) {
			// Where every cell line ends with `|`, a line holding only `|` is an empty cell.
			const col = norm.indexOf('|') + 1;
			const blank: Token = { kind: 'blank', text: '', raw: '|', line: i + 1, col };
			out.tokens.push({ ...blank, explicit: true, cellLine: true });
		} else if (!barClosed && norm.trim() === '|') {
			// Cell lines not closed by `|`: a bare `|` line separates cells and is no cell.
			continue;
		} else if (!barClosed && emptyCellBetweenBars(lines, i - from)) {
			// `|` / `` / `|` where bars separate the cells: the empty line is an empty cell.
			out.tokens.push({
				kind: 'blank',
				text: '',
				raw,
				line: i + 1,
				col: 1,
				explicit: true,
				cellLine: true,
			});
		} else if (barClosed && CLOSED_BY_BAR.test(norm)) {
			// The closing `|` ends the cell: blanked (same length), so `6|` is the number 6.
			tokenizeLine(norm.replace(/\|(\s*)$/, ' $1'), raw, i + 1, out);
		} else tokenizeLine(norm, raw, i + 1, out);
	}
	return out;
}

/** A cell line closed by `|` and holding no other `|` (`\t 6|`, `（一）予以公开|`). */
const CLOSED_BY_BAR = /^[^|]*\S[^|]*\|\s*$/;
/** Of the lines that hold a cell, the share that must be closed by `|` to read bare `|` as cells. */
const CLOSED_SHARE = 0.8;

/**
 * Whether the region is one cell per line with every cell closed by `|`: then a bare `|` line
 * is an empty cell. Where the cell lines do not end with `|`, a bare `|` line only separates
 * cells (a converter's column rule) and is no cell. Sentences (。) are prose, not cells.
 */
function cellsClosedByBar(lines: string[]): boolean {
	let cells = 0;
	let closed = 0;
	for (const line of lines) {
		const t = line.trim();
		if (t === '' || t === '|' || t.includes('。')) continue;
		cells++;
		if (CLOSED_BY_BAR.test(line)) closed++;
	}
	return cells >= 4 && closed >= cells * CLOSED_SHARE;
}

function tokenizeLine(normLine: string, raw: string, line: number, out: RegionTokens): void {
	let norm = normLine;
	const trimmed = norm.trim();
	if (trimmed === '') {
		// A lone tab or ideographic space is an empty cell in one-cell-per-line layouts.
		if (raw.length > 0) out.tokens.push({ kind: 'blank', text: '', raw, line, col: 1 });
		return;
	}
	if (/^[\s|:-]*$/.test(trimmed) && (trimmed.match(/-/g)?.length ?? 0) >= 3) return; // |---| separator or --- rule
	if (PAGE_MARKER.test(trimmed)) {
		const col = norm.indexOf(trimmed) + 1;
		out.pageMarkers.push({ kind: 'num', text: trimmed, raw: raw.trim(), line, col });
		return;
	}
	if (HTML_CELL.test(norm)) norm = htmlToCells(norm);
	if (norm.includes('。')) {
		for (const t of scanWord(norm, raw, line, 0)) if (t.kind === 'num') out.proseNumbers.push(t);
		return;
	}
	const fields = splitFields(norm);
	const filled = fields.map((f) => f.text.trim() !== '' && !isEmptyCell(f.text));
	const first = filled.indexOf(true);
	const last = filled.lastIndexOf(true);
	if (first === -1) {
		out.tokens.push({ kind: 'blank', text: '', raw, line, col: 1 });
		return;
	}
	// A pipe row `| … |` (or `a | b |`): every field up to its closing pipe is a cell, a blank one
	// included, except the glued bars a crawler pads the row with.
	const closedRow =
		(/^\s*\|.*\|\s*$/.test(norm) || /^[^|]*\S[^|]*\|.*\|\s*$/.test(norm)) && fields.length > 2;
	const cellsEnd = closedRow ? pipePaddingStart(fields.map((f) => f.text)) : fields.length - 1;
	// A row of column names only (`| 类别 | 数据1 | … | 总计 |`): digits glued to a name are part of it.
	let header: boolean | null = null;
	const isHeader = () =>
		(header ??=
			fields.filter((f) => NUMBERED_NAME.test(f.text.trim())).length >= 2 &&
			!fields.some((f) => /(?:^|\s)[+-]?\d+(?:\.\d+)?(?:\s|$)/.test(f.text)));
	fields.forEach((field, j) => {
		if (!filled[j]) {
			const explicit = isEmptyCell(field.text) || (closedRow && j > 0 && j < cellsEnd);
			if (explicit || (j > first && j < last)) {
				out.tokens.push({
					kind: 'blank',
					text: '',
					raw: raw.slice(field.start, field.start + field.text.length),
					line,
					col: field.start + 1,
					...(explicit ? { explicit } : {}),
				});
			}
			return;
		}
		for (const word of splitWords(field.text, field.start)) {
			const wholeField = word.text.length === field.text.trim().length;
			if (NUMBERED_NAME.test(word.text) && isHeader()) {
				const at = word.text.search(/\d/);
				out.tokens.push(textToken(word.text.slice(0, at), raw, line, word.start));
				out.headerNumbers.push({
					kind: 'num',
					text: word.text.slice(at),
					raw: raw.slice(word.start + at, word.start + word.text.length),
					line,
					col: word.start + at + 1,
				});
				continue;
			}
			const tokens = scanWord(word.text, raw, line, word.start);
			// A field that is one number keeps its padding (e.g. NBSP) as the raw text.
			const fieldRaw = raw.slice(field.start, field.start + field.text.length);
			if (
				wholeField &&
				tokens.length === 1 &&
				tokens[0]!.kind === 'num' &&
				fieldRaw.trim() === tokens[0]!.raw.trim()
			) {
				tokens[0]!.raw = fieldRaw;
			}
			out.tokens.push(...tokens);
		}
	});
}

interface Piece {
	text: string;
	start: number;
}

function splitFields(norm: string): Piece[] {
	let sep: string | null = null;
	if (norm.includes('\t')) sep = '\t';
	else if (norm.trim().startsWith('|') || (norm.match(/\|/g)?.length ?? 0) >= 2) sep = '|';
	if (!sep) return [{ text: norm, start: 0 }];
	const pieces: Piece[] = [];
	let start = 0;
	for (const part of norm.split(sep)) {
		pieces.push({ text: part, start });
		start += part.length + 1;
	}
	return pieces;
}

function splitWords(text: string, offset: number): Piece[] {
	const trimmed = text.trim();
	if (!/\s/.test(trimmed)) return [{ text: trimmed, start: offset + text.indexOf(trimmed) }];
	const words: Piece[] = [];
	for (const m of text.matchAll(/\S+/g)) words.push({ text: m[0], start: offset + m.index });
	return words;
}

/** Split one word into label text and numbers; digits that are list numbering, dates or codes stay text. */
function scanWord(word: string, raw: string, line: number, start: number): Token[] {
	if (ZERO_MARKER.test(word)) {
		return [
			{
				kind: 'num',
				text: word,
				raw: raw.slice(start, start + word.length),
				line,
				col: start + 1,
				value: 0,
				marker: true,
			},
		];
	}
	if (word === '〇')
		return [
			{ kind: 'num', text: word, raw: raw.slice(start, start + 1), line, col: start + 1, value: 0 },
		];
	// Fast paths for the two commonest words: a plain label and a plain count.
	if (!/\d/.test(word))
		return [
			{
				kind: 'text',
				text: word,
				raw: raw.slice(start, start + word.length),
				line,
				col: start + 1,
			},
		];
	if (/^[1-9]\d*$|^0$/.test(word))
		return [
			{
				kind: 'num',
				text: word,
				raw: raw.slice(start, start + word.length),
				line,
				col: start + 1,
				value: Number(word),
				...(inexact(word) ? { inexact: true } : {}),
			},
		];
	const tokens: Token[] = [];
	let textFrom = 0;
	const pushText = (until: number) => {
		const t = word.slice(textFrom, until);
		if (t.trim())
			tokens.push({
				kind: 'text',
				text: t,
				raw: raw.slice(start + textFrom, start + until),
				line,
				col: start + textFrom + 1,
			});
	};
	for (const m of word.matchAll(NUMBER)) {
		const at = m.index;
		const end = at + m[0].length;
		const before = word[at - 1] ?? '';
		const after = word[end] ?? '';
		const afterNext = word[end + 1] ?? '';
		const isListNumber = /[.、)]/.test(after) && !/\d/.test(afterNext);
		const isPartOfText =
			/[(〔\[【第]/.test(before) ||
			(/[\d.]/.test(before) && !m[2]) ||
			/[年月日号位页时周岁%〕\]】)]/.test(after) ||
			isListNumber;
		if (isPartOfText && !m[1]) continue;
		pushText(at);
		const sign = m[1] === '减少' || m[2] === '-' ? -1 : 1;
		for (const digits of splitGluedZeros(m[3]!)) {
			const offset = at + m[0].length - m[3]!.length + digits.offset;
			const from = digits.offset === 0 ? at : offset;
			tokens.push({
				kind: 'num',
				text: word.slice(from, offset + digits.text.length),
				raw: raw.slice(start + from, start + offset + digits.text.length),
				line,
				col: start + from + 1,
				value: sign * Number(digits.text),
				...(inexact(digits.text) ? { inexact: true } : {}),
			});
		}
		textFrom = end;
	}
	pushText(word.length);
	return tokens;
}

/** "0000000" from glued zero cells: nobody writes a count with a leading zero, so each leading 0 is a cell. */
function splitGluedZeros(digits: string): { text: string; offset: number }[] {
	const parts: { text: string; offset: number }[] = [];
	let i = 0;
	while (digits[i] === '0' && i + 1 < digits.length && /\d/.test(digits[i + 1]!))
		parts.push({ text: '0', offset: i++ });
	parts.push({ text: digits.slice(i), offset: i });
	return parts;
}

/** Same-length rewrite of HTML table markup into tab-separated cells; an empty <td></td> becomes an explicit blank. */
function htmlToCells(line: string): string {
	return line
		.replace(
			/<t[dh]\b[^>]*>(?:\s|&nbsp;)*<\/t[dh]>/gi,
			(m) => '<x>\u2400' + ' '.repeat(m.length - 8) + '</x>',
		)
		.replace(/&nbsp;|&#160;/gi, (m) => ' '.repeat(m.length))
		.replace(/(?:<[^>]*>\s*)+/g, (m) => '\t' + ' '.repeat(m.length - 1));
}
