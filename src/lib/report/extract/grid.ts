/**
 * A table's rows as a rectangular grid with `rowspan`/`colspan` resolved, and that grid as the
 * pipe rows the parser reads (`| a | b |`). A merged cell's text stands at its origin and the
 * slots it covers are empty, the same layout as a Markdown conversion of the table, so
 * HTML, Word and PDF tables all reach the table readers in one form.
 */
import { EMPTY_CELL_MARK } from '../../model/vocabulary.ts';

export interface GridCell {
	text: string;
	colspan: number;
	rowspan: number;
}

/**
 * A cell printed empty (an empty <td>, Word's `&nbsp;` cell, a PDF column with no glyph), as
 * written in the derived text: the tokenizer reads it as a blank cell of its row, while a slot
 * a merged cell covers stays '' (padding).
 */
export { EMPTY_CELL_MARK };

/** Spans beyond these are markup errors (`colspan="1000"`); they are clamped, not trusted. */
const MAX_COLSPAN = 64;

/** Slots of the expanded grid: the origin cell's text, or '' where a span covers the slot. */
export function resolveSpans(rows: GridCell[][]): string[][] {
	const out: (string | undefined)[][] = rows.map(() => []);
	rows.forEach((cells, r) => {
		let c = 0;
		for (const cell of cells) {
			while (out[r]![c] !== undefined) c++;
			const colspan = Math.min(Math.max(1, cell.colspan || 1), MAX_COLSPAN);
			// rowspan="0" runs to the end of the table (HTML); larger spans stop there too.
			const rowspan = cell.rowspan <= 0 ? rows.length - r : Math.min(cell.rowspan, rows.length - r);
			for (let dr = 0; dr < rowspan; dr++)
				for (let dc = 0; dc < colspan; dc++)
					out[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell.text : '';
			c += colspan;
		}
	});
	const width = Math.max(0, ...out.map((row) => row.length));
	return out.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** One pipe row; a `|` inside a cell becomes a full-width `｜` so it cannot split the cell. */
export function pipeRow(texts: string[]): string {
	return `|${texts.map((t) => (t === '' ? ' ' : ` ${t.replaceAll('|', '｜')} `)).join('|')}|`;
}

/** The grid as Markdown table lines: the first row, a `|---|` separator, then the rest. */
export function gridToPipeLines(grid: string[][]): string[] {
	if (grid.length === 0) return [];
	const width = grid[0]!.length;
	return [pipeRow(grid[0]!), `|${'---|'.repeat(width)}`, ...grid.slice(1).map(pipeRow)];
}
