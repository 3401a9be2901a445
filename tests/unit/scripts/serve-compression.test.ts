/**
 * The preview server's compression (scripts/serve.ts, scripts/lib/compression.ts): a page asked
 * for with Accept-Encoding: br comes back brotli and decodes to the file's exact bytes; gzip when
 * only gzip is accepted; identity when nothing is; binary files never compressed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickEncoding } from '../../../scripts/lib/compression.ts';
import { serve, type RunningServer } from '../../../scripts/serve.ts';

let dir: string;
let running: RunningServer;
const page = `<!doctype html><html lang="zh-CN"><title>店塔镇</title>${'<p>政府信息公开 0 件</p>'.repeat(400)}</html>`;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(200).fill(0)]);

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'serve-'));
	writeFileSync(join(dir, 'index.html'), page);
	writeFileSync(join(dir, 'logo.png'), png);
	running = await serve(dir, 0);
});
afterAll(async () => {
	await running?.close();
	rmSync(dir, { recursive: true, force: true });
});

function get(path: string, acceptEncoding?: string) {
	return new Promise<{ headers: Record<string, unknown>; body: Buffer; status: number }>(
		(done, fail) => {
			const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
			request(`${running.origin}${path}`, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					done({ headers: res.headers, body: Buffer.concat(chunks), status: res.statusCode! }),
				);
			})
				.on('error', fail)
				.end();
		},
	);
}

describe('the preview server compresses text', () => {
	const onDisk = () => readFileSync(join(dir, 'index.html'));

	it('sends brotli when accepted, decoding to the file’s bytes', async () => {
		const res = await get('/', 'gzip, deflate, br');
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('br');
		expect(res.headers.vary).toBe('Accept-Encoding');
		expect(Number(res.headers['content-length'])).toBe(res.body.length);
		expect(res.body.length).toBeLessThan(onDisk().length);
		expect(brotliDecompressSync(res.body).equals(onDisk())).toBe(true);
	});

	it('sends gzip when only gzip is accepted, and the same again from its cache', async () => {
		for (let i = 0; i < 2; i++) {
			const res = await get('/index.html', 'gzip');
			expect(res.headers['content-encoding']).toBe('gzip');
			expect(gunzipSync(res.body).equals(onDisk())).toBe(true);
		}
	});

	it('sends the file as it is when no encoding is accepted', async () => {
		const res = await get('/');
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.headers.vary).toBe('Accept-Encoding');
		expect(res.body.equals(onDisk())).toBe(true);
	});

	it('never compresses binary files', async () => {
		const res = await get('/logo.png', 'br');
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.headers.vary).toBeUndefined();
		expect(res.body.equals(png)).toBe(true);
	});
});

describe('pickEncoding', () => {
	it('prefers brotli, honours q=0 and the wildcard', () => {
		expect(pickEncoding('gzip, br')).toBe('br');
		expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
		expect(pickEncoding('br;q=0, gzip;q=0')).toBeNull();
		expect(pickEncoding('*')).toBe('br');
		expect(pickEncoding('*;q=0')).toBeNull();
		expect(pickEncoding('gzip;q=0, *')).toBe('br');
		expect(pickEncoding('identity')).toBeNull();
		expect(pickEncoding(undefined)).toBeNull();
		expect(pickEncoding(['deflate', 'gzip;q=0.5'])).toBe('gzip');
	});
});
