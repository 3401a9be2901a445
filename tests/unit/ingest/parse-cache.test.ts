/**
 * The parse cache: an unchanged file (same bytes, same path, same parser version) is served from
 * disk without calling the parser and gives back what the parser gave; a change to any of the
 * three parses again; prune() keeps only what the last run used.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	cacheFileName,
	pruneParseCache,
	sourceVersion,
	withParseCache,
} from '../../../src/lib/ingest/parse-cache.ts';
import type { ReportParser } from '../../../src/lib/ingest/run-ingest.ts';
import type { ReportRecord } from '../../../src/lib/model/record.ts';

/** A stand-in parser that counts its calls and puts the text and file into the "record". */
function countingParser() {
	const calls = { parse: 0, decode: 0 };
	const parser: ReportParser = {
		parseReport(bytes, { file }) {
			calls.parse++;
			return { file, length: bytes.length } as unknown as ReportRecord;
		},
		decodeReport(bytes) {
			calls.decode++;
			return { text: new TextDecoder().decode(bytes) };
		},
	};
	return { parser, calls };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('withParseCache', () => {
	it('serves an unchanged file from disk, with the same record and text, without parsing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'parse-cache-'));
		const first = countingParser();
		const a = withParseCache(first.parser, dir, 'v1');
		const input = bytes('报告正文');
		const record = a.parseReport(input, { file: 'content/reports/a.txt' });
		expect(a.decodeReport(input).text).toBe('报告正文');
		expect(a.stats).toEqual({ hits: 0, misses: 1 });

		const second = countingParser();
		const b = withParseCache(second.parser, dir, 'v1');
		const again = bytes('报告正文');
		expect(b.parseReport(again, { file: 'content/reports/a.txt' })).toEqual(record);
		expect(b.decodeReport(again).text).toBe('报告正文');
		expect(second.calls).toEqual({ parse: 0, decode: 0 });
		expect(b.stats).toEqual({ hits: 1, misses: 0 });
	});

	it("serves the ingest's second read of a file from the cache, counted once", () => {
		const dir = mkdtempSync(join(tmpdir(), 'parse-cache-'));
		const { parser, calls } = countingParser();
		const cached = withParseCache(parser, dir, 'v1');
		const file = { file: 'content/reports/a.txt' };
		const record = cached.parseReport(bytes('报告正文'), file);
		const again = bytes('报告正文');
		expect(cached.parseReport(again, file)).toEqual(record);
		expect(cached.decodeReport(again).text).toBe('报告正文');
		expect(calls.parse).toBe(1);
		expect(cached.stats).toEqual({ hits: 0, misses: 1 });
	});

	it('parses again when the bytes, the path or the parser version change', () => {
		const dir = mkdtempSync(join(tmpdir(), 'parse-cache-'));
		withParseCache(countingParser().parser, dir, 'v1').parseReport(bytes('x'), { file: 'a.txt' });
		for (const [text, file, version] of [
			['y', 'a.txt', 'v1'],
			['x', 'b.txt', 'v1'],
			['x', 'a.txt', 'v2'],
		] as const) {
			const { parser, calls } = countingParser();
			withParseCache(parser, dir, version).parseReport(bytes(text), { file });
			expect(calls.parse, `${text} ${file} ${version}`).toBe(1);
		}
	});

	it('prune() removes what this run did not use', () => {
		const dir = mkdtempSync(join(tmpdir(), 'parse-cache-'));
		const one = withParseCache(countingParser().parser, dir, 'v1');
		one.parseReport(bytes('old'), { file: 'a.txt' });
		one.parseReport(bytes('kept'), { file: 'b.txt' });
		const two = withParseCache(countingParser().parser, dir, 'v1');
		two.parseReport(bytes('kept'), { file: 'b.txt' });
		two.prune();
		expect(readdirSync(dir)).toHaveLength(1);
		expect(two.stats.hits).toBe(1);
	});
});

describe('cacheFileName and pruneParseCache (the parallel ingest keeps the used set itself)', () => {
	it('names the file a parse was cached in, and pruning keeps exactly the named ones', () => {
		const dir = mkdtempSync(join(tmpdir(), 'parse-cache-'));
		const cached = withParseCache(countingParser().parser, dir, 'v1');
		cached.parseReport(bytes('old'), { file: 'a.txt' });
		cached.parseReport(bytes('kept'), { file: 'b.txt' });
		const kept = cacheFileName('v1', 'b.txt', bytes('kept'));
		expect(readdirSync(dir)).toContain(kept);
		expect(cacheFileName('v1', 'a.txt', bytes('kept'))).not.toBe(kept);
		pruneParseCache(dir, new Set([kept]));
		expect(readdirSync(dir)).toEqual([kept]);
	});
});

describe('sourceVersion', () => {
	it('changes when a source file changes and not otherwise', () => {
		const version = sourceVersion(['src/lib/report']);
		expect(sourceVersion(['src/lib/report'])).toBe(version);
		expect(sourceVersion(['src/lib/report', 'src/lib/model'])).not.toBe(version);
	});
});
