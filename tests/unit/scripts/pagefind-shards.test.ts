/**
 * The search index in shards (scripts/lib/pagefind-shards.ts): which shards a site's pages make,
 * that every report page is in exactly one shard (by Pagefind's glob as well as by the plan), the
 * province names the manifest gives the search page, and the UI files dropped from each shard.
 */
import fc from 'fast-check';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	dropUnusedFiles,
	indexShards,
	MANIFEST,
	manifestFor,
	partitionOf,
	planShards,
	provinceName,
	sitePages,
	UNUSED_PAGEFIND_FILES,
} from '../../../scripts/lib/pagefind-shards.ts';

/** A site's pages: each township's page and one page per report year, plus national pages. */
function pagesOf(townships: { code: string; years: number[] }[]): string[] {
	return [
		'index.html',
		'search/index.html',
		'townships/index.html',
		'townships/p/14/index.html',
		'regions/14/index.html',
		...townships.flatMap(({ code, years }) => [
			`townships/${code}/index.html`,
			...years.map((y) => `townships/${code}/${y}/index.html`),
		]),
	];
}

const township = fc.record({
	code: fc.oneof(fc.stringMatching(/^[1-6][0-9]{8}$/), fc.stringMatching(/^x-[a-z0-9]{1,8}$/)),
	years: fc.uniqueArray(fc.integer({ min: 2008, max: 2030 }), { minLength: 1, maxLength: 7 }),
});
const site = fc.uniqueArray(township, { selector: (t) => t.code, maxLength: 60 });

describe('partitionOf', () => {
	it('is the province code of a township folder, x for other bodies, none for national pages', () => {
		expect(partitionOf('townships/140404101/index.html')).toBe('14');
		expect(partitionOf('townships/140404101/2023/index.html')).toBe('14');
		expect(partitionOf('townships/x-body/2023/index.html')).toBe('x');
		expect(partitionOf('townships/140404101/2023/index.html', 4)).toBe('1404');
		expect(partitionOf('townships/x-body/index.html', 4)).toBe('x');
		for (const page of ['index.html', 'townships/index.html', 'townships/p/14/index.html'])
			expect(partitionOf(page)).toBeNull();
		expect(partitionOf('regions/14/index.html')).toBeNull();
	});
});

describe('planShards', () => {
	it('puts every township and report page in exactly one shard, by plan and by glob', () => {
		fc.assert(
			fc.property(site, fc.integer({ min: 1, max: 40 }), fc.boolean(), (townships, max, pack) => {
				const pages = pagesOf(townships);
				const plan = planShards(pages, max, pack);
				const indexed = pages.filter(
					(p) =>
						p.startsWith('townships/') &&
						!p.startsWith('townships/p/') &&
						p !== 'townships/index.html',
				);
				// By the plan: the shards' pages are the indexed pages, each once.
				const planned = plan.flatMap((s) => s.pages);
				expect([...planned].sort()).toEqual([...indexed].sort());
				// By the glob Pagefind is given: each indexed page matches one shard's, national pages none.
				for (const page of pages) {
					const matching = plan.filter((s) => matchesGlob(page, s.glob)).map((s) => s.key);
					const shard = plan.find((s) => s.pages.includes(page));
					expect(matching).toEqual(shard ? [shard.key] : []);
				}
				// Keys are unique folder names.
				expect(new Set(plan.map((s) => s.key)).size).toBe(plan.length);
			}),
		);
	});

	it('one shard per province by default; packed neighbours and split provinces on request', () => {
		const townships = [
			{ code: '110101001', years: [2022, 2023] },
			{ code: '120101001', years: [2023] },
			{ code: '130101001', years: [2021, 2022, 2023, 2024] },
			{ code: '140404101', years: [2023] },
			{ code: 'x-body', years: [2023] },
		];
		const pages = pagesOf(townships);
		// Pages per province: 11 → 3, 12 → 2, 13 → 5, 14 → 2, x → 2.
		expect(planShards(pages).map((s) => [s.key, s.pages.length])).toEqual([
			['11', 3],
			['12', 2],
			['13', 5],
			['14', 2],
			['x', 2],
		]);
		const packed = planShards(pages, 5, true);
		expect(packed.map((s) => [s.key, s.partitions, s.pages.length])).toEqual([
			['11-12', ['11', '12'], 5],
			['13', ['13'], 5],
			['14-x', ['14', 'x'], 4],
		]);
		expect(packed[0]!.glob).toBe('townships/{11,12}*/**/*.html');
		expect(packed[2]!.glob).toBe('townships/{14,x-}*/**/*.html');
	});

	it('splits a province over the page budget into runs of its prefectures', () => {
		const townships = [
			{ code: '510104001', years: [2022, 2023] },
			{ code: '510105002', years: [2023] },
			{ code: '510301001', years: [2023, 2024] },
			{ code: '511402003', years: [2021, 2022, 2023, 2024] },
			{ code: '520102001', years: [2023] },
		];
		const pages = pagesOf(townships);
		// 四川: 5101 → 5 pages, 5103 → 3, 5114 → 5 (13 in all); 贵州 52 → 2.
		expect(planShards(pages, 8).map((s) => [s.key, s.partitions, s.pages.length])).toEqual([
			['5101-5103', ['5101', '5103'], 8],
			['5114', ['5114'], 5],
			['52', ['52'], 2],
		]);
		expect(planShards(pages, 8)[0]!.glob).toBe('townships/{5101,5103}*/**/*.html');
		// A prefecture over the budget is a shard of its own, never split or dropped.
		expect(planShards(pages, 1).map((s) => s.key)).toEqual(['5101', '5103', '5114', '5201']);
	});

	it('makes no shard for a site without township pages', () => {
		expect(planShards(pagesOf([]))).toEqual([]);
	});
});

describe('the manifest and the built site', () => {
	const meta = (name: string) =>
		`<meta name="pagefind-filter:省份" data-pagefind-filter="省份[content]" content="${name}">`;

	it('reads the 省份 filter a page declares', () => {
		expect(provinceName(`<head>${meta('山西省')}</head>`)).toBe('山西省');
		expect(
			provinceName(
				'<meta name="pagefind-filter:地市" data-pagefind-filter="地市[content]" content="长治市">',
			),
		).toBeNull();
		expect(provinceName(meta('A &amp; B'))).toBe('A & B');
	});

	it('lists the site’s township pages and names each shard’s provinces from them', () => {
		const dir = mkdtempSync(join(tmpdir(), 'shards-site-'));
		const put = (path: string, html: string) => {
			mkdirSync(dirname(join(dir, path)), { recursive: true });
			writeFileSync(join(dir, path), html);
		};
		put('index.html', '<html></html>');
		put('townships/index.html', '<html></html>');
		put('townships/140404101/index.html', meta('山西省'));
		put('townships/140404101/2023/index.html', meta('山西省'));
		put('townships/610881102/2022/index.html', meta('陕西省'));
		put('townships/610881102/index.html', meta('陕西省'));
		put('townships/x-body/2023/index.html', '<html></html>');
		const pages = sitePages(dir);
		expect([...pages].sort()).toEqual([
			'townships/140404101/2023/index.html',
			'townships/140404101/index.html',
			'townships/610881102/2022/index.html',
			'townships/610881102/index.html',
			'townships/index.html',
			'townships/x-body/2023/index.html',
		]);
		const manifest = manifestFor(dir, planShards(pages, 3, true));
		expect(manifest.shards).toEqual([
			{ key: '14', pages: 2, partitions: [{ code: '14', name: '山西省', pages: 2 }] },
			{
				key: '61-x',
				pages: 3,
				partitions: [
					{ code: '61', name: '陕西省', pages: 2 },
					{ code: 'x', name: null, pages: 1 },
				],
			},
		]);
	});

	it('drops Pagefind’s UI files from a shard and keeps the engine and the index', () => {
		const dir = mkdtempSync(join(tmpdir(), 'shards-ui-'));
		const kept = [
			'pagefind.js',
			'pagefind-worker.js',
			'pagefind-entry.json',
			'wasm.unknown.pagefind',
		];
		for (const file of [...kept, ...UNUSED_PAGEFIND_FILES]) writeFileSync(join(dir, file), 'x');
		mkdirSync(join(dir, 'index'));
		expect(dropUnusedFiles(dir).sort()).toEqual([...UNUSED_PAGEFIND_FILES].sort());
		expect(readdirSync(dir).sort()).toEqual([...kept, 'index'].sort());
	});

	it('the search page loads none of the dropped files', () => {
		const sources = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
				e.isDirectory() ? sources(join(dir, e.name)) : [join(dir, e.name)],
			);
		const text = sources('src')
			.map((f) => readFileSync(f, 'utf8'))
			.join('\n');
		for (const file of UNUSED_PAGEFIND_FILES) expect(text).not.toContain(file);
	});

	it('runs Pagefind once per shard, in order, and writes the manifest after the last', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'shards-run-'));
		const put = (path: string, html: string) => {
			mkdirSync(dirname(join(dir, path)), { recursive: true });
			writeFileSync(join(dir, path), html);
		};
		put('index.html', '<html></html>');
		put('townships/140404101/index.html', meta('山西省'));
		put('townships/140404101/2023/index.html', meta('山西省'));
		put('townships/610881102/index.html', meta('陕西省'));
		put('pagefind/stale.js', 'from an earlier run');
		const runs: string[][] = [];
		// Stands in for Pagefind: writes what it writes (engine, entry, UI files) where it is told.
		const fakePagefind = async (args: string[]) => {
			runs.push(args);
			expect(existsSync(join(dir, MANIFEST))).toBe(false);
			const out = join(dir, args[args.indexOf('--output-subdir') + 1]!);
			mkdirSync(out, { recursive: true });
			for (const file of ['pagefind.js', 'pagefind-entry.json', ...UNUSED_PAGEFIND_FILES])
				writeFileSync(join(out, file), 'x');
		};
		const manifest = await indexShards(dir, fakePagefind, { log: () => {} });
		expect(runs).toEqual([
			[
				'--site',
				dir,
				'--glob',
				'townships/14*/**/*.html',
				'--output-subdir',
				'pagefind/14',
				'--quiet',
			],
			[
				'--site',
				dir,
				'--glob',
				'townships/61*/**/*.html',
				'--output-subdir',
				'pagefind/61',
				'--quiet',
			],
		]);
		expect(manifest.shards.map((s) => [s.key, s.pages])).toEqual([
			['14', 2],
			['61', 1],
		]);
		expect(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'))).toEqual(manifest);
		// The old index is gone; each shard keeps its engine and index, not the UI files.
		expect(readdirSync(join(dir, 'pagefind')).sort()).toEqual(['14', '61', 'shards.json']);
		expect(readdirSync(join(dir, 'pagefind/61')).sort()).toEqual([
			'pagefind-entry.json',
			'pagefind.js',
		]);
	});

	it('writes an empty manifest for a site without township pages, running no Pagefind', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'shards-empty-'));
		writeFileSync(join(dir, 'index.html'), '<html></html>');
		const runs: string[][] = [];
		const manifest = await indexShards(dir, async (args) => void runs.push(args), {
			log: () => {},
		});
		expect(runs).toEqual([]);
		expect(manifest).toEqual({ shards: [] });
		expect(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'))).toEqual({ shards: [] });
	});
});
