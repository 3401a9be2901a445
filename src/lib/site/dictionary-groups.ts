/**
 * The data dictionary as a reader scans it: reports.csv's 300-odd columns grouped by what they
 * are instead of listed one by one. The report-level columns stay one row each; the table cells
 * become one row per printed row (a Table 3 row, a Table 2 row, a Table 4 group) with its column
 * keys, the column names given once per table; the derived metrics one row per metric, the four
 * parts given once. Built from the same dictionary rows as the files (data-dictionary.ts), and
 * `groupedKeys` expands the groups back, so a test can prove no column is lost or invented.
 */
import { cellAddress, isCellPath, type CellTable } from '../model/cells.ts';
import { cellName } from './cells.ts';
import type { DictionaryRow } from './data-dictionary.ts';
import { DERIVED, DERIVED_KEYS, type DerivedKey } from './derived-metrics.ts';
import { DERIVED_PARTS } from './open-data.ts';

/** One column of a table, named once in the table's header list. */
export interface ColumnName {
	key: string;
	label: string;
}

/** One printed row of a table: its cells are `<table>.<row>.<column>` for each of `columns`. */
export interface CellRowGroup {
	/** `table3.granted`: the common prefix of the row's column keys. */
	prefix: string;
	row: string;
	label: string;
	columns: string[];
	type: string;
}

export interface CellTableGroup {
	table: CellTable;
	title: string;
	columns: ColumnName[];
	rows: CellRowGroup[];
	/** What an empty cell means (the same for every cell of the tables). */
	nullMeans: string;
}

export interface DerivedGroup {
	/** `derived.disclosureRate`. */
	prefix: string;
	metric: DerivedKey;
	label: string;
	formula: string;
}

export interface GroupedReportsDictionary {
	/** Identity, provenance, metadata, checks, similarity: one row per column. */
	reportLevel: DictionaryRow[];
	tables: CellTableGroup[];
	derivedParts: DictionaryRow[];
	derived: DerivedGroup[];
}

const TABLE_TITLES: Record<CellTable, string> = {
	table2: '表二：主动公开政府信息情况（2021 年格式）',
	table2v2019: '表二：主动公开政府信息情况（2019 年试行格式）',
	table3: '表三：收到和处理政府信息公开申请情况',
	table4: '表四：政府信息公开行政复议、行政诉讼情况',
};

const derivedMetricOf = (key: string): DerivedKey | undefined => {
	const m = /^derived\.(\w+)\.\w+$/.exec(key);
	return m && (DERIVED_KEYS as readonly string[]).includes(m[1]!)
		? (m[1] as DerivedKey)
		: undefined;
};

/** Groups reports.csv's dictionary rows (in column order) by table row and by metric. */
export function groupReportsDictionary(rows: readonly DictionaryRow[]): GroupedReportsDictionary {
	const reportLevel: DictionaryRow[] = [];
	const tables = new Map<CellTable, CellTableGroup>();
	const groups = new Map<string, CellRowGroup & { types: Set<string> }>();
	const derived = new Map<DerivedKey, DerivedGroup>();
	const derivedParts: DictionaryRow[] = [];
	let firstMetric: DerivedKey | undefined;
	for (const row of rows) {
		const metric = derivedMetricOf(row.key);
		if (metric) {
			// The parts are the same for every metric: named once, from the first metric's columns.
			firstMetric ??= metric;
			if (metric === firstMetric) {
				const part = row.key.slice(row.key.lastIndexOf('.') + 1);
				const generic = DERIVED_PARTS.find(([key]) => key === part);
				derivedParts.push({
					...row,
					key: part,
					label: generic?.[1] ?? row.label,
					meaning: generic?.[2] ?? row.meaning,
				});
			}
			if (!derived.has(metric))
				derived.set(metric, {
					prefix: `derived.${metric}`,
					metric,
					label: DERIVED[metric].label,
					formula: DERIVED[metric].formula,
				});
			continue;
		}
		if (!isCellPath(row.key)) {
			reportLevel.push(row);
			continue;
		}
		const address = cellAddress(row.key);
		const name = cellName(row.key);
		let table = tables.get(address.table);
		if (!table) {
			table = {
				table: address.table,
				title: TABLE_TITLES[address.table],
				columns: [],
				rows: [],
				nullMeans: row.nullMeans,
			};
			tables.set(address.table, table);
		}
		if (!table.columns.some((c) => c.key === address.column))
			table.columns.push({ key: address.column, label: name.column });
		const prefix = `${address.table}.${address.row}`;
		let group = groups.get(prefix);
		if (!group) {
			group = {
				prefix,
				row: address.row,
				label: name.row,
				columns: [],
				type: '',
				types: new Set(),
			};
			groups.set(prefix, group);
			table.rows.push(group);
		}
		group.columns.push(address.column);
		group.types.add(row.type);
		group.type = [...group.types].join('；');
	}
	for (const table of tables.values())
		table.rows = table.rows.map(({ prefix, row, label, columns, type }) => ({
			prefix,
			row,
			label,
			columns,
			type,
		}));
	return {
		reportLevel,
		tables: [...tables.values()],
		derivedParts,
		derived: [...derived.values()],
	};
}

/** Every column key the grouped dictionary documents, expanded back to reports.csv's names. */
export function groupedKeys(grouped: GroupedReportsDictionary): string[] {
	return [
		...grouped.reportLevel.map((r) => r.key),
		...grouped.tables.flatMap((t) =>
			t.rows.flatMap((r) => r.columns.map((c) => `${r.prefix}.${c}`)),
		),
		...grouped.derived.flatMap((d) => grouped.derivedParts.map((p) => `${d.prefix}.${p.key}`)),
	];
}
