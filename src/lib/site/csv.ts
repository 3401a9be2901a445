/**
 * The one CSV writer of the site (every download calls writeCsv), and the report's data twin as
 * CSV: one line per table cell with its printed label, value, source text, line and status.
 * Written with a UTF-8 BOM so Excel opens the Chinese correctly; a text field a spreadsheet
 * would run as a formula gets a leading apostrophe (formulaSafe).
 */
import { stringify } from 'csv-stringify/sync';
import type { ReportEntry } from '../model/entry.ts';
import type { ReportRecord } from '../model/record.ts';
import { cellName } from './cells.ts';

export interface CellRow {
	path: string;
	value: number | string | null;
}

/** Every numeric leaf of Tables 2–4, in the record's own key order. Raw-text fields are left out. */
export function tableCells(record: ReportRecord): CellRow[] {
	const rows: CellRow[] = [];
	const walk = (value: unknown, path: string) => {
		if (value === null || typeof value === 'number') {
			rows.push({ path, value });
		} else if (value && typeof value === 'object' && !Array.isArray(value)) {
			for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
		}
	};
	for (const table of ['table2', 'table2v2019', 'table3', 'table4'] as const) {
		const t = record[table];
		if (t) walk(t, table);
	}
	return rows.filter((r) => !r.path.endsWith('Raw') && !r.path.includes('.extraRows'));
}

export const CSV_HEADER = [
	'报告',
	'年度',
	'路径',
	'表',
	'行',
	'列',
	'数值',
	'原文',
	'原文行号',
	'状态',
];

export function recordCsv(entry: ReportEntry): string {
	const records = tableCells(entry.record).map(({ path, value }) => {
		const name = cellName(path);
		const prov = entry.record.cells[path];
		return [
			entry.id,
			entry.year,
			path,
			name.table,
			name.row,
			name.column,
			value ?? '',
			prov?.raw ?? '',
			prov?.line ?? '',
			prov?.status ?? '',
		];
	});
	return writeCsv(CSV_HEADER, records);
}

export type CsvValue = string | number | boolean | null;

/**
 * OWASP's rule against CSV formula injection: a text field starting with = + - @, tab or CR is
 * read by Excel, LibreOffice and Google Sheets as a formula (`=HYPERLINK(…)` in a report title
 * would become a live link), so it is written with a leading apostrophe, which spreadsheets show
 * as text. Numbers are never passed here; the JSON downloads keep the exact text.
 */
export function formulaSafe(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 text with a BOM and CRLF records; booleans as true/false so false is not an empty (null) field. */
export function writeCsv(
	header: readonly string[],
	rows: readonly (readonly CsvValue[])[],
): string {
	return stringify([header as CsvValue[], ...(rows as CsvValue[][])], {
		bom: true,
		record_delimiter: '\r\n',
		// csv-stringify only quotes the record delimiter itself (CRLF); a bare LF in a field must be
		// quoted too.
		quoted_match: /[\r\n]/,
		cast: { boolean: (v) => (v ? 'true' : 'false'), string: formulaSafe },
	});
}
