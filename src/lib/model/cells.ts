/**
 * A table cell as one thing: its path (`table3.granted.total`), its value and its provenance.
 * The record keeps values in the tables and provenance in `cells` (both public keys); every page,
 * download and check reads a cell through `cellAt`, so the two halves are joined in one place and
 * no caller builds or splits a path string by hand.
 */
import type { CellProvenance, ReportRecord } from './record.ts';
import {
	TABLE2_ROWS,
	TABLE2V2019_ROWS,
	TABLE3_COLUMNS,
	TABLE3_ROWS,
	TABLE4_COLUMNS,
	TABLE4_GROUPS,
	type Table2Row,
	type Table2v2019Row,
	type Table3Column,
	type Table3Row,
	type Table4Column,
	type Table4Group,
} from './vocabulary.ts';

type Table2Rows = typeof TABLE2_ROWS;
type Table2v2019Rows = typeof TABLE2V2019_ROWS;
type PathsOf<T extends string, Rows extends Record<string, { columns: readonly string[] }>> = {
	[R in keyof Rows & string]: `${T}.${R}.${Rows[R]['columns'][number]}`;
}[keyof Rows & string];

export type Table2CellPath = PathsOf<'table2', Table2Rows>;
export type Table2v2019CellPath = PathsOf<'table2v2019', Table2v2019Rows>;
export type Table3CellPath = `table3.${Table3Row}.${Table3Column}`;
export type Table4CellPath = `table4.${Table4Group}.${Table4Column}`;
/** Every numeric cell of Tables 2–4 in both formats. */
export type CellPath = Table2CellPath | Table2v2019CellPath | Table3CellPath | Table4CellPath;

export type CellTable = 'table2' | 'table2v2019' | 'table3' | 'table4';

/** A path split once into the record's keys; `table` tells which keys `row` and `column` are. */
export type CellAddress =
	| { table: 'table2'; row: Table2Row; column: string; path: Table2CellPath }
	| { table: 'table2v2019'; row: Table2v2019Row; column: string; path: Table2v2019CellPath }
	| { table: 'table3'; row: Table3Row; column: Table3Column; path: Table3CellPath }
	| { table: 'table4'; row: Table4Group; column: Table4Column; path: Table4CellPath };

export interface Cell {
	/** The value as read; `null` = the report does not say (or the table is absent). */
	value: number | null;
	/** Where it came from; undefined when the report has no such table. */
	provenance: CellProvenance | undefined;
}

// Object.keys loses the literal key types of the two Table 2 row tables, and TypeScript cannot
// pair each row with only its own columns in a template literal: both are asserted here, once,
// where the paths are made from the vocabulary (tests/unit/model/cells.test.ts checks them).
const TABLE2_KEYS = Object.keys(TABLE2_ROWS) as Table2Row[];
const TABLE2V2019_KEYS = Object.keys(TABLE2V2019_ROWS) as Table2v2019Row[];

/** Every cell address in the record's own order: Table 2 (2021), Table 2 (2019), Table 3, Table 4. */
export const CELL_ADDRESSES: readonly CellAddress[] = [
	...TABLE2_KEYS.flatMap((row) =>
		TABLE2_ROWS[row].columns.map((column): CellAddress => ({
			table: 'table2',
			row,
			column,
			path: `table2.${row}.${column}` as Table2CellPath,
		})),
	),
	...TABLE2V2019_KEYS.flatMap((row) =>
		TABLE2V2019_ROWS[row].columns.map((column): CellAddress => ({
			table: 'table2v2019',
			row,
			column,
			path: `table2v2019.${row}.${column}` as Table2v2019CellPath,
		})),
	),
	...TABLE3_ROWS.flatMap((row) =>
		TABLE3_COLUMNS.map((column): CellAddress => ({
			table: 'table3',
			row,
			column,
			path: `table3.${row}.${column}`,
		})),
	),
	...TABLE4_GROUPS.flatMap((row) =>
		TABLE4_COLUMNS.map((column): CellAddress => ({
			table: 'table4',
			row,
			column,
			path: `table4.${row}.${column}`,
		})),
	),
];

/** Every cell path, in the record's order: the column set of the wide downloads. */
export const CELL_PATHS: readonly CellPath[] = CELL_ADDRESSES.map((a) => a.path);

const BY_PATH = new Map<string, CellAddress>(CELL_ADDRESSES.map((a) => [a.path, a]));

/** Whether a string names a cell; narrows it to a `CellPath`. */
export function isCellPath(path: string): path is CellPath {
	return BY_PATH.has(path);
}

/** The address of a path (table, row and column keys). */
export function cellAddress(path: CellPath): CellAddress {
	return BY_PATH.get(path)!;
}

/** One row of one table as a plain object of its columns, or undefined when absent. */
function rowOf(record: Pick<ReportRecord, CellTable>, a: CellAddress): object | undefined {
	const table: object | null = record[a.table];
	if (!table) return undefined;
	const row: unknown = Reflect.get(table, a.row);
	return row !== null && typeof row === 'object' ? row : undefined;
}

/** The value and provenance of one cell. */
export function cellAt(record: Pick<ReportRecord, CellTable | 'cells'>, path: CellPath): Cell {
	const address = cellAddress(path);
	const row = rowOf(record, address);
	const value: unknown = row ? Reflect.get(row, address.column) : undefined;
	return {
		value: typeof value === 'number' ? value : null,
		provenance: record.cells[path],
	};
}

/**
 * The cells a record actually has: those of the tables it printed, and the single （六） row
 * only when the report printed it. The order is CELL_PATHS's.
 */
export function recordCellPaths(record: Pick<ReportRecord, CellTable>): CellPath[] {
	return CELL_ADDRESSES.filter((a) => rowOf(record, a) !== undefined).map((a) => a.path);
}

/** The paths of one printed row (a Table 3 row, a Table 2 row, a Table 4 group), column by column. */
export function rowCellPaths(table: CellTable, row: string): CellPath[] {
	return CELL_ADDRESSES.filter((a) => a.table === table && a.row === row).map((a) => a.path);
}
