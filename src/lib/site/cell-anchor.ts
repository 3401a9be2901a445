/**
 * The id a table cell carries on its report page, so a sentence elsewhere can link to the very
 * number it quotes. Short, because a report page has ~200 of them (issue 12 item 5), and stable,
 * because links into cells are public URLs: the table's number, the row's canonical record key,
 * and the column as the national form prints it — its position (1–7, 1–5) in Tables 3 and 4,
 * whose columns are fixed, and its record key in Table 2, whose blocks have different columns.
 * table3.newReceived.total → t3-newReceived-7; table2v2019.penalty.decisions → t2a-penalty-decisions.
 */
import { cellAddress, type CellPath } from '../model/cells.ts';
import type { ReportRecord } from '../model/record.ts';
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../model/vocabulary.ts';
import { METRICS, type MetricKey } from './key-figures.ts';
import { metricCells } from './metric-cells.ts';

const TABLE_PREFIX = { table2: 't2', table2v2019: 't2a', table3: 't3', table4: 't4' } as const;

export function cellAnchor(path: string): string {
	const a = cellAddress(path as CellPath) as ReturnType<typeof cellAddress> | undefined;
	if (!a) return legacyCellAnchor(path);
	const column =
		a.table === 'table3'
			? TABLE3_COLUMNS.indexOf(a.column) + 1
			: a.table === 'table4'
				? TABLE4_COLUMNS.indexOf(a.column) + 1
				: a.column;
	return `${TABLE_PREFIX[a.table]}-${a.row}-${column}`;
}

/** The id the site gave cells until 2026-11: table3.newReceived.total → cell-table3-newReceived-total. */
export const legacyCellAnchor = (path: string) => `cell-${path.replaceAll('.', '-')}`;

/**
 * The cells the site's own pages linked to under the old ids: the first cell of each key figure
 * (the sentences of 要点 link there) and Table 4's corrected reconsiderations. Only these can be in
 * links out in the world (no page offered any other cell's link), so only these keep the old id.
 */
export function legacyLinkedCells(record: ReportRecord): Set<string> {
	const first = (Object.keys(METRICS) as MetricKey[]).flatMap(
		(key) => metricCells(key, record).slice(0, 1) as string[],
	);
	return new Set([...first, 'table4.reconsideration.corrected']);
}
