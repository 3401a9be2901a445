/**
 * The one CSV writer of every download (reports.csv, cells.csv, checks.csv, tracker.csv):
 * RFC 4180, CRLF line ends, UTF-8 with a BOM so that Excel reads the Chinese.
 * One writer means one place that decides quoting, booleans, what an empty field is, and that a
 * text field a spreadsheet would run as a formula gets a leading apostrophe (formulaSafe).
 */
import { stringify, type Options } from 'csv-stringify/sync';

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

/** The options every CSV is written with, for the synchronous and the streaming writer alike. */
export const CSV_OPTIONS: Options = {
	bom: true,
	record_delimiter: '\r\n',
	// csv-stringify only quotes the record delimiter itself (CRLF); a bare LF in a field must be
	// quoted too.
	quoted_match: /[\r\n]/,
	// Booleans as true/false so that false is not an empty (null) field.
	cast: { boolean: (v) => (v ? 'true' : 'false'), string: formulaSafe },
};

/** RFC 4180 text with a BOM, every text field formula-safe. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	return stringify([[...header], ...rows.map((row) => [...row])], CSV_OPTIONS);
}

/** Rows only (no BOM, no header), each ended by CRLF: appended to toCsv's text they continue it (csv-stream.ts). */
export function csvRecords(rows: readonly (readonly CsvValue[])[]): string {
	return stringify(
		rows.map((row) => [...row]),
		{ ...CSV_OPTIONS, bom: false },
	);
}
