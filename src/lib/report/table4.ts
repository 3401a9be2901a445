/**
 * Table 4 (行政复议、行政诉讼): no row labels, three header rows, then 15 numbers. The
 * numbers after the header are fitted to 3 groups × 5 columns, each group closed by its total.
 */
import { fitCutRow, fitRow, groupedSumRule, type FittedRow, type TextEnd } from './rows.ts';
import type { Token } from './tokens.ts';

const H4 = groupedSumRule('H4', 5);

/** `textEnd` is set when the text stops inside Table 4: its numbers are then read, never inferred. */
export function readTable4(tokens: Token[], textEnd: TextEnd | null = null): FittedRow | null {
	const firstNumber = tokens.findIndex((t) => t.kind === 'num');
	if (firstNumber === -1) return null;
	// Blanks right before the first number may be the row's own empty first cells (trimBlanks
	// keeps those marked empty on its line and drops padding).
	let start = firstNumber;
	while (start > 0 && tokens[start - 1]!.kind === 'blank') start--;
	const cells = tokens.slice(start).filter((t) => t.kind !== 'text');
	return textEnd ? fitCutRow(cells, 15, H4, '表四') : fitRow(cells, 15, H4, '表四');
}
