/**
 * The search index in shards: one Pagefind run per group of provinces instead of one run over the
 * whole site. Pagefind holds every indexed page of a run in memory (about 0.45 MB per report), so
 * one run over 10k reports peaked at 7.65 GB and one over 50k was killed at 22 GB; runs one after
 * another over a province each peak at the largest province. The search page (src/client/) reads
 * `pagefind/shards.json`, loads only the shard of a chosen province, and otherwise merges all shards
 * at query time with Pagefind's `mergeIndex`.
 *
 * Only township and report pages (`townships/<code>/…`) carry `data-pagefind-body`; every other
 * page (home, lists, national pages) has none and is in no shard. A township's province is the
 * first two digits of its division code; a body that is not a township (`x-…`) goes to shard `x`.
 *
 * `planShards` decides (pure, tested); `indexShards` runs Pagefind per shard, drops the UI files
 * the search page never loads, and writes the manifest; `shardProblems` checks a built site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the manifest is published; the search page fetches it first. */
export const MANIFEST = 'pagefind/shards.json';

/**
 * Pagefind writes its ready-made UIs beside the JS API; the search page uses only the API
 * (pagefind.js, its worker, the wasm, the entry/meta/index/fragment/filter files).
 */
export const UNUSED_PAGEFIND_FILES = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-highlight.js',
] as const;

/**
 * Pages per shard above which a province is split by prefecture: Pagefind peaked at about
 * 0.67 MB per indexed page (7.96 GB for 11,929 pages; 0.69 GB for a shard of 996), so about
 * 5.4 GB per shard, within the 6 GB a 10k build may take and half the 50k budget.
 */
export const MAX_SHARD_PAGES = 8000;

export interface ShardPlan {
	/** Folder under pagefind/ and the name the search page uses: `11`, `11-12`, `5101-5107`, `x`. */
	key: string;
	/** Code prefixes in this shard, ascending: provinces (`11`), prefectures (`5101`), or `x`. */
	partitions: string[];
	/** Pagefind's --glob, relative to the site folder. */
	glob: string;
	/** The indexed pages (site-relative paths) in this shard. */
	pages: string[];
}

export interface ShardManifest {
	shards: {
		key: string;
		/** Each code prefix with the province name its pages' 省份 filter says (null: none). */
		partitions: { code: string; name: string | null; pages: number }[];
		pages: number;
	}[];
}

const TOWNSHIP_PAGE = /^townships\/([^/]+)\/(?:.+\/)?[^/]+\.html$/;

/**
 * The partition of an indexed page (`townships/<code>/index.html`, `townships/<code>/<year>/…`):
 * the province code (first two digits of a division code; four, the prefecture, with
 * `depth` 4), `x` for a non-township body, or null for a page outside the township folders (not
 * indexed).
 */
export function partitionOf(page: string, depth: 2 | 4 = 2): string | null {
	const match = TOWNSHIP_PAGE.exec(page.replace(/\\/g, '/'));
	if (!match) return null;
	const folder = match[1]!;
	if (/^\d{2}/.test(folder))
		return /^\d{4}/.test(folder) ? folder.slice(0, depth) : folder.slice(0, 2);
	if (folder.startsWith('x-')) return 'x';
	return null;
}

const globFor = (partitions: readonly string[]) => {
	const prefixes = partitions.map((p) => (p === 'x' ? 'x-' : p));
	const head = prefixes.length === 1 ? prefixes[0]! : `{${prefixes.join(',')}}`;
	return `townships/${head}*/**/*.html`;
};

const byCode = (a: string, b: string) => (a === 'x' ? 1 : b === 'x' ? -1 : a.localeCompare(b));

function groupBy(pages: readonly string[], key: (page: string) => string | null) {
	const groups = new Map<string, string[]>();
	for (const page of pages) {
		const k = key(page);
		if (k === null) continue;
		const list = groups.get(k) ?? [];
		list.push(page);
		groups.set(k, list);
	}
	return new Map([...groups].sort(([a], [b]) => byCode(a, b)));
}

/** Neighbouring groups (in code order) packed while they stay within `limit` pages. */
function pack(groups: Map<string, string[]>, limit: number): string[][] {
	const packs: string[][] = [];
	let size = 0;
	for (const [key, pages] of groups) {
		const last = packs.at(-1);
		if (last && size + pages.length <= limit) {
			last.push(key);
			size += pages.length;
		} else {
			packs.push([key]);
			size = pages.length;
		}
	}
	return packs;
}

/**
 * Groups the site's pages into shards: one per province; a province of more than `maxPages`
 * pages is split into runs of neighbouring prefectures of at most `maxPages` each (a prefecture
 * larger than that is a shard of its own, never split or dropped). With `packProvinces`,
 * neighbouring small provinces share a shard up to `maxPages`.
 */
export function planShards(
	pages: readonly string[],
	maxPages = MAX_SHARD_PAGES,
	packProvinces = false,
): ShardPlan[] {
	const provinces = groupBy(pages, (p) => partitionOf(p));
	const plans: { partitions: string[]; pages: string[] }[] = [];
	const small = new Map<string, string[]>();
	const flushSmall = () => {
		for (const partitions of packProvinces
			? pack(small, maxPages)
			: [...small.keys()].map((k) => [k]))
			plans.push({ partitions, pages: partitions.flatMap((k) => small.get(k)!) });
		small.clear();
	};
	for (const [province, list] of provinces) {
		if (list.length <= maxPages || province === 'x') {
			small.set(province, list);
			continue;
		}
		flushSmall();
		const prefectures = groupBy(list, (p) => partitionOf(p, 4));
		for (const partitions of pack(prefectures, maxPages))
			plans.push({ partitions, pages: partitions.flatMap((k) => prefectures.get(k)!) });
	}
	flushSmall();
	return plans.map(({ partitions, pages }) => ({
		key: partitions.length === 1 ? partitions[0]! : `${partitions[0]}-${partitions.at(-1)}`,
		partitions,
		glob: globFor(partitions),
		pages,
	}));
}

/** Every HTML file below `site`, relative to it. */
export function sitePages(site: string): string[] {
	const out: string[] = [];
	const visit = (dir: string, rel: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = rel ? `${rel}/${entry.name}` : entry.name;
			if (entry.isDirectory()) visit(join(dir, entry.name), path);
			else if (entry.name.endsWith('.html')) out.push(path);
		}
	};
	if (existsSync(join(site, 'townships'))) visit(join(site, 'townships'), 'townships');
	return out;
}

/** The 省份 filter value a page declares (<meta … data-pagefind-filter="省份[content]" content=…>). */
export function provinceName(html: string): string | null {
	for (const tag of html.match(/<meta\b[^>]*>/g) ?? []) {
		if (!tag.includes('省份[content]')) continue;
		const content = /\bcontent="([^"]*)"/.exec(tag)?.[1];
		if (content !== undefined)
			return content
				.replace(/&quot;/g, '"')
				.replace(/&#39;/g, "'")
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&amp;/g, '&');
	}
	return null;
}

/** Removes Pagefind's UI files from one shard's folder; returns how many bytes went. */
export function dropUnusedFiles(shardDir: string): string[] {
	const dropped: string[] = [];
	for (const file of UNUSED_PAGEFIND_FILES) {
		const path = join(shardDir, file);
		if (!existsSync(path)) continue;
		rmSync(path);
		dropped.push(file);
	}
	return dropped;
}

/** The manifest for a plan: each shard's provinces with their names, read from one page each. */
export function manifestFor(site: string, plan: readonly ShardPlan[]): ShardManifest {
	return {
		shards: plan.map((shard) => ({
			key: shard.key,
			pages: shard.pages.length,
			partitions: shard.partitions.map((code) => {
				const pages = shard.pages.filter((p) => inPartition(p, code));
				// A township's own page carries the filter metas like its report pages do.
				const sample = pages.find((p) => /^townships\/[^/]+\/index\.html$/.test(p)) ?? pages[0];
				const name = sample ? provinceName(readFileSync(join(site, sample), 'utf8')) : null;
				return { code, name, pages: pages.length };
			}),
		})),
	};
}

/** Whether a township page (or a township code, as `townships/<code>/`) is in a partition. */
const inPartition = (page: string, code: string) =>
	page.startsWith(`townships/${code === 'x' ? 'x-' : code}`);

/**
 * Indexes `site` shard by shard. `pagefind(args)` runs Pagefind's CLI with those arguments and
 * resolves when it exits 0 (build.ts passes its own runner, which stops the build on failure and
 * on Ctrl-C). Shards run one after another: peak memory is the largest shard's.
 */
export async function indexShards(
	site: string,
	pagefind: (args: string[]) => Promise<void>,
	options: { maxPages?: number; packProvinces?: boolean; log?: (line: string) => void } = {},
): Promise<ShardManifest> {
	const log = options.log ?? ((line: string) => console.log(line));
	const plan = planShards(sitePages(site), options.maxPages, options.packProvinces);
	rmSync(join(site, 'pagefind'), { recursive: true, force: true });
	for (const [i, shard] of plan.entries()) {
		log(`pagefind: 分片 ${i + 1}/${plan.length} ${shard.key}（${shard.pages.length} 页）`);
		await pagefind([
			'--site',
			site,
			'--glob',
			shard.glob,
			'--output-subdir',
			`pagefind/${shard.key}`,
			'--quiet',
		]);
		dropUnusedFiles(join(site, 'pagefind', shard.key));
	}
	const manifest = manifestFor(site, plan);
	// Also for a site without township pages (--allow-empty): the page then shows no results.
	mkdirSync(join(site, 'pagefind'), { recursive: true });
	writeFileSync(join(site, MANIFEST), `${JSON.stringify(manifest)}\n`);
	return manifest;
}

/**
 * What is missing from a built site's search index: the manifest, any shard's engine or entry
 * file, or a shard holding fewer pages than its provinces have reports (`reportCodes`: the
 * township code of every report). Messages in Chinese.
 */
export function shardProblems(site: string, reportCodes: readonly string[]): string[] {
	const path = join(site, MANIFEST);
	if (!existsSync(path)) return [`缺少搜索索引清单：${MANIFEST}`];
	let manifest: ShardManifest;
	try {
		manifest = JSON.parse(readFileSync(path, 'utf8')) as ShardManifest;
	} catch {
		return [`搜索索引清单无法读取：${MANIFEST}`];
	}
	const problems: string[] = [];
	const unplaced = new Set(reportCodes.map((_, i) => i));
	for (const shard of manifest.shards) {
		const dir = `pagefind/${shard.key}`;
		if (!existsSync(join(site, dir, 'pagefind.js'))) problems.push(`缺少：${dir}/pagefind.js`);
		let reports = 0;
		for (const i of unplaced)
			if (shard.partitions.some((p) => inPartition(`townships/${reportCodes[i]}/`, p.code))) {
				reports++;
				unplaced.delete(i);
			}
		const entry = join(site, dir, 'pagefind-entry.json');
		if (!existsSync(entry)) {
			problems.push(`缺少搜索索引：${dir}/pagefind-entry.json`);
			continue;
		}
		const languages = (
			JSON.parse(readFileSync(entry, 'utf8')) as {
				languages: Record<string, { page_count: number }>;
			}
		).languages;
		const pages = Object.values(languages).reduce((sum, l) => sum + l.page_count, 0);
		if (pages < reports)
			problems.push(`搜索索引分片 ${shard.key} 只有 ${pages} 页，少于其 ${reports} 份报告`);
	}
	if (unplaced.size > 0) {
		const first = reportCodes[[...unplaced][0]!];
		problems.push(`搜索索引没有分片收录 ${unplaced.size} 份报告（如 ${first}）`);
	}
	return problems;
}
