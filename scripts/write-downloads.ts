/**
 * npm run downloads [-- --root DIR]: writes the bulk downloads of /data/ from the generated
 * collection into content/generated/data/ (src/lib/site/write-downloads.ts), streaming one entry
 * at a time. `npm run build` runs it beside `astro build` after the ingest, then links the files
 * into dist/data/. --root DIR (or PORTAL_ROOT) uses DIR/content/generated/ instead.
 */
import { resolve } from 'node:path';
import divisions from '../src/data/divisions.json' with { type: 'json' };
import type { DivisionTable } from '../src/lib/model/division-table.ts';
import { generatedDir } from '../src/lib/site/generated-files.ts';
import { writeDownloads } from '../src/lib/site/write-downloads.ts';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 && args[rootAt + 1] ? resolve(args[rootAt + 1]!) : undefined;

try {
	const started = performance.now();
	const manifest = await writeDownloads({
		generated: generatedDir(root),
		divisions: divisions as DivisionTable,
	});
	const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
	console.log(
		`downloads: ${manifest.reports} reports in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
			manifest.files.map((f) => `${f.file} ${mb(f.bytes)}`).join(', '),
	);
} catch (error) {
	console.error(
		`downloads: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
	);
	process.exitCode = 2;
}
