/**
 * Compression for the preview server (scripts/serve.ts): text files go out as brotli or gzip when
 * the browser says it accepts them, as any production host should send them (README "Hosting").
 * Compressed on first request and kept in a small cache keyed by file, size and mtime, so a page
 * served twice is compressed once and a rebuilt file is never served stale. node:zlib only.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Extensions worth compressing: text. Images, wasm and Pagefind's chunks are already compact. */
export const COMPRESSIBLE = new Set([
	'.html',
	'.css',
	'.js',
	'.mjs',
	'.json',
	'.csv',
	'.xml',
	'.svg',
	'.txt',
	'.webmanifest',
]);

/** Larger files stream uncompressed rather than being held in memory whole. */
export const MAX_COMPRESS_BYTES = 16 * 2 ** 20;
/** The cache's budget; the oldest entries go first. */
const CACHE_BYTES = 64 * 2 ** 20;

/**
 * The encoding to send for an Accept-Encoding header: brotli before gzip, each only if its
 * q-value (or that of `*`) is above 0; null for identity.
 */
export function pickEncoding(header: string | string[] | undefined): Encoding | null {
	const text = Array.isArray(header) ? header.join(',') : (header ?? '');
	const q = new Map<string, number>();
	for (const part of text.split(',')) {
		const [name = '', ...params] = part.trim().toLowerCase().split(';');
		if (name === '') continue;
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = qParam ? Number(qParam.slice(2)) : 1;
		q.set(name, Number.isFinite(value) ? value : 0);
	}
	const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
	if (accepts('br')) return 'br';
	if (accepts('gzip')) return 'gzip';
	return null;
}

export const isCompressible = (file: string) => COMPRESSIBLE.has(extname(file).toLowerCase());

const compressors: Record<Encoding, (data: Buffer) => Promise<Buffer>> = {
	br: (data) =>
		promisify(brotliCompress)(data, {
			params: {
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_QUALITY]: 9,
				[constants.BROTLI_PARAM_SIZE_HINT]: data.length,
			},
		}),
	gzip: (data) => promisify(gzip)(data, { level: 9 }),
};

interface Cached {
	bytes: Promise<Buffer>;
	/** Known once compressed; counted against the budget from then on. */
	size: number;
}
const cache = new Map<string, Cached>();
let cachedBytes = 0;

function evictOldest() {
	for (const [key, entry] of cache) {
		if (cachedBytes <= CACHE_BYTES) return;
		cache.delete(key);
		cachedBytes -= entry.size;
	}
}

/**
 * The file's bytes in the given encoding, or null when it should be sent as it is (not text,
 * too large). Concurrent requests for the same file share one compression.
 */
export async function compressedFile(file: string, encoding: Encoding): Promise<Buffer | null> {
	if (!isCompressible(file)) return null;
	const info = await stat(file);
	if (info.size > MAX_COMPRESS_BYTES) return null;
	const key = `${encoding}\0${file}\0${info.size}\0${info.mtimeMs}`;
	const hit = cache.get(key);
	if (hit) return hit.bytes;
	const entry: Cached = {
		bytes: readFile(file).then((data) => compressors[encoding](data)),
		size: 0,
	};
	cache.set(key, entry);
	try {
		const bytes = await entry.bytes;
		entry.size = bytes.length;
		cachedBytes += bytes.length;
		evictOldest();
		return bytes;
	} catch (error) {
		cache.delete(key);
		throw error;
	}
}
