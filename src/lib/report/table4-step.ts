/**
 * The Table 4 step of parseReport: tokens of the 行政复议、行政诉讼 section → Table 4 (3 groups
 * × 5 columns) with every cell's provenance; a printed header without numbers is an empty table.
 */
import type { TextEnd } from './rows.ts';
import { readTable4 } from './table4.ts';
import { slotsOf, TableBuilder, type TableStepResult } from './table-builder.ts';
import type { Token } from './tokens.ts';
import type { Table4 } from '../model/record.ts';
import { TABLE4_COLUMNS, TABLE4_GROUPS } from '../model/vocabulary.ts';

const TABLE4_SLOTS = TABLE4_GROUPS.flatMap((g) => slotsOf('table4', g, TABLE4_COLUMNS));

export function readTable4Step(
	tokens: Token[],
	textEnd: TextEnd | null = null,
): TableStepResult<Table4 | null> {
	const b = new TableBuilder('table4');
	const fitted = readTable4(tokens, textEnd);
	const hasHeader = tokens.some((t) => t.kind === 'text' && /行政复议|结果维持/.test(t.text));
	if (!fitted && !hasHeader) return b.result(null);
	b.expectRow(TABLE4_SLOTS);
	const table4 = Object.fromEntries(
		TABLE4_GROUPS.map((g) => [g, Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, null]))]),
	) as unknown as Table4;
	if (fitted)
		b.placeRow(
			fitted,
			TABLE4_SLOTS,
			table4 as unknown as Record<string, Record<string, number | null>>,
		);
	return b.result(table4);
}
