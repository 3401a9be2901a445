/**
 * A PDF text layer (positioned glyph runs) → the report's lines. Runs sharing a baseline
 * (within a tolerance) form a line, ordered by x; a gap wider than about a character is a cell
 * boundary, and a line of two or more cells is a table row, written as a pipe row. A label cell
 * wrapped over several lines is joined to the row that holds its numbers; page numbers
 * (`- 3 -`, `第 3 页`) and headers or footers repeated on every page are dropped; prose wrapped
 * at the right margin is joined back into its paragraph.
 */
import { pipeRow } from './grid.ts';

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

interface Cell {
	text: string;
	x0: number;
	x1: number;
}

interface Line {
	page: number;
	y: number;
	size: number;
	cells: Cell[];
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
	const merged = joinWrappedLabels(kept);
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
			} else cells.push({ text: run.str, x0: run.x, x1: run.x + run.width });
		}
		for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
		return { page: index, y: g[0]!.y, size, cells };
	});
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

/**
 * A line of label text only, whose every cell lies over a label cell of a row with numbers one
 * line above or below, is that label wrapped: it joins that cell (before it when above).
 */
function joinWrappedLabels(lines: Line[]): Line[] {
	const gone = new Set<Line>();
	const prefix = new Map<Cell, string[]>();
	const suffix = new Map<Cell, string[]>();
	lines.forEach((line, i) => {
		if (hasNumbers(line)) return;
		const targets = [lines[i - 1], lines[i + 1]]
			.filter(
				(n): n is Line =>
					n !== undefined &&
					n.page === line.page &&
					hasNumbers(n) &&
					n.cells.length >= 2 &&
					Math.abs(n.y - line.y) <= WRAP_DISTANCE * line.size,
			)
			.sort((a, b) => Math.abs(a.y - line.y) - Math.abs(b.y - line.y));
		for (const target of targets) {
			const homes = line.cells.map((c) =>
				target.cells.find((t) => !isNumeric(t) && overlaps(c, t)),
			);
			if (homes.some((h) => h === undefined)) continue;
			const above = line.y > target.y;
			line.cells.forEach((c, j) => {
				const map = above ? prefix : suffix;
				const list = map.get(homes[j]!) ?? [];
				if (above) list.unshift(c.text);
				else list.push(c.text);
				map.set(homes[j]!, list);
			});
			gone.add(line);
			break;
		}
	});
	// Several wrapped lines above a row join in reading order (the nearest comes last).
	for (const [cell, parts] of prefix) cell.text = joinParts([...parts.reverse(), cell.text]);
	for (const [cell, parts] of suffix) cell.text = joinParts([cell.text, ...parts]);
	return lines.filter((l) => !gone.has(l));
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
