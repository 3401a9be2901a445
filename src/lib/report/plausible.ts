/**
 * Counts no report can plausibly print. 10 million decisions or applications in one year is
 * beyond any single office (the busiest national bodies report six-figure counts), so a larger
 * count is almost surely glued cells or a stray identifier: kept as printed, but flagged for the
 * curator. Money columns (万元, 元) are amounts, not counts, and are not bounded.
 */
import type { CellProvenance } from '../model/record.ts';

export const PLAUSIBLE_MAX = 10_000_000;
const MONEY = /\.(?:amountWan|totalAmount)$/;

export interface ImplausibleCount {
	path: string;
	raw: string;
	line: number;
	col: number;
}

/** Cells read from the text (status ok) whose count exceeds PLAUSIBLE_MAX, in path order. */
export function implausibleCounts(cells: Record<string, CellProvenance>): ImplausibleCount[] {
	const out: ImplausibleCount[] = [];
	for (const [path, c] of Object.entries(cells)) {
		if (c.status !== 'ok' || c.raw === null || c.line === null || c.col === null) continue;
		if (MONEY.test(path)) continue;
		const digits = c.raw.normalize('NFKC').replace(/[^\d.]/g, '');
		if (Number(digits) > PLAUSIBLE_MAX)
			out.push({ path, raw: c.raw.trim(), line: c.line, col: c.col });
	}
	return out;
}
