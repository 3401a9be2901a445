/**
 * Human names for cell paths (`table3.newReceived.total`) and the short provenance
 * note a number shows on hover and focus: the line it was read from and the text printed there.
 */
import { cellAddress, type CellPath } from '../model/cells.ts';
import type { CellProvenance } from '../model/record.ts';
import {
	TABLE2_COLUMN_LABELS,
	TABLE2_ROWS,
	TABLE2V2019_ROWS,
	TABLE3_COLUMN_LABELS,
	TABLE3_ROW_INFO,
	TABLE4_COLUMN_LABELS,
	TABLE4_GROUP_LABELS,
} from '../model/vocabulary.ts';

/** Table 2 column labels; the 2019 form prints 处理决定数量 without 本年. */
export function table2ColumnLabel(table: 'table2' | 'table2v2019', column: string): string {
	if (table === 'table2v2019' && column === 'decisions') return '处理决定数量';
	return TABLE2_COLUMN_LABELS[column] ?? column;
}

export interface CellName {
	table: string;
	row: string;
	column: string;
}

/** The printed labels of a cell's table, row and column. */
export function cellName(path: CellPath): CellName {
	const a = cellAddress(path);
	switch (a.table) {
		case 'table2':
			return {
				table: '表二',
				row: TABLE2_ROWS[a.row].label,
				column: table2ColumnLabel(a.table, a.column),
			};
		case 'table2v2019':
			return {
				table: '表二（2019 年格式）',
				row: TABLE2V2019_ROWS[a.row].label,
				column: table2ColumnLabel(a.table, a.column),
			};
		case 'table3':
			return {
				table: '表三',
				row: TABLE3_ROW_INFO[a.row].label,
				column: TABLE3_COLUMN_LABELS[a.column],
			};
		case 'table4':
			return {
				table: '表四',
				row: TABLE4_GROUP_LABELS[a.row],
				column: TABLE4_COLUMN_LABELS[a.column],
			};
	}
}

/** Show the printed text without its invisible padding, so the note says what a reader would see. */
function visible(raw: string): string {
	const trimmed = raw.replace(/[\s\u00a0\u3000\u2002]+/g, ' ').trim();
	return trimmed === '' ? '空白' : `“${trimmed}”`;
}

/**
 * One-line note: 第 47 行：“16”; or why there is no number. Given the `value` read from it, a cell
 * printed as that number (padding aside, which the quote drops anyway) gets only its line
 * (第 47 行): the quote would repeat the number shown beside it, on each of ~200 cells of a
 * report page (issue 12 item 5).
 */
export function provenanceNote(prov: CellProvenance | undefined, value?: number | null): string {
	if (!prov) return '无出处记录';
	const where = prov.line === null ? '原文中未找到' : `第 ${prov.line} 行`;
	switch (prov.status) {
		case 'ok':
			return prov.raw === null || (value != null && visible(prov.raw) === `“${value}”`)
				? where
				: `${where}：${visible(prov.raw)}`;
		case 'marker':
			return `${where}：${visible(prov.raw ?? '')}，表示“无”，按 0 计`;
		case 'inferred':
			return `${where}：原文${prov.raw ? visible(prov.raw) : '空白'}，按规则${prov.rule ? ` ${prov.rule} ` : ''}推定`;
		case 'blank':
			return `${where}：单元格为空，未填报`;
		case 'missing':
			return `${where}：单元格缺失，未填报`;
		case 'n/a':
			return '本格式无此项';
	}
}
