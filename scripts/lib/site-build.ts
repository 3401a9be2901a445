/**
 * The parts of `npm run build` (scripts/build.ts) that decide, not run: where Astro is started so
 * that its prerender and cache folders sit under the build's own root (a rename never crosses a
 * filesystem: EXDEV), and whether a freshly built folder is complete enough to replace dist/:
 * every report has its pages, every download has one row per report, the search index is there.
 */
import {
	copyFileSync,
	cpSync,
	existsSync,
	linkSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	writeFileSync,
	rmSync,
	statSync,
} from 'node:fs';
import { totalmem } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { shardProblems } from './pagefind-shards.ts';
import { fillDataPage } from '../../src/lib/site/data-page-facts.ts';
import { csvCounts, jsonArrayItems } from './download-counts.ts';
import { downloadsDir, downloadsManifest, recordsDir } from '../../src/lib/site/generated-files.ts';
import type { DownloadManifest } from '../../src/lib/site/write-downloads.ts';

export interface AstroRun {
	cwd: string;
	args: string[];
	env: NodeJS.ProcessEnv;
}

/**
 * Where Astro writes this run's site. Astro prerenders into `<outDir>/.prerender/` only when outDir
 * is below the working directory (else into the checkout's shared `.astro/`, then renames across
 * devices: EXDEV), and the prerendered modules must resolve packages from the checkout's
 * node_modules. So Astro always runs in the checkout and writes below it: straight into the
 * staging folder when the root is the checkout, else into `.build/<run>/`, which
 * scripts/build.ts then moves (or copies, across filesystems) to the root's staging folder.
 */
export function buildFolder(projectDir: string, root: string, runId: string): string {
	return isBelow(root, projectDir)
		? join(root, `dist.tmp-${runId}`)
		: join(projectDir, '.build', runId);
}

export function astroRun(
	projectDir: string,
	root: string,
	outDir: string,
	env: NodeJS.ProcessEnv,
	totalMemory = totalmem(),
): AstroRun {
	const portal = root === projectDir ? {} : { PORTAL_ROOT: root };
	return {
		cwd: projectDir,
		args: [join(projectDir, 'node_modules/astro/bin/astro.mjs'), 'build'],
		env: {
			...env,
			...portal,
			PORTAL_OUT_DIR: outDir,
			ASTRO_TELEMETRY_DISABLED: '1',
			NODE_OPTIONS: withAstroHeap(env['NODE_OPTIONS'], totalMemory),
		},
	};
}

/**
 * Astro holds every report entry (~80 KB of heap each, BENCHMARKS.md "Build profile"), so past
 * ~40,000 reports Node's default heap (about 4 GB) is too small: the build gets three quarters
 * of the machine's memory unless NODE_OPTIONS already sets --max-old-space-size.
 */
export function withAstroHeap(nodeOptions: string | undefined, totalMemory: number): string {
	const current = nodeOptions ?? '';
	if (/--max-old-space-size[= ]/.test(current)) return current;
	const mb = Math.floor((totalMemory * 0.75) / 2 ** 20);
	return `${current} --max-old-space-size=${mb}`.trim();
}

/** A hard link where the file system allows, a copy otherwise; replaces `to`. */
function linkOrCopy(from: string, to: string): void {
	rmSync(to, { force: true });
	try {
		linkSync(from, to);
	} catch {
		copyFileSync(from, to);
	}
}

/**
 * Puts what `npm run downloads` wrote into the built site: the bulk downloads
 * (content/generated/data/) into data/, each report's record.json.gz
 * (content/generated/records/<code>-<year>.json.gz) beside its page. The build calls it once the
 * writer and `astro build` have both finished (they run at the same time); the writer's manifest
 * stays behind (the /data/ page states its sizes).
 */
export function linkDownloads(generated: string, outDir: string): void {
	const data = downloadsDir(generated);
	mkdirSync(join(outDir, 'data'), { recursive: true });
	for (const file of readdirSync(data))
		if (file !== 'manifest.json') linkOrCopy(join(data, file), join(outDir, 'data', file));
	const records = recordsDir(generated);
	for (const file of readdirSync(records)) {
		const { code, year } = entryOf(file.slice(0, -'.json.gz'.length));
		const dir = join(outDir, 'townships', code, String(year));
		mkdirSync(dir, { recursive: true });
		linkOrCopy(join(records, file), join(dir, 'record.json.gz'));
	}
}

/**
 * After the writer and `astro build` have both finished: the downloads linked into the site and
 * the /data/ page's markers filled in from the writer's manifest (data-page-facts.ts).
 */
export function placeDownloads(generated: string, outDir: string): void {
	linkDownloads(generated, outDir);
	const manifest = JSON.parse(
		readFileSync(downloadsManifest(generated), 'utf8'),
	) as DownloadManifest;
	const page = join(outDir, 'data/index.html');
	writeFileSync(page, fillDataPage(readFileSync(page, 'utf8'), manifest));
}

/** Renames a folder; across filesystems (EXDEV), copies it and removes the original. */
export function moveFolder(from: string, to: string): void {
	try {
		renameSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		try {
			cpSync(from, to, { recursive: true, errorOnExist: true });
		} catch (copyError) {
			rmSync(to, { recursive: true, force: true });
			throw copyError;
		}
		rmSync(from, { recursive: true, force: true });
	}
}

/** Build folders under `.build/` whose run is gone (killed): the pid is the name's first part. */
export function staleBuildFolders(projectDir: string, alive: (pid: number) => boolean): string[] {
	const dir = join(projectDir, '.build');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => !alive(Number(name.split('-')[0])))
		.map((name) => join(dir, name));
}

function isBelow(path: string, dir: string): boolean {
	const rel = relative(dir, path);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export interface CollectionEntry {
	id: string;
	code: string;
	year: number;
}

/** The report entries the ingest wrote, by file name (`<code>-<year>.json`). */
export function collectionEntries(generatedDir: string): CollectionEntry[] {
	const dir = join(generatedDir, 'reports');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => entryOf(f.slice(0, -'.json'.length)));
}

/** `<code>-<year>` → the entry's code and year. */
function entryOf(id: string): CollectionEntry {
	const dash = id.lastIndexOf('-');
	return { id, code: id.slice(0, dash), year: Number(id.slice(dash + 1)) };
}

/** What is wrong with a built site folder; empty when it may be published. */
export async function siteProblems(
	outDir: string,
	entries: readonly CollectionEntry[],
): Promise<string[]> {
	return [...pageProblems(outDir, entries), ...(await downloadProblems(outDir, entries.length))];
}

/** Missing or cut-off pages, report records and search shards. */
export function pageProblems(outDir: string, entries: readonly CollectionEntry[]): string[] {
	const problems: string[] = [];
	const need = (path: string) => {
		const full = join(outDir, path);
		if (!existsSync(full) || statSync(full).size === 0) problems.push(`缺少或为空：${path}`);
		else if (path.endsWith('.html') && !readFileSync(full, 'utf8').trimEnd().endsWith('</html>'))
			problems.push(`不完整（没有 </html>）：${path}`);
	};
	for (const page of ['index.html', '404.html', 'data/index.html', 'search/index.html']) need(page);
	for (const code of new Set(entries.map((e) => e.code))) need(`townships/${code}/index.html`);
	for (const { code, year } of entries) {
		need(`townships/${code}/${year}/index.html`);
		need(`townships/${code}/${year}/record.json.gz`);
	}
	problems.push(
		...shardProblems(
			outDir,
			entries.map((e) => e.code),
		),
	);
	return problems;
}

/**
 * Bulk downloads that do not hold every one of the `reports`, counted while streaming
 * (download-counts.ts): a national file is never one string here. It needs only data/, so the
 * build runs it while Pagefind indexes the pages.
 */
export async function downloadProblems(outDir: string, reports: number): Promise<string[]> {
	const problems: string[] = [];
	// A national file too big to serve twice is there only gzipped (write-downloads.ts).
	const count = async (file: string, rows: (path: string) => Promise<number | null>) => {
		const path = join(outDir, file);
		if (!existsSync(path)) return problems.push(`缺少：${file}`);
		const found = await rows(path);
		if (found === null) problems.push(`不完整（文件没有结束）：${file}`);
		else if (found !== reports) problems.push(`${file} 有 ${found} 份报告，应为 ${reports}`);
	};
	await count('data/reports.csv', async (path) => (await csvCounts(path, 'id')).rows);
	await count('data/cells.csv.gz', async (path) => (await csvCounts(path, 'reportId')).distinct);
	await count('data/reports.json.gz', jsonArrayItems);
	return problems;
}
