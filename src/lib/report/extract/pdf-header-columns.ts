/**
 * The columns of a PDF table row that no other row of numbers shares (Table 4: one row of
 * fifteen numbers under two-level spanning headers), read from its header cells: a header cell
 * that stands over header cells of two or more columns on lower lines (on one line or, where the
 * names below it are printed at different heights, on several) spans them and is no column; the
 * others are the leaf headers, one column each (a header wrapped over several lines is one
 * cell by then). Numbers are placed in the leaf column their glyphs overlap, so an empty cell,
 * which prints no glyph, is found where a column has no number under it.
 */
import type { PdfCell, PdfLine } from './pdf-line.ts';

export interface ColumnSpan {
	x0: number;
	x1: number;
}

/** Numbers this share of a font size apart still overlap (centring moves narrow numbers). */
const OVERLAP_SLACK = 0.15;

const overlapsSpan = (c: ColumnSpan, col: ColumnSpan, slack: number) =>
	c.x0 <= col.x1 + slack && c.x1 >= col.x0 - slack;

/**
 * The leaf header columns over `row`, left to right, that lie right of its label cells; null
 * when the header lines give no clean columns (two leaves of one line in one column).
 */
export function headerColumns(
	headers: PdfLine[],
	row: PdfLine,
	isNumeric: (c: PdfCell) => boolean,
): ColumnSpan[] | null {
	const leaves: { cell: PdfCell; line: number }[] = [];
	headers.forEach((line, i) => {
		for (const cell of line.cells) {
			if (isNumeric(cell)) continue;
			const lower = headers
				.slice(i + 1)
				.map((l) => l.cells.filter((c) => !isNumeric(c) && overlapsSpan(c, cell, 0)));
			// Two columns under it on one line, or on several lines taken together (where a
			// spanning name below it covers both, the one line says so).
			const spans = lower.some((cells) => cells.length >= 2) || distinctColumns(lower.flat()) >= 2;
			if (!spans) leaves.push({ cell, line: i });
		}
	});
	leaves.sort((a, b) => a.cell.x0 - b.cell.x0);
	const columns: (ColumnSpan & { lines: Set<number> })[] = [];
	for (const { cell, line } of leaves) {
		const col = columns.at(-1);
		if (col && overlapsSpan(cell, col, 0)) {
			if (col.lines.has(line)) return null;
			col.x1 = Math.max(col.x1, cell.x1);
			col.lines.add(line);
		} else columns.push({ x0: cell.x0, x1: cell.x1, lines: new Set([line]) });
	}
	const labelEnd = Math.max(-Infinity, ...row.cells.filter((c) => !isNumeric(c)).map((c) => c.x1));
	return columns.filter((col) => col.x0 > labelEnd).map(({ x0, x1 }) => ({ x0, x1 }));
}

/** How many columns some cells stand in: cells whose x ranges overlap are one column. */
function distinctColumns(cells: PdfCell[]): number {
	let count = 0;
	let end = -Infinity;
	for (const c of [...cells].sort((a, b) => a.x0 - b.x0)) {
		if (c.x0 > end) count++;
		end = Math.max(end, c.x1);
	}
	return count;
}

/**
 * The column each number of `row` stands in (an index into `columns`), or null when a number
 * overlaps two columns or stands in none, or two numbers share one: then the row is left as
 * printed. A number that overlaps no column's name (aligned to a side of a wide cell) stands in
 * the column whose cell holds its centre: the cells meet halfway between neighbouring names.
 */
export function placeNumbers(
	numbers: PdfCell[],
	columns: ColumnSpan[],
	size: number,
): number[] | null {
	const cells = columnCells(columns);
	const placed: number[] = [];
	for (const n of numbers) {
		let hits = columns.flatMap((col, i) => (overlapsSpan(n, col, OVERLAP_SLACK * size) ? [i] : []));
		if (hits.length === 0) {
			const centre = (n.x0 + n.x1) / 2;
			hits = cells.flatMap((cell, i) => (centre >= cell.x0 && centre < cell.x1 ? [i] : []));
		}
		if (hits.length !== 1 || (placed.length > 0 && hits[0]! <= placed.at(-1)!)) return null;
		placed.push(hits[0]!);
	}
	return placed;
}

/** Each column's cell: from halfway to its left neighbour's name to halfway to its right one's. */
function columnCells(columns: ColumnSpan[]): ColumnSpan[] {
	const mid = (i: number) => (columns[i]!.x1 + columns[i + 1]!.x0) / 2;
	const last = columns.length - 1;
	return columns.map((col, i) => ({
		x0: i > 0 ? mid(i - 1) : last > 0 ? col.x0 - (mid(0) - col.x1) : col.x0,
		x1: i < last ? mid(i) : last > 0 ? col.x1 + (col.x0 - mid(last - 1)) : col.x1,
	}));
}
