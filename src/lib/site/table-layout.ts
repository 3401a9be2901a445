/**
 * The official printed layouts of Tables 2 and 3 as rows of cells with their merges,
 * computed from the vocabulary so the components only draw. FORMAT.md §3–§4.
 */
import { rowCellPaths, type CellPath } from '../model/cells.ts';
import {
	TABLE2_ROWS,
	TABLE2V2019_ROWS,
	TABLE3_ROW_INFO,
	table3RowsInGroup,
	TABLE3_OTHER_SUBROWS,
	type Table3Row,
} from '../model/vocabulary.ts';

type RowDefinitions = Record<
	string,
	{ label: string; caption: string; columns: readonly string[] }
>;

export interface Table2Block {
	/** 第二十条第（一）项 … */
	caption: string;
	/** Value column keys of the block's header row. */
	columns: string[];
	/** Each row with the paths of its cells, one per column. */
	rows: { key: string; label: string; paths: CellPath[] }[];
}

/** Table 2 has three value columns; a block with fewer stretches its last one, as the official form does. */
export const TABLE2_VALUE_COLUMNS = 3;

export function table2Blocks(version: '2021' | '2019'): Table2Block[] {
	const definitions: RowDefinitions = version === '2021' ? TABLE2_ROWS : TABLE2V2019_ROWS;
	const table = version === '2021' ? 'table2' : 'table2v2019';
	const blocks: Table2Block[] = [];
	for (const [key, def] of Object.entries(definitions)) {
		let block = blocks.find((b) => b.caption === def.caption);
		if (!block) {
			block = { caption: def.caption, columns: [...def.columns], rows: [] };
			blocks.push(block);
		}
		block.rows.push({ key, label: def.label, paths: rowCellPaths(table, key) });
	}
	return blocks;
}

/** colspan of value column i (0-based) in a block with n columns. */
export const table2Colspan = (i: number, n: number) =>
	i === n - 1 ? TABLE2_VALUE_COLUMNS - n + 1 : 1;

/** One label cell of Table 3's three label columns. */
export interface LabelCell {
	text: string;
	rowspan: number;
	colspan: number;
	/** A merged group caption (三、本年度办理结果, （三）不予公开 …) rather than the row's own label. */
	group: boolean;
}

export interface Table3LayoutRow {
	key: Table3Row;
	/** The row's seven cells, in TABLE3_COLUMNS order. */
	paths: CellPath[];
	/** Label cells that start on this row, left to right. */
	labels: LabelCell[];
}

const SUBGROUPS = (['（三）不予公开', '（四）无法提供', '（五）不予处理'] as const).map(
	(caption) => ({ caption, rows: table3RowsInGroup(caption) }),
);

const label = (text: string, rowspan = 1, colspan = 1, group = false): LabelCell => ({
	text,
	rowspan,
	colspan,
	group,
});

/**
 * Table 3 in print order with its merged label cells. The 2019 format has one （六）其他处理 row;
 * the 2021 format splits it into three.
 */
export function table3Layout(version: '2021' | '2019'): Table3LayoutRow[] {
	const other: { caption: string; rows: Table3Row[] } | null =
		version === '2021' ? { caption: '（六）其他处理', rows: [...TABLE3_OTHER_SUBROWS] } : null;
	const resultRows: Omit<Table3LayoutRow, 'paths'>[] = [
		{ key: 'granted', labels: [label(TABLE3_ROW_INFO.granted.label, 1, 2)] },
		{ key: 'partiallyGranted', labels: [label(TABLE3_ROW_INFO.partiallyGranted.label, 1, 2)] },
	];
	for (const group of other ? [...SUBGROUPS, other] : SUBGROUPS) {
		group.rows.forEach((key, i) => {
			const labels = i === 0 ? [label(group.caption, group.rows.length, 1, true)] : [];
			resultRows.push({ key, labels: [...labels, label(TABLE3_ROW_INFO[key].label)] });
		});
	}
	if (!other)
		resultRows.push({
			key: 'otherCombined',
			labels: [label(TABLE3_ROW_INFO.otherCombined.label, 1, 2)],
		});
	resultRows.push({
		key: 'resultsTotal',
		labels: [label(TABLE3_ROW_INFO.resultsTotal.label, 1, 2)],
	});
	resultRows[0]!.labels.unshift(label('三、本年度办理结果', resultRows.length, 1, true));

	const rows: Omit<Table3LayoutRow, 'paths'>[] = [
		{ key: 'newReceived', labels: [label(TABLE3_ROW_INFO.newReceived.label, 1, 3)] },
		{ key: 'carriedOver', labels: [label(TABLE3_ROW_INFO.carriedOver.label, 1, 3)] },
		...resultRows,
		{ key: 'carriedForward', labels: [label(TABLE3_ROW_INFO.carriedForward.label, 1, 3)] },
	];
	return rows.map((row) => ({ ...row, paths: rowCellPaths('table3', row.key) }));
}
