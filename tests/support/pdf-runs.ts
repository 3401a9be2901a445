/**
 * Synthetic PDF pages for the PDF extraction tests: glyph runs of CJK text at 10 units per
 * character on a 600 × 800 page, so a test states only each run's text and position.
 */
import type { PdfPage, TextRun } from '../../src/lib/report/extract/pdf-rows.ts';

/** The width (and height) of one character. */
export const W = 10;

/** A run of text whose left edge is at x, on the baseline y. */
export const run = (str: string, x: number, y: number): TextRun => ({
	str,
	x,
	y,
	width: str.length * W,
	height: W,
});

/** A page holding these runs. */
export const page = (...runs: TextRun[]): PdfPage => ({ width: 600, height: 800, runs });
