/**
 * Bare `|` lines in one-cell-per-line tables, as crawlers leave them (PHENOMENA.md): what a bar
 * line means depends on how the table's cell lines use bars.
 *
 * Rows opened by a bar. Some crawlers print a table row as a line holding only `| ` (the row's opening bar), then each
 * cell on a line of its own closed by `|`, the row's missing cells as bars after its last cell
 * (`| `, ` 规章  | `, ` 0  | `, … ` 0  | ||`). There a bare `|` at the start of a line opens a
 * row and is no cell, while a cell that is empty is a line of spaces closed by `|`. Told apart
 * from one-cell-per-line text whose empty cells are bare `|` lines by the padding: a cell line
 * followed by more bars, then a bare `|` opening the next row.
 */

/** A bare bar at the start of a line: a row's opening bar in this layout. */
export const ROW_OPENER = /^\|\s*$/;
/** A cell line closed by `|` and padded with more bars: the last cell of a row. */
const PADDED_CELL = /^[^|]*\S[^|]*\|\s*\|+\s*$/;
/** A cell line closed by one `|`, or by `|` and padding bars. */
const CLOSED_CELL = /^[^|]*\S[^|]*\|[\s|]*$/;
/** An empty cell in this layout: spaces closed by `|` (indented, unlike a row opener). */
const EMPTY_CELL = /^\s+\|\s*$/;
/** Rows the pattern must show before the bars are read as row openers. */
const MIN_ROWS = 3;

/**
 * Whether the lines are rows opened by a bare `|`: every bare `|` at a line start sits between
 * two cell lines closed by `|` (or starts the table), never next to another bare bar, and at
 * least MIN_ROWS padded last cells are followed by such an opener.
 */
export function rowsOpenedByBar(lines: string[]): boolean {
	const content = lines.filter((l) => l.trim() !== '');
	let padded = 0;
	let openers = 0;
	for (let i = 0; i < content.length; i++) {
		const line = content[i]!;
		if (!ROW_OPENER.test(line)) continue;
		const before = content[i - 1];
		const after = content[i + 1];
		if (after === undefined || !(CLOSED_CELL.test(after) || EMPTY_CELL.test(after))) return false;
		if (before !== undefined && !CLOSED_CELL.test(before)) {
			// A bare bar after a heading or prose line only starts a table.
			if (/^\s*\|/.test(before) || /\|\s*$/.test(before)) return false;
		}
		openers++;
		if (before !== undefined && PADDED_CELL.test(before)) padded++;
	}
	return openers >= MIN_ROWS && padded >= MIN_ROWS;
}

/** A cell line closed by a space and `|`, maybe padded with more bars (` 0  | ||`, `规章 |`). */
const SPACE_CLOSED = /\S\s+\|[\s|]*$/;
/** Of the closed cell lines, the share that must close with ` |` to read the bars by their indent. */
const SPACED_SHARE = 0.8;

/**
 * Whether the cell lines close with ` |` (space before the bar): then an empty cell is a line
 * of spaces closed by `|` (`   | `, ` |`), and bars at the start of a line (`|`, `||`, `| `) are
 * padding or a row opener, no cell. Where cells close with a bare `|` (`6|`), a bare `|` line
 * is an empty cell.
 */
export function cellsCloseWithSpace(lines: string[]): boolean {
	let closed = 0;
	let spaced = 0;
	for (const line of lines) {
		if (!CLOSED_CELL.test(line)) continue;
		closed++;
		if (SPACE_CLOSED.test(line)) spaced++;
	}
	return closed >= 4 && spaced >= closed * SPACED_SHARE;
}

/** In a table whose cells close with ` |`: an indented bar is an empty cell, padding may follow. */
export const INDENTED_EMPTY_CELL = /^\s+\|[\s|]*$/;
/** In a table whose cells close with ` |`: bars from the start of the line, no cell. */
export const BARS_ONLY = /^\|+\s*$/;

/**
 * Where bare `|` lines separate the cells (each cell line followed by a `|` line), an empty line
 * between two separators is an empty cell: the converter printed its text, which was nothing.
 */
export function emptyCellBetweenBars(lines: string[], at: number): boolean {
	const bar = (l: string | undefined) => l !== undefined && l.trim() === '|';
	return lines[at]!.trim() === '' && bar(lines[at - 1]) && bar(lines[at + 1]);
}
