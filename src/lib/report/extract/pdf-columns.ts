/**
 * Empty cells in a PDF table: an empty cell prints no glyph, so a row read from glyph positions
 * is one cell short and its later numbers would slide left into the wrong columns. The columns
 * of a wide table are where its numbers stand on many rows: numbers whose x ranges overlap are
 * one column. A row missing a column gets an explicit empty cell there (`␀`, U+2400, the mark
 * the tokenizer reads as a cell printed empty), so the parser reads a blank (`null`) in the
 * right column, never a shifted or invented value. A row whose columns no other row shows
 * (Table 4's single row) takes them from its header cells (pdf-header-columns.ts).
 */
import { EMPTY_CELL_MARK } from './grid.ts';
import { headerColumns, placeNumbers, type ColumnSpan } from './pdf-header-columns.ts';
import type { PdfCell, PdfLine } from './pdf-line.ts';

export { EMPTY_CELL_MARK };

/** Fewer number columns than this is a narrow table (Table 2's blocks): left as printed. */
const MIN_COLUMNS = 5;
/** A column is believed when numbers stand in it on at least this many rows. */
const MIN_ROWS_PER_COLUMN = 2;
/** Numbers this share of a font size apart still overlap (centring moves narrow numbers). */
const OVERLAP_SLACK = 0.15;

interface Column {
	x0: number;
	x1: number;
	lines: Set<PdfLine>;
}

/** The lines with an explicit empty cell in every column a row of a wide table leaves empty. */
export function fillEmptyColumns(lines: PdfLine[], isNumeric: (c: PdfCell) => boolean): PdfLine[] {
	const out = [...lines];
	for (const block of tableBlocks(lines)) {
		const columns = numberColumns(block, isNumeric);
		block.forEach((line, i) => {
			const numbers = line.cells.filter(isNumeric);
			if (numbers.length === 0) return;
			let empty: ColumnSpan[];
			if (columns) {
				if (numbers.length >= columns.length) return;
				empty = columns.filter((col) => !numbers.some((c) => inColumn(c, col, line.size)));
			} else empty = emptyHeaderColumns(block, i, numbers, isNumeric);
			const blanks: PdfCell[] = empty.map((col) => ({
				text: EMPTY_CELL_MARK,
				x0: col.x0,
				x1: col.x1,
				y: line.y,
			}));
			const cells = [...line.cells, ...blanks].sort((a, b) => a.x0 - b.x0);
			out[out.indexOf(line)] = { ...line, cells };
		});
	}
	return out;
}

/**
 * The columns a row leaves empty by its header: the header lines right above it (lines of the
 * block without numbers) give the columns; none when they give fewer than a wide table's or the
 * row's numbers do not stand one under each.
 */
function emptyHeaderColumns(
	block: PdfLine[],
	index: number,
	numbers: PdfCell[],
	isNumeric: (c: PdfCell) => boolean,
): ColumnSpan[] {
	let start = index;
	while (start > 0 && !block[start - 1]!.cells.some(isNumeric)) start--;
	const line = block[index]!;
	const columns = headerColumns(block.slice(start, index), line, isNumeric);
	if (!columns || columns.length < MIN_COLUMNS) return [];
	const placed = placeNumbers(numbers, columns, line.size);
	return placed ? columns.filter((_, i) => !placed.includes(i)) : [];
}

/** Runs of consecutive lines that are table rows (two or more cells). */
function tableBlocks(lines: PdfLine[]): PdfLine[][] {
	const blocks: PdfLine[][] = [];
	let run: PdfLine[] = [];
	for (const line of lines) {
		if (line.cells.length >= 2) run.push(line);
		else if (run.length > 0) {
			blocks.push(run);
			run = [];
		}
	}
	if (run.length > 0) blocks.push(run);
	return blocks;
}

const inColumn = (c: PdfCell, col: Column, size: number) =>
	c.x0 <= col.x1 + OVERLAP_SLACK * size && c.x1 >= col.x0 - OVERLAP_SLACK * size;

/**
 * The number columns of a block, left to right, or null when the block is no wide table or its
 * numbers do not stand in clean columns (two numbers of one row in one column, a column seen on
 * one row only): then nothing is filled.
 */
function numberColumns(block: PdfLine[], isNumeric: (c: PdfCell) => boolean): Column[] | null {
	const cells = block
		.flatMap((line) => line.cells.filter(isNumeric).map((cell) => ({ line, cell })))
		.sort((a, b) => a.cell.x0 - b.cell.x0);
	const columns: Column[] = [];
	for (const { line, cell } of cells) {
		const col = columns.at(-1);
		if (col && inColumn(cell, col, line.size)) {
			if (col.lines.has(line)) return null;
			col.x1 = Math.max(col.x1, cell.x1);
			col.lines.add(line);
		} else columns.push({ x0: cell.x0, x1: cell.x1, lines: new Set([line]) });
	}
	if (columns.length < MIN_COLUMNS) return null;
	if (columns.some((col) => col.lines.size < MIN_ROWS_PER_COLUMN)) return null;
	return columns;
}
