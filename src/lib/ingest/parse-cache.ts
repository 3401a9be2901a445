/**
 * Incremental ingest: a report file whose bytes, path and parser are unchanged is not parsed
 * again. Each parse result (record and decoded text) is kept on disk under the SHA-256 of the
 * parser's version, the file's path and its bytes, so editing one report of ten thousand re-parses
 * one. The path is part of the key because the record names its file (source.file, diagnostics).
 * A rejected file is never cached: it is re-read and rejected with its message every run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportRecord } from '../model/record.ts';
import type { ReportParser } from './first-pass.ts';

export interface CachedParser extends ReportParser {
	/**
	 * Files served from the cache and files parsed, this run. The ingest reads each chosen file a
	 * second time (run-ingest.ts); that read is always served from the cache and not counted.
	 */
	readonly stats: { hits: number; misses: number };
	/** Removes the cached results no file of this run used (deleted or changed reports). */
	prune(): void;
}

interface CachedResult {
	record: ReportRecord;
	text: string;
}

export function withParseCache(parser: ReportParser, dir: string, version: string): CachedParser {
	mkdirSync(dir, { recursive: true });
	const used = new Set<string>();
	const stats = { hits: 0, misses: 0 };
	// runIngest asks for the record, then for the text of the same bytes.
	let last: { bytes: Uint8Array; text: string } | undefined;

	const keyOf = (bytes: Uint8Array, file: string) => cacheKey(version, file, bytes);

	return {
		stats,
		parseReport(bytes, options) {
			const key = keyOf(bytes, options.file);
			const path = join(dir, `${key}.json`);
			const again = used.has(`${key}.json`);
			used.add(`${key}.json`);
			if (existsSync(path)) {
				const cached = JSON.parse(readFileSync(path, 'utf8')) as CachedResult;
				if (!again) stats.hits++;
				last = { bytes, text: cached.text };
				return cached.record;
			}
			const record = parser.parseReport(bytes, options);
			// With the file: the forms parser finds a PDF's or Word file's extracted text by it.
			const { text } = parser.decodeReport(bytes, options);
			writeFileSync(path, JSON.stringify({ record, text } satisfies CachedResult));
			stats.misses++;
			last = { bytes, text };
			return record;
		},
		decodeReport(bytes, options) {
			return last?.bytes === bytes ? { text: last.text } : parser.decodeReport(bytes, options);
		},
		prune() {
			pruneParseCache(dir, used);
		},
	};
}

/** Removes every cached result not named in `used` (file names, as cacheFileName gives them). */
export function pruneParseCache(dir: string, used: ReadonlySet<string>): void {
	for (const file of readdirSync(dir)) if (!used.has(file)) rmSync(join(dir, file));
}

/** The cache file that holds (or would hold) the result for these bytes at this path. */
export function cacheFileName(version: string, file: string, bytes: Uint8Array): string {
	return `${cacheKey(version, file, bytes)}.json`;
}

function cacheKey(version: string, file: string, bytes: Uint8Array): string {
	return createHash('sha256')
		.update(version)
		.update('\0')
		.update(file)
		.update('\0')
		.update(bytes)
		.digest('hex');
}

/**
 * Whether the cache holds a result for these bytes at this path: the forms step
 * (read-forms.ts) then need not extract the file again, a PDF's slowest part.
 */
export function isCached(dir: string, version: string, bytes: Uint8Array, file: string): boolean {
	return existsSync(join(dir, `${cacheKey(version, file, bytes)}.json`));
}

/** The parser's version for the cache key: a hash of every source file the parse depends on. */
export function sourceVersion(dirs: readonly string[]): string {
	const hash = createHash('sha256');
	for (const dir of dirs)
		for (const file of readdirSync(dir, { recursive: true }).map(String).sort()) {
			if (!file.endsWith('.ts')) continue;
			hash
				.update(file)
				.update('\0')
				.update(readFileSync(join(dir, file)));
		}
	return hash.digest('hex');
}
