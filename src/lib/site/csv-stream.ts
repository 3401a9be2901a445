/**
 * Writing a download of any size without ever holding it: rows are written a few at a time with
 * csv.ts's options (the same as toCsv, so the same bytes and the same formula escaping) into the
 * file and, at the same time, into a gzip copy beside it. A national corpus is gigabytes; one
 * string of it would pass V8's string limit (about 537 million characters) long before.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { csvRecords, toCsv, type CsvValue } from './csv.ts';

/**
 * Where a sink writes: `path` unless `plain` is false, and `path.gz` when `gzip` is set (a
 * national file too big to serve twice is written only compressed: write-downloads.ts).
 */
export interface SinkOptions {
	gzip: boolean;
	/** Write the uncompressed file too (default true); false needs gzip. */
	plain?: boolean;
}

/** Text written in pieces to `path` and/or `path.gz` (SinkOptions). */
export interface TextSink {
	write(text: string | Buffer): Promise<void>;
	/** Resolves when every byte is on disk, with the uncompressed size (written or not). */
	end(): Promise<number>;
}

async function writeWithBackpressure(stream: Writable, chunk: string | Buffer): Promise<void> {
	if (!stream.write(chunk)) await once(stream, 'drain');
}

export function openTextSink(path: string, options: SinkOptions): TextSink {
	const plain = options.plain ?? true;
	if (!plain && !options.gzip) throw new Error(`${path}: a download must be written somewhere`);
	const out = new PassThrough();
	let bytes = 0;
	out.on('data', (chunk: Buffer) => (bytes += chunk.length));
	const done: Promise<void>[] = [];
	if (plain) done.push(finished(out.pipe(createWriteStream(path))));
	if (options.gzip)
		done.push(finished(out.pipe(createGzip()).pipe(createWriteStream(`${path}.gz`))));
	return {
		write: (text) => writeWithBackpressure(out, text),
		end: async () => {
			out.end();
			await Promise.all(done);
			return bytes;
		},
	};
}

/**
 * A CSV download: the header row, then rows one at a time or a report's rows at once; same bytes
 * as toCsv(header, rows). Each call is turned into text by csv.ts's csvRecords (the synchronous
 * writer with toCsv's options, no BOM after the header) and written as one piece: a record is
 * ended by its own CRLF, so pieces join into exactly the one-call text, and a report's hundreds
 * of cell rows cost one write instead of one stream transform each.
 */
export interface CsvSink {
	row(values: readonly CsvValue[]): Promise<void>;
	rows(batch: readonly (readonly CsvValue[])[]): Promise<void>;
	end(): Promise<number>;
}

export function openCsvSink(
	path: string,
	header: readonly string[],
	options: SinkOptions,
): CsvSink {
	const sink = openTextSink(path, options);
	const headerWritten = sink.write(toCsv(header, []));
	const rows = async (batch: readonly (readonly CsvValue[])[]) => {
		await headerWritten;
		if (batch.length > 0) await sink.write(csvRecords(batch));
	};
	return {
		row: (values) => rows([values]),
		rows,
		end: async () => {
			await headerWritten;
			return sink.end();
		},
	};
}
