/**
 * A check's scope in Chinese, for checks.csv's 范围名称 column and any page that names it. The
 * record's `scope` is a key for programs (`table3 row granted`, `table2.fees.amountWan`,
 * `structure`) and stays as it is; a reader of the CSV gets the table, row, column or field in
 * the official wording beside it. A scope this does not know is given back unchanged, never
 * dropped.
 */
import { isCellPath } from '../model/cells.ts';
import {
	TABLE2_ROWS,
	TABLE2V2019_ROWS,
	TABLE3_COLUMN_LABELS,
	TABLE3_ROW_INFO,
	TABLE4_GROUP_LABELS,
} from '../model/vocabulary.ts';
import { cellName } from './cells.ts';

const FIELDS: Record<string, string> = {
	cells: '全部单元格',
	structure: '表格结构',
	formatVersion: '表格格式版本',
	'table4 vs table3': '表四与表三',
	'metadata.publicationDate': '发布日期',
	'metadata.statisticsPeriod': '统计期限',
	'metadata.signatureBody': '落款机关',
	'metadata.reportYear': '报告年度',
	'metadata.issuingBody': '发布机关',
};

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> =>
	Object.hasOwn(table, key);

/** A row of a table by its keys: 表三“（一）予以公开”行; undefined when the keys name none. */
function rowName(table: string, row: string): string | undefined {
	if (table === 'table2' && has(TABLE2_ROWS, row)) return `表二“${TABLE2_ROWS[row].label}”行`;
	if (table === 'table2v2019' && has(TABLE2V2019_ROWS, row))
		return `表二（2019 年格式）“${TABLE2V2019_ROWS[row].label}”行`;
	if (table === 'table3' && has(TABLE3_ROW_INFO, row))
		return `表三“${TABLE3_ROW_INFO[row].label}”行`;
	if (table === 'table4' && has(TABLE4_GROUP_LABELS, row))
		return `表四“${TABLE4_GROUP_LABELS[row]}”`;
	return undefined;
}

export function scopeName(scope: string): string {
	const field = Object.hasOwn(FIELDS, scope) ? FIELDS[scope] : undefined;
	if (field !== undefined) return field;
	if (isCellPath(scope)) {
		const n = cellName(scope);
		return `${n.table}“${n.row}”行“${n.column}”列`;
	}
	const column = /^table3 column (\w+)$/.exec(scope)?.[1];
	if (column !== undefined && has(TABLE3_COLUMN_LABELS, column))
		return `表三“${TABLE3_COLUMN_LABELS[column]}”列`;
	// `table3 row granted`, `table4 reconsideration`, `table2.regulations`.
	const m = /^(table[234]\w*)(?: row |\.| )(\w+)$/.exec(scope);
	const row = m ? rowName(m[1]!, m[2]!) : undefined;
	if (row !== undefined) return row;
	// Cross-year checks name a Table 3 column (X1) or a Table 2 row (X2) by its key alone.
	if (has(TABLE3_COLUMN_LABELS, scope)) return `表三“${TABLE3_COLUMN_LABELS[scope]}”列`;
	if (has(TABLE2_ROWS, scope)) return `表二“${TABLE2_ROWS[scope].label}”行`;
	return scope;
}
