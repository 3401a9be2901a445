/**
 * `node scripts/index-search.ts --site DIR [--max-pages N] [--pack] [--single]`: the search-index step of
 * `npm run build` on its own, so that `npm run bench` and a person can measure it on a built site
 * (`/usr/bin/time -v node scripts/index-search.ts --site …`). It runs Pagefind shard by shard
 * (scripts/lib/pagefind-shards.ts; --max-pages and --pack as planShards takes them). --single runs the former one-index step instead (one Pagefind
 * over the whole site into pagefind/), only to compare the two.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { indexShards } from './lib/pagefind-shards.ts';

const { values } = parseArgs({
	options: {
		site: { type: 'string' },
		'max-pages': { type: 'string' },
		pack: { type: 'boolean', default: false },
		single: { type: 'boolean', default: false },
	},
});
if (!values.site) {
	console.error(
		'usage: node scripts/index-search.ts --site DIR [--max-pages N] [--pack] [--single]',
	);
	process.exit(2);
}
const site = resolve(values.site);
const bin = fileURLToPath(new URL('../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url));

const pagefind = (args: string[]) =>
	new Promise<void>((done, fail) => {
		const child = spawn(process.execPath, [bin, ...args], { stdio: 'inherit' });
		child.on('error', fail);
		child.on('exit', (code, signal) =>
			code === 0 ? done() : fail(new Error(`pagefind ${signal ?? `exit ${code}`}`)),
		);
	});

if (values.single) await pagefind(['--site', site]);
else {
	const manifest = await indexShards(site, pagefind, {
		...(values['max-pages'] ? { maxPages: Number(values['max-pages']) } : {}),
		packProvinces: values.pack,
	});
	const pages = manifest.shards.reduce((n, s) => n + s.pages, 0);
	console.log(`index-search: ${manifest.shards.length} 个分片，${pages} 页`);
}
