/**
 * A PDF text layer (positioned glyph runs) → the report's lines. Runs sharing a baseline
 * (within a tolerance) form a line, ordered by x; a gap wider than about a character is a cell
 * boundary, and a line of two or more cells is a table row, written as a pipe row. A label cell
 * wrapped over several lines is joined to the row that holds its numbers; page numbers
 * (`- 3 -`, `第 3 页`) and headers or footers repeated on every page are dropped; prose wrapped
 * at the right margin is joined back into its paragraph.
 */
import { pipeRow } from './grid.ts';
import { fillEmptyColumns } from './pdf-columns.ts';
import type { PdfCell as Cell, PdfLine as Line } from './pdf-line.ts';
import { unifyRadicals } from './radicals.ts';

export interface TextRun {
	str: string;
	/** Left edge and baseline, in PDF units (y grows upwards). */
	x: number;
	y: number;
	width: number;
	/** Font size (glyph height). */
	height: number;
}

export interface PdfPage {
	width: number;
	height: number;
	runs: TextRun[];
}

/** Same baseline: within this share of the font size. */
const BASELINE_TOLERANCE = 0.4;
/** A gap this many font sizes wide between two runs separates cells. */
const CELL_GAP = 0.9;
/** A wrapped label line is at most this many font sizes above or below its row. */
const WRAP_DISTANCE = 1.75;
/** Page headers and footers live in this share of the page at the top and the bottom. */
const MARGIN_SHARE = 0.1;
const PAGE_NUMBER =
	/^(?:[-—–―－]+\s*\d+\s*[-—–―－]+|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;
const NUMERIC = /^[\s(（]*[-+]?[\d０-９]+(?:[.．][\d０-９]+)?[)）\s]*$|^[—–\-/／无]$/;

export interface PdfText {
	text: string;
	/** Lines dropped as page furniture, for the notes. */
	dropped: number;
}

export function pdfPagesToText(pages: PdfPage[]): PdfText {
	const lines = pages.flatMap((p, i) => linesOf(p, i));
	const furniture = pageFurniture(lines, pages);
	const kept = lines.filter((l) => !furniture.has(l));
	const merged = fillEmptyColumns(joinWrappedLabels(kept), isNumeric);
	return { text: render(merged), dropped: furniture.size };
}

function linesOf(page: PdfPage, index: number): Line[] {
	const runs = page.runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
	const groups: TextRun[][] = [];
	for (const run of runs) {
		const g = groups.at(-1);
		const ref = g?.[0];
		if (ref && Math.abs(ref.y - run.y) <= BASELINE_TOLERANCE * Math.min(ref.height, run.height))
			g.push(run);
		else groups.push([run]);
	}
	return groups.map((g) => {
		g.sort((a, b) => a.x - b.x);
		const size = Math.max(...g.map((r) => r.height));
		const cells: Cell[] = [];
		for (const run of g) {
			const last = cells.at(-1);
			const gap = last ? run.x - last.x1 : Infinity;
			if (last && gap <= CELL_GAP * size) {
				last.text += (gap > 0.2 * size && !/\s$/.test(last.text) ? ' ' : '') + run.str;
				last.x1 = Math.max(last.x1, run.x + run.width);
			} else cells.push({ text: run.str, x0: run.x, x1: run.x + run.width, y: run.y });
		}
		for (const c of cells) c.text = unifyRadicals(c.text).replace(/\s+/g, ' ').trim();
		return { page: index, y: commonBaseline(g), size, cells };
	});
}

/** The baseline most of a line's text sits on (a cell centred a little higher does not move it). */
function commonBaseline(runs: TextRun[]): number {
	const weight = new Map<number, number>();
	for (const r of runs) {
		const y = Math.round(r.y * 10) / 10;
		weight.set(y, (weight.get(y) ?? 0) + r.str.trim().length);
	}
	return [...weight].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

const lineText = (l: Line) => l.cells.map((c) => c.text).join(' ');

/** Page numbers in the margins, and lines repeated in the margins of most pages. */
function pageFurniture(lines: Line[], pages: PdfPage[]): Set<Line> {
	const out = new Set<Line>();
	const inMargin = (l: Line) => {
		const h = pages[l.page]!.height;
		return l.y < h * MARGIN_SHARE || l.y > h * (1 - MARGIN_SHARE);
	};
	const repeated = new Map<string, Set<number>>();
	for (const l of lines) {
		if (!inMargin(l)) continue;
		const key = lineText(l).replace(/\d+/g, '#');
		repeated.set(key, (repeated.get(key) ?? new Set()).add(l.page));
	}
	for (const l of lines) {
		const text = lineText(l).trim();
		const pageNumber = PAGE_NUMBER.test(text) && (inMargin(l) || !/^\d+$/.test(text));
		const onMostPages =
			pages.length >= 2 &&
			inMargin(l) &&
			repeated.get(text.replace(/\d+/g, '#'))!.size >= Math.max(2, pages.length / 2);
		if (pageNumber || onMostPages) out.add(l);
	}
	return out;
}

const isNumeric = (c: Cell) => NUMERIC.test(c.text);
const hasNumbers = (l: Line) => l.cells.some(isNumeric);
const overlaps = (a: Cell, b: Cell) =>
	Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) >= 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0);

/** A piece of label text and where it sits; several pieces form one wrapped cell. */
interface Fragment {
	line: Line;
	cell: Cell;
}

/**
 * Label cells wrapped over several lines, put back together. Pieces of text one line apart in
 * the same column (and not both on lines with numbers) are one cell; a cell that does not share
 * a line with numbers joins the nearest line that has them, when it stands left of their first
 * number and no more than about a line away. A group label centred on several rows therefore
 * lands on its middle row, as a Markdown conversion of the table would put it on its first.
 */
function joinWrappedLabels(lines: Line[]): Line[] {
	const table = tableLines(lines);
	const fragments: Fragment[] = lines.flatMap((line) =>
		line.cells.filter((c) => !isNumeric(c)).map((cell) => ({ line, cell })),
	);
	const next = new Map<Fragment, Fragment>();
	const hasPrevious = new Set<Fragment>();
	// A label cut by a page break goes on at the top of the next page.
	const lastOnPage = new Set(lines.filter((l, i) => lines[i + 1]?.page !== l.page));
	const firstOnPage = new Set(lines.filter((l, i) => lines[i - 1]?.page !== l.page));
	const acrossPages = (f: Fragment, g: Fragment) =>
		g.line.page === f.line.page + 1 &&
		lastOnPage.has(f.line) &&
		firstOnPage.has(g.line) &&
		g.line.cells.length === 1 &&
		!hasNumbers(g.line) &&
		overlaps(f.cell, g.cell);
	for (const f of fragments) {
		const turn = fragments.find((g) => acrossPages(f, g) && !hasPrevious.has(g));
		if (turn && hasNumbers(f.line) && table.has(f.line)) {
			next.set(f, turn);
			hasPrevious.add(turn);
			continue;
		}
		const below = fragments
			.filter(
				(g) =>
					g.line.page === f.line.page &&
					(table.has(f.line) || table.has(g.line) || hasPrevious.has(f)) &&
					g.cell.y < f.cell.y &&
					f.cell.y - g.cell.y <= WRAP_DISTANCE * Math.min(f.line.size, g.line.size) &&
					(!(hasNumbers(f.line) && hasNumbers(g.line)) || (isGroupCell(f) && isGroupCell(g))) &&
					overlaps(f.cell, g.cell) &&
					!hasPrevious.has(g),
			)
			.sort((a, b) => b.cell.y - a.cell.y)[0];
		if (below) {
			next.set(f, below);
			hasPrevious.add(below);
		}
	}
	const gone = new Set<Cell>();
	const added = new Map<Line, Cell[]>();
	for (const head of fragments) {
		if (hasPrevious.has(head)) continue;
		const chain = [head];
		while (next.has(chain.at(-1)!)) chain.push(next.get(chain.at(-1)!)!);
		if (chain.length === 1 && hasNumbers(head.line)) continue;
		const text = joinParts(chain.map((f) => f.cell.text));
		const home = chain.find((f) => hasNumbers(f.line));
		const merged: Cell = {
			text,
			y: head.cell.y,
			x0: Math.min(...chain.map((f) => f.cell.x0)),
			x1: Math.max(...chain.map((f) => f.cell.x1)),
		};
		const anchor = home?.line ?? nearestNumberLine(lines, chain, merged);
		if (!anchor) {
			if (chain.length === 1) continue;
			// A wrapped header cell: its text stays on its first line.
			head.cell.text = text;
			for (const f of chain.slice(1)) gone.add(f.cell);
			continue;
		}
		for (const f of chain) gone.add(f.cell);
		added.set(anchor, [...(added.get(anchor) ?? []), merged]);
	}
	const out: Line[] = [];
	for (const line of lines) {
		const cells = [...line.cells.filter((c) => !gone.has(c)), ...(added.get(line) ?? [])];
		if (cells.length === 0) continue;
		cells.sort((a, b) => a.x0 - b.x0);
		out.push({ ...line, cells });
	}
	return out;
}

/**
 * Lines that belong to a table: those with two or more cells or with numbers, and the lines of
 * label text between two of them (a label wrapped around its numbers). Prose is never joined.
 */
function tableLines(lines: Line[]): Set<Line> {
	const isRow = (l: Line) => l.cells.length >= 2 || hasNumbers(l);
	const near = (a: Line, b: Line) => a.page === b.page && Math.abs(a.y - b.y) <= 2.5 * a.size;
	const out = new Set<Line>(lines.filter(isRow));
	for (let i = 0; i < lines.length;) {
		if (isRow(lines[i]!)) {
			i++;
			continue;
		}
		let j = i;
		while (j < lines.length && !isRow(lines[j]!)) j++;
		// Up to three label lines between two rows, each close to the next.
		const run = lines.slice(Math.max(0, i - 1), j + 1);
		const between = i > 0 && j < lines.length && j - i <= 3;
		if (between && run.every((l, k) => k === 0 || near(run[k - 1]!, l)))
			for (let k = i; k < j; k++) out.add(lines[k]!);
		i = j;
	}
	return out;
}

/** A cell with more label text to its right on its line: a group label beside row labels. */
function isGroupCell(f: Fragment): boolean {
	return f.line.cells.some((c) => c.x0 > f.cell.x1 && !isNumeric(c));
}

/** The line with numbers a free-standing label cell belongs to, if one is close enough. */
function nearestNumberLine(lines: Line[], chain: Fragment[], cell: Cell): Line | null {
	const top = chain[0]!.line;
	const bottom = chain.at(-1)!.line;
	const centre = (top.y + bottom.y) / 2;
	let best: Line | null = null;
	for (const line of lines) {
		if (line.page !== top.page || !hasNumbers(line) || line.cells.length < 2) continue;
		const firstNumber = line.cells.find(isNumeric)!;
		if (cell.x1 > firstNumber.x0 + 1) continue;
		if (line.cells.some((c) => !isNumeric(c) && overlaps(c, cell))) continue;
		const reach = WRAP_DISTANCE * top.size;
		if (line.y > top.y + reach || line.y < bottom.y - reach) continue;
		if (!best || Math.abs(line.y - centre) < Math.abs(best.y - centre)) best = line;
	}
	return best;
}

function joinParts(parts: string[]): string {
	return parts.reduce((acc, p) =>
		/[\x21-\x7e]$/.test(acc) && /^[\x21-\x7e]/.test(p) ? `${acc} ${p}` : acc + p,
	);
}

/** Table rows as pipe rows framed by blank lines; prose wrapped at the margin joined back. */
function render(lines: Line[]): string {
	const out: string[] = [];
	const prose = lines.filter((l) => l.cells.length === 1);
	const left = Math.min(...prose.map((l) => l.cells[0]!.x0));
	const right = Math.max(...prose.map((l) => l.cells[0]!.x1));
	let previous: Line | null = null;
	for (const line of lines) {
		if (line.cells.length >= 2) {
			if (previous && previous.cells.length < 2) out.push('');
			out.push(pipeRow(line.cells.map((c) => c.text)));
		} else {
			const cell = line.cells[0]!;
			if (previous && previous.cells.length >= 2) out.push('');
			const continues =
				previous !== null &&
				previous.cells.length === 1 &&
				previous.cells[0]!.x1 >= right - 2 * previous.size &&
				cell.x0 <= left + 0.5 * line.size &&
				!/[。：:；;！？]$/.test(previous.cells[0]!.text) &&
				(previous.page !== line.page || previous.y - line.y <= 2.2 * line.size);
			if (continues) out[out.length - 1] = joinParts([out.at(-1)!, cell.text]);
			else out.push(cell.text);
		}
		previous = line;
	}
	while (out.at(-1) === '') out.pop();
	return out.join('\n') + '\n';
}
