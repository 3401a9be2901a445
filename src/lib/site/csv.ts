/**
 * The one CSV writer of every download (reports.csv, cells.csv, checks.csv, tracker.csv and each
 * report's record.csv): RFC 4180, CRLF line ends, UTF-8 with a BOM so that Excel reads the Chinese.
 * One writer means one place that decides quoting, booleans and what an empty field is.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null;

/** RFC 4180 text with a BOM; booleans as true/false so that false is not an empty (null) field. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	return stringify([[...header], ...rows.map((row) => [...row])], {
		bom: true,
		record_delimiter: '\r\n',
		// csv-stringify only quotes the record delimiter itself (CRLF); a bare LF in a field must be
		// quoted too.
		quoted_match: /[\r\n]/,
		cast: { boolean: (v) => (v ? 'true' : 'false') },
	});
}
