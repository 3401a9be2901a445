/**
 * The streaming CSV writer must give the same bytes as toCsv (the one definition of the download
 * format) for every kind of field, whatever the number of rows, and its gzip copy the same bytes.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openCsvSink, openTextSink } from '../../../src/lib/site/csv-stream.ts';
import { toCsv, type CsvValue } from '../../../src/lib/site/open-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'csv-stream-'));
const HEADER = ['id', 'text', 'n', 'flag'];
const TRICKY: CsvValue[][] = [
	['a', '逗号,和"引号"', 1, true],
	['b', '第一行\n第二行', 0, false],
	['c', 'CRLF\r\n后', null, null],
	['d', '', -2.5, true],
	['e', '=SUM(A1)', 12345678901, false],
];

async function streamed(name: string, rows: CsvValue[][], gzip: boolean): Promise<Buffer> {
	const sink = openCsvSink(join(dir, name), HEADER, { gzip });
	for (const row of rows) await sink.row(row);
	const bytes = await sink.end();
	const text = readFileSync(join(dir, name));
	expect(bytes).toBe(text.length);
	return text;
}

describe('openCsvSink', () => {
	it('writes what toCsv writes for quotes, line breaks, null, booleans and numbers', async () => {
		const text = await streamed('tricky.csv', TRICKY, false);
		expect(text.equals(Buffer.from(toCsv(HEADER, TRICKY)))).toBe(true);
	});

	it('stays identical over many rows (backpressure) and its gzip copy unpacks to the file', async () => {
		const rows = Array.from({ length: 20_000 }, (_, i) => TRICKY[i % TRICKY.length]!.map((v) => v));
		const text = await streamed('many.csv', rows, true);
		expect(text.equals(Buffer.from(toCsv(HEADER, rows)))).toBe(true);
		expect(gunzipSync(readFileSync(join(dir, 'many.csv.gz'))).equals(text)).toBe(true);
	});

	it('writes only the gzip file when plain is false, with the uncompressed byte count', async () => {
		const rows = Array.from({ length: 5_000 }, (_, i) => TRICKY[i % TRICKY.length]!.map((v) => v));
		const sink = openCsvSink(join(dir, 'only.csv'), HEADER, { gzip: true, plain: false });
		for (const row of rows) await sink.row(row);
		const bytes = await sink.end();
		expect(existsSync(join(dir, 'only.csv'))).toBe(false);
		const unpacked = gunzipSync(readFileSync(join(dir, 'only.csv.gz')));
		expect(unpacked.equals(Buffer.from(toCsv(HEADER, rows)))).toBe(true);
		expect(bytes).toBe(unpacked.length);
	});

	it('refuses to write nowhere', () => {
		expect(() => openTextSink(join(dir, 'nowhere.txt'), { gzip: false, plain: false })).toThrow(
			/nowhere\.txt/,
		);
	});

	it('writes only the header for no rows', async () => {
		const text = await streamed('empty.csv', [], false);
		expect(text.toString()).toBe(toCsv(HEADER, []));
	});
});

describe('openTextSink', () => {
	it('writes the pieces in order and reports the byte count', async () => {
		const sink = openTextSink(join(dir, 'pieces.txt'), { gzip: false });
		for (const piece of ['{"a":', '"中文"', '}']) await sink.write(piece);
		expect(await sink.end()).toBe(Buffer.byteLength('{"a":"中文"}'));
		expect(readFileSync(join(dir, 'pieces.txt'), 'utf8')).toBe('{"a":"中文"}');
	});
});

describe('openCsvSink.rows', () => {
	it('writes batches of any size, mixed with single rows, as toCsv writes them all at once', async () => {
		const rows = Array.from({ length: 997 }, (_, i) => TRICKY[i % TRICKY.length]!.map((v) => v));
		const sink = openCsvSink(join(dir, 'batches.csv'), HEADER, { gzip: true });
		let at = 0;
		for (const size of [0, 1, 7, 300, 1, 0, 688]) {
			if (size === 1) await sink.row(rows[at]!);
			else await sink.rows(rows.slice(at, at + size));
			at += size;
		}
		expect(at).toBe(rows.length);
		const bytes = await sink.end();
		const text = readFileSync(join(dir, 'batches.csv'));
		expect(text.equals(Buffer.from(toCsv(HEADER, rows)))).toBe(true);
		expect(bytes).toBe(text.length);
		expect(gunzipSync(readFileSync(join(dir, 'batches.csv.gz'))).equals(text)).toBe(true);
	});
});
