/**
 * How many reports a built download holds, counted while streaming it, for the build's
 * completeness check (site-build.ts). Parsing a national download whole does not scale: at 2,000
 * reports the check took 9.5 CPU-s and 0.65 GB, and reports.json passes V8's string limit
 * (~537 M characters) at ~13,000 reports (41 KB each), so a 50k build would fail in its own check.
 * CSVs go through csv-parse's stream API; reports.json through a scanner that only tracks
 * strings and nesting, enough to count the objects of its "reports" array and to see that the
 * document is closed (a truncated file is not complete).
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** The file's bytes, unpacked when it ends in .gz; a read or gunzip error reaches the consumer. */
function open(path: string): Readable {
	const file = createReadStream(path);
	if (!path.endsWith('.gz')) return file;
	const gunzip = createGunzip();
	file.on('error', (error) => gunzip.destroy(error));
	return file.pipe(gunzip);
}

/** The data rows of a CSV (header excluded) and how many distinct values `column` has. */
export async function csvCounts(
	path: string,
	column: string,
): Promise<{ rows: number; distinct: number }> {
	const source = open(path);
	const parser = parse({ bom: true });
	source.on('error', (error) => parser.destroy(error));
	let rows = 0;
	let at = -1;
	const seen = new Set<string>();
	for await (const record of source.pipe(parser) as AsyncIterable<string[]>) {
		if (at < 0) {
			at = record.indexOf(column);
			if (at < 0) throw new Error(`${path}: no column ${column}`);
			continue;
		}
		rows++;
		seen.add(record[at] ?? '');
	}
	return { rows, distinct: seen.size };
}

/**
 * The objects in the arrays of a JSON document's top-level object (reports.json has one array,
 * "reports"), or null when the document does not close (truncated).
 */
export async function jsonArrayItems(path: string): Promise<number | null> {
	// Open containers, outermost first: '{' or '['.
	const stack: string[] = [];
	let inString = false;
	let escaped = false;
	let items = 0;
	let started = false;
	const source = open(path);
	source.setEncoding('utf8');
	for await (const chunk of source as AsyncIterable<string>) {
		for (let i = 0; i < chunk.length; i++) {
			const c = chunk[i];
			if (inString) {
				if (escaped) escaped = false;
				else if (c === '\\') escaped = true;
				else if (c === '"') inString = false;
			} else if (c === '"') inString = true;
			else if (c === '{' || c === '[') {
				if (c === '{' && stack.length === 2 && stack[0] === '{' && stack[1] === '[') items++;
				stack.push(c);
				started = true;
			} else if (c === '}' || c === ']') stack.pop();
		}
	}
	return started && stack.length === 0 && !inString ? items : null;
}
