/**
 * The Table 2 step of parseReport: tokens of the 主动公开 section → the 2021 and/or 2019 Table 2
 * with every cell's provenance, the numbers left out and the problems found. Testable on its own.
 */
import type { SourceLines } from './source.ts';
import { readTable2, type Table2Format } from './table2.ts';
import { slotsOf, TableBuilder, type TableStepResult } from './table-builder.ts';
import type { Token } from './tokens.ts';
import type { Table2, Table2v2019 } from '../model/record.ts';
import { TABLE2_ROWS, TABLE2V2019_ROWS } from '../model/vocabulary.ts';

export interface Table2Tables {
	table2: Table2 | null;
	table2v2019: Table2v2019 | null;
}

/** `src` is only read for the printed text after the fee and procurement amounts. */
export function readTable2Step(
	tokens: Token[],
	format: Table2Format,
	src: Pick<SourceLines, 'raw' | 'norm'>,
): TableStepResult<Table2Tables> {
	const b = new TableBuilder('table2');
	const read = readTable2(tokens, format);
	for (const o of read.orphans) b.unassign(o, '在表二任何行标签之前的数');
	for (const u of read.unknown) b.unassign(u.token, u.reason);
	if (read.unlabelledRegulations)
		b.problem({
			scope: 'table2.regulations',
			message: '“规章”行没有行标签，按位置取表头后的数',
			line: read.rows[0]?.line ?? null,
			severity: 'warning',
		});
	const table2 = read.rows.some((r) => r.format === '2021') ? emptyTable2(b) : null;
	const table2v2019 = read.rows.some((r) => r.format === '2019') ? emptyTable2v2019(b) : null;
	for (const row of read.rows) {
		const target = (row.format === '2021' ? table2 : table2v2019) as unknown as Record<
			string,
			Record<string, number | string | null>
		>;
		const prefix = row.format === '2021' ? 'table2' : 'table2v2019';
		b.placeRow(row.fitted, slotsOf(prefix, row.key, row.columns), target, row.line);
		const canonical = (row.format === '2021' ? TABLE2_ROWS : TABLE2V2019_ROWS)[row.key as 'penalty']
			.label;
		b.noteVariant(`${prefix}.${row.key}`, row.labelRaw, canonical, row.line);
	}
	if (table2) {
		// The amount as a decimal string (ASCII digits), keeping printed trailing zeros such as "0.0000".
		const fee = b.cells['table2.fees.amountWan'];
		table2.fees.amountRaw = fee?.line
			? (src.norm[fee.line - 1]!.slice(fee.col! - 1).match(/\d+(?:\.\d+)?/)?.[0] ?? null)
			: null;
	}
	if (table2v2019) {
		table2v2019.extraRows = read.extraRows.map((r) => ({
			label: r.label,
			values: r.values.map((t) => t.value ?? null),
			line: r.line,
		}));
		const amount = b.cells['table2v2019.procurement.totalAmount'];
		if (amount?.line)
			table2v2019.procurement.totalAmountUnitRaw =
				/^\s*(万元|元)/.exec(
					src.raw[amount.line - 1]!.slice((amount.col ?? 1) - 1 + (amount.raw?.length ?? 0)),
				)?.[1] ?? null;
	}
	return b.result({ table2, table2v2019 });
}

function emptyTable2(b: TableBuilder): Table2 {
	for (const [row, def] of Object.entries(TABLE2_ROWS))
		b.expectRow(slotsOf('table2', row, def.columns));
	return {
		regulations: { issued: null, repealed: null, inForce: null },
		normativeDocuments: { issued: null, repealed: null, inForce: null },
		licensing: { decisions: null },
		penalty: { decisions: null },
		coercion: { decisions: null },
		fees: { amountWan: null, amountRaw: null },
	};
}

function emptyTable2v2019(b: TableBuilder): Table2v2019 {
	for (const [row, def] of Object.entries(TABLE2V2019_ROWS))
		b.expectRow(slotsOf('table2v2019', row, def.columns));
	const docs = () => ({ newlyMade: null, newlyPublished: null, totalPublished: null });
	const items = () => ({ priorYearItems: null, netChange: null, decisions: null });
	return {
		regulations: docs(),
		normativeDocuments: docs(),
		licensing: items(),
		otherExternalServices: items(),
		penalty: items(),
		coercion: items(),
		fees: { priorYearItems: null, netChange: null },
		procurement: { projects: null, totalAmount: null, totalAmountUnitRaw: null },
		extraRows: [],
	};
}
