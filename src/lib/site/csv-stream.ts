/**
 * Writing a download of any size without ever holding it: rows go through the streaming writer
 * of csv.ts (the same options as toCsv, so the same bytes and the same formula escaping) into the
 * file and, at the same time, into a gzip copy beside it. A national corpus is gigabytes; one
 * string of it would pass V8's string limit (about 537 million characters) long before.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { csvStringifier, type CsvValue } from './csv.ts';

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

async function writeWithBackpressure(
	stream: Writable,
	chunk: string | Buffer | CsvValue[],
): Promise<void> {
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

/** A CSV download: the header row, then rows one at a time; same bytes as toCsv(header, rows). */
export interface CsvSink {
	row(values: readonly CsvValue[]): Promise<void>;
	end(): Promise<number>;
}

export function openCsvSink(
	path: string,
	header: readonly string[],
	options: SinkOptions,
): CsvSink {
	const sink = openTextSink(path, options);
	const stringifier = csvStringifier();
	// The stringifier's output goes to the sink chunk by chunk, waiting whenever the disk is behind.
	const pumped = (async () => {
		for await (const chunk of stringifier) await sink.write(chunk as Buffer);
	})();
	const row = (values: readonly CsvValue[]) => writeWithBackpressure(stringifier, [...values]);
	let headerWritten: Promise<void> | undefined = row(header);
	return {
		row: async (values) => {
			await headerWritten;
			headerWritten = undefined;
			await row(values);
		},
		end: async () => {
			await headerWritten;
			stringifier.end();
			await pumped;
			return sink.end();
		},
	};
}
