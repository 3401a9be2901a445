/**
 * `npm run build` publishes all or nothing (issue 13.2, 13.3): Astro always writes below the
 * checkout (no prerender rename across filesystems), a folder moves across devices by copying,
 * a built folder is swapped in only when every report has its pages, every download one row
 * per report and the search index is there, and an empty collection stops the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	astroRun,
	buildFolder,
	downloadProblems,
	moveFolder,
	pageProblems,
	siteProblems,
	staleBuildFolders,
	withAstroHeap,
	type CollectionEntry,
} from '../../../scripts/lib/site-build.ts';
import { toCsv } from '../../../src/lib/site/csv.ts';

const project = '/work/checkout';

describe('where Astro builds', () => {
	it('always below the checkout, so its prerender folder never crosses a filesystem', () => {
		for (const root of [project, '/tmp/other-site', '/mnt/usb/site']) {
			const out = buildFolder(project, root, '123-abcd');
			expect(out.startsWith(`${project}/`)).toBe(true);
			const run = astroRun(project, root, out, {});
			expect(run.cwd).toBe(project);
			expect(run.env['PORTAL_OUT_DIR']).toBe(out);
			expect(run.env['PORTAL_ROOT']).toBe(root === project ? undefined : root);
		}
		// Two roots built at once get two folders.
		expect(buildFolder(project, '/tmp/a', '1-a')).not.toBe(buildFolder(project, '/tmp/b', '2-b'));
	});

	it('gives Astro three quarters of the memory as heap, unless NODE_OPTIONS sets it', () => {
		const gb = 2 ** 30;
		expect(withAstroHeap(undefined, 24 * gb)).toBe('--max-old-space-size=18432');
		expect(withAstroHeap('--enable-source-maps', 8 * gb)).toBe(
			'--enable-source-maps --max-old-space-size=6144',
		);
		expect(withAstroHeap('--max-old-space-size=2048', 24 * gb)).toBe('--max-old-space-size=2048');
		const run = astroRun(project, project, join(project, 'dist.tmp-1'), {}, 4 * gb);
		expect(run.env['NODE_OPTIONS']).toBe('--max-old-space-size=3072');
	});

	it('names the folders of killed runs for removal, and only those', () => {
		const dir = mkdtempSync(join(tmpdir(), 'build-stale-'));
		mkdirSync(join(dir, '.build/111-aa'), { recursive: true });
		mkdirSync(join(dir, '.build/222-bb'), { recursive: true });
		expect(staleBuildFolders(dir, (pid) => pid === 222)).toEqual([join(dir, '.build/111-aa')]);
	});
});

describe('moveFolder', () => {
	it('moves a folder to another filesystem by copying it (rename would fail with EXDEV)', () => {
		expect(statSync('/dev/shm').dev).not.toBe(statSync(tmpdir()).dev);
		const from = join(mkdtempSync(join(tmpdir(), 'move-from-')), 'site');
		mkdirSync(join(from, 'a/b'), { recursive: true });
		writeFileSync(join(from, 'a/b/index.html'), '<html></html>');
		const to = join(mkdtempSync('/dev/shm/move-to-'), 'site');
		moveFolder(from, to);
		expect(readFileSync(join(to, 'a/b/index.html'), 'utf8')).toBe('<html></html>');
		expect(existsSync(from)).toBe(false);
	});
});

/** A built site with every page, download and index a complete build has, for `entries`. */
function fakeSite(entries: CollectionEntry[]): string {
	const out = mkdtempSync(join(tmpdir(), 'site-check-'));
	const put = (path: string, text: string) => {
		mkdirSync(dirname(join(out, path)), { recursive: true });
		writeFileSync(join(out, path), path.endsWith('.gz') ? gzipSync(text) : text);
	};
	const html = '<!doctype html><html><body>x</body></html>\n';
	for (const page of ['index.html', '404.html', 'data/index.html', 'search/index.html'])
		put(page, html);
	for (const { code, year, id } of entries) {
		put(`townships/${code}/index.html`, html);
		put(`townships/${code}/${year}/index.html`, html);
		put(`townships/${code}/${year}/record.json.gz`, `{"id":"${id}"}`);
	}
	put(
		'data/reports.csv',
		toCsv(
			['id'],
			entries.map((e) => [e.id]),
		),
	);
	put(
		'data/cells.csv.gz',
		toCsv(
			['reportId', 'path'],
			entries.flatMap((e) => [
				[e.id, 'a'],
				[e.id, 'b'],
			]),
		),
	);
	put('data/reports.json.gz', JSON.stringify({ reports: entries.map((e) => ({ id: e.id })) }));
	// The search index in shards, one per province (first two code digits; `x-` bodies in `x`).
	const shards = new Map<string, number>();
	for (const { code } of entries) {
		const key = code.startsWith('x-') ? 'x' : code.slice(0, 2);
		shards.set(key, (shards.get(key) ?? 0) + 1);
	}
	put(
		'pagefind/shards.json',
		JSON.stringify({
			shards: [...shards].map(([key, n]) => ({
				key,
				pages: n + 1,
				partitions: [{ code: key, name: null, pages: n + 1 }],
			})),
		}),
	);
	for (const [key, n] of shards) {
		put(`pagefind/${key}/pagefind.js`, 'export {}');
		put(
			`pagefind/${key}/pagefind-entry.json`,
			JSON.stringify({ languages: { 'zh-cn': { page_count: n + 1 } } }),
		);
	}
	return out;
}

const ENTRIES: CollectionEntry[] = [
	{ id: '610881102-2022', code: '610881102', year: 2022 },
	{ id: '610881102-2023', code: '610881102', year: 2023 },
	{ id: 'x-body-2023', code: 'x-body', year: 2023 },
];

describe('siteProblems', () => {
	it('passes a complete site', async () => {
		expect(await siteProblems(fakeSite(ENTRIES), ENTRIES)).toEqual([]);
	});

	it('splits into page problems and download problems (the build checks the downloads while Pagefind runs)', async () => {
		const out = fakeSite(ENTRIES);
		writeFileSync(join(out, 'data/reports.csv'), toCsv(['id'], [[ENTRIES[0]!.id]]));
		spawnSync('rm', [join(out, 'townships/610881102/index.html')]);
		expect(pageProblems(out, ENTRIES)).toEqual(['缺少或为空：townships/610881102/index.html']);
		expect(await downloadProblems(out, ENTRIES.length)).toEqual([
			'data/reports.csv 有 1 份报告，应为 3',
		]);
	});

	it('finds a missing report page, a truncated page, a short download and a missing index', async () => {
		const out = fakeSite(ENTRIES);
		const rm = (p: string) => spawnSync('rm', ['-rf', join(out, p)]);
		rm('townships/610881102/2022/index.html');
		writeFileSync(join(out, 'townships/x-body/2023/index.html'), '<!doctype html><html><body>');
		writeFileSync(join(out, 'data/reports.csv'), toCsv(['id'], [[ENTRIES[0]!.id]]));
		rm('pagefind/61/pagefind-entry.json');
		const problems = (await siteProblems(out, ENTRIES)).join('\n');
		expect(problems).toContain('townships/610881102/2022/index.html');
		expect(problems).toContain('不完整（没有 </html>）：townships/x-body/2023/index.html');
		expect(problems).toContain('data/reports.csv 有 1 份报告，应为 3');
		expect(problems).toContain('缺少搜索索引：pagefind/61/pagefind-entry.json');
	});

	it('checks every search shard: a shard short of its reports, a missing engine, no manifest', async () => {
		const out = fakeSite(ENTRIES);
		writeFileSync(
			join(out, 'pagefind/x/pagefind-entry.json'),
			JSON.stringify({ languages: { 'zh-cn': { page_count: 0 } } }),
		);
		spawnSync('rm', [join(out, 'pagefind/61/pagefind.js')]);
		expect(await siteProblems(out, ENTRIES)).toEqual([
			'缺少：pagefind/61/pagefind.js',
			'搜索索引分片 x 只有 0 页，少于其 1 份报告',
		]);
		spawnSync('rm', [join(out, 'pagefind/shards.json')]);
		expect(await siteProblems(out, ENTRIES)).toEqual(['缺少搜索索引清单：pagefind/shards.json']);
	});

	it('finds reports of a province no shard holds', async () => {
		const out = fakeSite(ENTRIES);
		const more: CollectionEntry[] = [
			...ENTRIES,
			{ id: '140404101-2023', code: '140404101', year: 2023 },
		];
		expect((await siteProblems(out, more)).join('\n')).toContain(
			'搜索索引没有分片收录 1 份报告（如 140404101）',
		);
	});

	it('finds a truncated reports.json.gz', async () => {
		const out = fakeSite(ENTRIES);
		const whole = JSON.stringify({ reports: ENTRIES.map((e) => ({ id: e.id })) });
		writeFileSync(join(out, 'data/reports.json.gz'), gzipSync(whole.slice(0, -2)));
		expect(await siteProblems(out, ENTRIES)).toEqual([
			'不完整（文件没有结束）：data/reports.json.gz',
		]);
	});

	it('counts reports in cells.csv.gz by their id, and rows of reports.json.gz', async () => {
		const out = fakeSite(ENTRIES);
		writeFileSync(join(out, 'data/reports.json.gz'), gzipSync(JSON.stringify({ reports: [] })));
		expect(await siteProblems(out, ENTRIES)).toEqual(['data/reports.json.gz 有 0 份报告，应为 3']);
		writeFileSync(
			join(out, 'data/cells.csv.gz'),
			gzipSync(toCsv(['reportId'], [[ENTRIES[1]!.id], [ENTRIES[1]!.id]])),
		);
		expect(await siteProblems(out, ENTRIES)).toContain('data/cells.csv.gz 有 1 份报告，应为 3');
	});
});

describe('npm run build on an empty collection', () => {
	it('stops with a message naming --allow-empty, and publishes nothing', () => {
		const root = mkdtempSync(join(tmpdir(), 'build-empty-'));
		mkdirSync(join(root, 'content/reports'), { recursive: true });
		const run = spawnSync(process.execPath, ['scripts/build.ts', '--root', root], {
			encoding: 'utf8',
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('--allow-empty');
		expect(existsSync(join(root, 'dist'))).toBe(false);
		expect(existsSync(join(root, 'dist.lock'))).toBe(false);
	}, 60_000); // a child process: slow on a busy machine
});
