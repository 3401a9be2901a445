/**
 * A small RFC 4180 reader for the tests, written independently of the csv-stringify writer so a
 * quoting bug in either shows up: a leading BOM is dropped, fields may be quoted with "" inside,
 * quoted fields may hold commas and line breaks, records end with CRLF (or LF).
 */
export function readCsv(text: string): string[][] {
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let i = 0;
	let quoted = false;
	while (i < input.length) {
		const ch = input[i]!;
		if (quoted) {
			if (ch === '"' && input[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (ch === '"') quoted = false;
			else field += ch;
			i++;
			continue;
		}
		if (ch === '"' && field === '') quoted = true;
		else if (ch === ',') {
			record.push(field);
			field = '';
		} else if (ch === '\r' && input[i + 1] === '\n') {
			i++;
			continue;
		} else if (ch === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += ch;
		i++;
	}
	if (quoted) throw new Error('unterminated quoted field');
	if (field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	return records;
}

/** Records as objects keyed by the header row. */
export function readCsvObjects(text: string): Record<string, string>[] {
	const [header, ...rows] = readCsv(text);
	if (!header) return [];
	return rows.map((row) => {
		if (row.length !== header.length)
			throw new Error(`row has ${row.length} fields, header ${header.length}: ${row.join(',')}`);
		return Object.fromEntries(header.map((h, i) => [h, row[i]!]));
	});
}
