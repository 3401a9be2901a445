/**
 * The shapes a PDF page's text is rebuilt into: cells (runs joined on one baseline) and lines.
 * Shared by pdf-rows.ts (which builds them) and pdf-columns.ts (which places empty cells).
 */

export interface PdfCell {
	text: string;
	x0: number;
	x1: number;
	/** The cell's own baseline (a centred cell may sit a little off its line's). */
	y: number;
}

export interface PdfLine {
	page: number;
	y: number;
	size: number;
	cells: PdfCell[];
}
