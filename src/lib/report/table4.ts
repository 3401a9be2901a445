/**
 * Table 4 (行政复议、行政诉讼): no row labels, three header rows, then 15 numbers. The
 * numbers after the header are fitted to 3 groups × 5 columns, each group closed by its total.
 */
import { fitRow, groupedSumRule, type FittedRow } from './rows.ts';
import type { Token } from './tokens.ts';

const H4 = groupedSumRule('H4', 5);

export function readTable4(tokens: Token[]): FittedRow | null {
	const firstNumber = tokens.findIndex((t) => t.kind === 'num');
	if (firstNumber === -1) return null;
	const cells = tokens.slice(firstNumber).filter((t) => t.kind !== 'text');
	return fitRow(cells, 15, H4, '表四');
}
