/**
 * A tiny static file server for dist/: `node scripts/serve.ts dist 4321`.
 * Tests import `serve(dir, 0)` to get a free port. Directory URLs serve index.html,
 * and a directory without its trailing slash redirects, as a static host would. Text files go
 * out brotli- or gzip-compressed when the browser accepts it (scripts/lib/compression.ts).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compressedFile, isCompressible, pickEncoding } from './lib/compression.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	// Pagefind's index chunks: opaque binary.
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

export interface RunningServer {
	server: Server;
	port: number;
	origin: string;
	close: () => Promise<void>;
}

async function fileFor(
	root: string,
	urlPath: string,
): Promise<{ file: string } | { redirect: string } | null> {
	const decoded = decodeURIComponent(urlPath);
	const target = normalize(join(root, decoded));
	if (target !== root && !target.startsWith(root + sep)) return null;
	const info = await stat(target).catch(() => null);
	if (info?.isFile()) return { file: target };
	if (info?.isDirectory()) {
		if (!decoded.endsWith('/')) return { redirect: `${urlPath}/` };
		const index = join(target, 'index.html');
		if ((await stat(index).catch(() => null))?.isFile()) return { file: index };
	}
	return null;
}

export function serve(dir: string, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
	const root = resolve(dir);
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const found = await fileFor(root, url.pathname);
		if (found && 'redirect' in found) {
			res.writeHead(301, { Location: found.redirect + url.search }).end();
			return;
		}
		const file = found?.file ?? join(root, '404.html');
		const exists = found !== null || (await stat(file).catch(() => null)) !== null;
		if (!exists) {
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
			return;
		}
		const headers: Record<string, string> = {
			'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
		};
		if (isCompressible(file)) headers.Vary = 'Accept-Encoding';
		const encoding = pickEncoding(req.headers['accept-encoding']);
		const body = encoding ? await compressedFile(file, encoding) : null;
		if (encoding && body) {
			res.writeHead(found ? 200 : 404, {
				...headers,
				'Content-Encoding': encoding,
				'Content-Length': String(body.length),
			});
			res.end(body);
			return;
		}
		res.writeHead(found ? 200 : 404, headers);
		createReadStream(file).pipe(res);
	});
	return new Promise((done) => {
		server.listen(port, host, () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			done({
				server,
				port: actual,
				origin: `http://${host}:${actual}`,
				close: () => new Promise((closed) => server.close(() => closed())),
			});
		});
	});
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const [dir = 'dist', port = '4321'] = process.argv.slice(2);
	const running = await serve(dir, Number(port));
	console.log(`Serving ${resolve(dir)} at ${running.origin}/`);
}
