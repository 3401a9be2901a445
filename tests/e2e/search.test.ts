/**
 * The search page against the built seed site, at desktop and phone width: what the cards say,
 * which pages a table label finds (derived from the record.json files the site publishes, never
 * from the parser's output), the no-result tips, paging by ten, layout stability and the page
 * without JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/lib/model/record.ts';
import {
	DIST,
	generatedEntries,
	reportPath,
	seedEntry,
	startHarness,
	townshipPath,
	type Harness,
} from './harness.ts';

const VIEWPORTS = {
	desktop: { width: 1280, height: 900 },
	phone: { width: 390, height: 844 },
} as const;

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

interface Shown {
	links: string[];
	status: string;
	cards: { href: string; title: string; year: string; region: string; excerpt: string }[];
	moreVisible: boolean;
	tipsVisible: boolean;
	errors: string[];
}

/** Waits until the live region has announced the outcome of the search in the address bar. */
async function settled(page: Page): Promise<void> {
	await page.waitForFunction(
		() => /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
		undefined,
		{ timeout: 20_000 },
	);
}

async function shownOn(page: Page): Promise<Omit<Shown, 'errors'>> {
	await settled(page);
	const cards = await page.$$eval('#search-list > li', (items) =>
		items.map((li) => ({
			href: new URL(li.querySelector('a')!.href).pathname,
			title: li.querySelector('.result-title')?.textContent ?? '',
			year: li.querySelector('.result-year')?.textContent ?? '',
			region: li.querySelector('.result-region')?.textContent ?? '',
			excerpt: li.querySelector('.result-excerpt')?.textContent ?? '',
		})),
	);
	return {
		links: cards.map((c) => c.href),
		status: (await page.textContent('#search-status')) ?? '',
		cards,
		moreVisible: await page.isVisible('#search-more'),
		tipsVisible: await page.isVisible('#search-empty'),
	};
}

/** Searches like a reader arriving from the header form (?q=). */
async function search(
	query: string,
	viewport: { width: number; height: number } = VIEWPORTS.desktop,
	extra = '',
): Promise<Shown> {
	const { context, page, errors } = await h.open(
		`/search/?q=${encodeURIComponent(query)}${extra}`,
		viewport,
	);
	const shown = await shownOn(page);
	await context.close();
	return { ...shown, errors };
}

/** axe's violations on the page as it is now, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
}

/** The record a report page publishes beside itself (what a reader can download). */
function publishedRecord(path: string): ReportRecord {
	const file = JSON.parse(
		gunzipSync(readFileSync(join(DIST, path, 'record.json.gz'))).toString('utf8'),
	) as {
		record: ReportRecord;
	};
	return file.record;
}

const regionOf = (e: ReturnType<typeof seedEntry>) =>
	[e.township.province, e.township.prefecture, e.township.county]
		.filter((p) => p !== null)
		.map((p) => p.name)
		.join(' › ');

describe('search', () => {
	it('finds 店塔镇 by name: its township page and its report', async () => {
		const dianta = seedEntry('店塔镇', 2023);
		const { links, errors } = await search('店塔镇');
		expect(links).toContain(reportPath(dianta));
		expect(links).toContain(townshipPath(dianta));
		// No other township's pages mention 店塔镇.
		expect(links.every((l) => l.startsWith(townshipPath(dianta)))).toBe(true);
		expect(errors).toEqual([]);
	});

	it.each(Object.entries(VIEWPORTS))(
		'cards carry the township, year and region (%s)',
		async (_, viewport) => {
			const { cards, status } = await search('申请', viewport);
			const entries = generatedEntries();
			const reportCards = cards.filter((c) => /^\/townships\/\w+\/\d{4}\/$/.test(c.href));
			expect(reportCards.length).toBeGreaterThan(0);
			for (const card of reportCards) {
				const entry = entries.find((e) => reportPath(e) === card.href)!;
				expect(entry, card.href).toBeDefined();
				expect(card.year).toBe(`${entry.year} 年`);
				expect(card.region).toBe(regionOf(entry));
				expect(card.title).toContain(entry.township.name);
				expect(card.excerpt.length).toBeGreaterThan(0);
			}
			expect(status).toMatch(new RegExp(`找到 ${cards.length} 份报告/页面`));
		},
	);

	it('excerpts quote the report’s prose, not the 要点 sentences or the fixed section headings', async () => {
		const { cards } = await search('公开');
		expect(cards.length).toBeGreaterThan(0);
		for (const card of cards) {
			expect(card.excerpt).not.toMatch(/二、主动公开政府信息情况\s*三、/);
			expect(card.excerpt).not.toMatch(/年新收政府信息公开申请 \d+ 件/);
		}
	});

	it('行政处罚 finds exactly the reports whose record prints a non-zero 行政处罚 figure (or whose prose names it)', async () => {
		const entries = generatedEntries();
		const expected = entries
			.filter((e) => {
				const record = publishedRecord(reportPath(e));
				const penalty = [
					...Object.values(record.table2?.penalty ?? {}),
					...Object.values(record.table2v2019?.penalty ?? {}),
				];
				const prose = Object.values(record.sections).some((s) => s.text.includes('行政处罚'));
				return penalty.some((v) => typeof v === 'number' && v !== 0) || prose;
			})
			.map(reportPath)
			.sort();
		// 旧县镇 2023 printed 16 penalty decisions; the other seeds printed 0.
		expect(expected).toContain(reportPath(seedEntry('旧县镇', 2023)));
		expect(expected.length).toBeLessThan(entries.length);
		const { links, cards } = await search('行政处罚');
		expect(links.filter((l) => /\/\d{4}\/$/.test(l)).sort()).toEqual(expected);
		const jiuxian = cards.find((c) => c.href === reportPath(seedEntry('旧县镇', 2023)))!;
		expect(jiuxian.excerpt).toMatch(/行政处罚 16 件/);
	});

	it('finds 政务公开 in the reports whose text uses the phrase, those first', async () => {
		const withPhrase = generatedEntries()
			.filter((e) => Object.values(e.record.sections).some((s) => s.text.includes('政务公开')))
			.map(reportPath);
		expect(withPhrase.length).toBeGreaterThan(0);
		const { links } = await search('政务公开');
		expect(links.slice(0, withPhrase.length).sort()).toEqual([...withPhrase].sort());
	});

	it.each(Object.entries(VIEWPORTS))(
		'a query with no hits shows the tips and links onward (%s)',
		async (_, viewport) => {
			const { links, status, tipsVisible, moreVisible } = await search('雪豹潜水艇', viewport);
			expect(links).toEqual([]);
			expect(status).toContain('没有找到');
			expect(tipsVisible).toBe(true);
			expect(moreVisible).toBe(false);
			const { context, page } = await h.open(
				`/search/?q=${encodeURIComponent('雪豹潜水艇')}`,
				viewport,
			);
			await settled(page);
			const hrefs = await page.$$eval('#search-empty a', (as) =>
				as.map((a) => a.getAttribute('href')),
			);
			expect(hrefs).toEqual(expect.arrayContaining(['/townships/', '/years/']));
			expect(await axeViolations(page)).toEqual([]);
			await context.close();
		},
	);

	it('filters from the address bar: ?year= keeps only that year’s reports', async () => {
		// Every report page's title says 年度报告, so the year filter alone decides.
		const { links, status } = await search('年度报告', VIEWPORTS.desktop, '&year=2023');
		const of2023 = generatedEntries()
			.filter((e) => e.year === 2023)
			.map(reportPath)
			.sort();
		expect([...links].sort()).toEqual(of2023);
		expect(status).toContain('已按所选条件筛选');
	});

	it('?province= searches only that province’s shard and finds only its pages', async () => {
		const context = await h.browser.newContext();
		const page = await context.newPage();
		// The shard folders of the index and excerpt chunks the page fetched.
		const chunks = new Set<string>();
		context.on('request', (request) => {
			const m = /\/pagefind\/([^/]+)\/(?:index|fragment)\//.exec(new URL(request.url()).pathname);
			if (m) chunks.add(m[1]!);
		});
		await page.goto(
			`${h.server.origin}/search/?q=${encodeURIComponent('年度报告')}&province=${encodeURIComponent('山西省')}`,
		);
		const { links } = await shownOn(page);
		await page.waitForLoadState('networkidle');
		await context.close();
		const shanxi = generatedEntries().filter((e) => e.township.province?.name === '山西省');
		expect(shanxi.length).toBeGreaterThan(0);
		expect(links).toEqual(expect.arrayContaining(shanxi.map(reportPath)));
		expect(links.every((u) => shanxi.some((e) => u.startsWith(townshipPath(e))))).toBe(true);
		// Shanxi's township codes start with its province code, the name of its shard's folder.
		const codes = new Set(shanxi.map((e) => e.township.code.slice(0, 2)));
		expect([...chunks].every((key) => key.split('-').some((c) => codes.has(c)))).toBe(true);
		expect(chunks.size).toBe(1);
	});

	it('filters by year and by region through the index', async () => {
		const { context, page } = await h.open('/search/');
		// A string, not a function: vitest would rewrite a dynamic import() inside a function body.
		const byFilter = (await page.evaluate(`(async () => {
			// The index is in shards (one per province): the first shard's engine, the others merged.
			const { shards } = await (await fetch('/pagefind/shards.json')).json();
			const module = await import('/pagefind/' + shards[0].key + '/pagefind.js');
			const pagefind = module.createInstance({ basePath: '/pagefind/' + shards[0].key + '/' });
			for (const shard of shards.slice(1)) await pagefind.mergeIndex('/pagefind/' + shard.key + '/');
			const urls = async (filters) => {
				const search = await pagefind.search('年度报告', { filters });
				return Promise.all(search.results.map(async (r) => (await r.data()).url));
			};
			return { year2023: await urls({ 年份: '2023' }), shanxi: await urls({ 省份: '山西省' }), filters: await pagefind.filters() };
		})()`)) as { year2023: string[]; shanxi: string[]; filters: Record<string, unknown> };
		await context.close();
		const entries = generatedEntries();
		expect(byFilter.year2023.sort()).toEqual(
			entries
				.filter((e) => e.year === 2023)
				.map(reportPath)
				.sort(),
		);
		const shanxi = entries.filter((e) => e.township.province?.name === '山西省');
		expect(byFilter.shanxi.length).toBeGreaterThanOrEqual(shanxi.length);
		expect(byFilter.shanxi.every((u) => shanxi.some((e) => u.startsWith(townshipPath(e))))).toBe(
			true,
		);
		expect(Object.keys(byFilter.filters)).toEqual(
			expect.arrayContaining(['年份', '省份', '地市', '区县']),
		);
	});

	it('the year filter offers the years the index holds', async () => {
		const { context, page } = await h.open('/search/');
		await page.waitForFunction(
			() => (document.querySelector('#search-year') as HTMLSelectElement).options.length > 1,
		);
		const years = await page.$$eval('#search-year option', (os) =>
			os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''),
		);
		await context.close();
		const expected = [...new Set(generatedEntries().map((e) => String(e.year)))].sort().reverse();
		expect(years).toEqual(expected);
	});
});

describe('paging: ten cards, then 加载更多', () => {
	it('shows no 加载更多 when a search finds ten or fewer pages', async () => {
		const { cards, moreVisible, status } = await search('申请');
		const total = Number(/找到 (\d+)/.exec(status)?.[1]);
		expect(total).toBeLessThanOrEqual(10);
		expect(cards).toHaveLength(total);
		expect(moreVisible).toBe(false);
	});

	it('with 23 hits: 10 cards, then 20, then 23, phrase hits first; data() only for what is shown', async () => {
		// The seed site has only ten indexed pages, so the engine is replaced by a stand-in with 23
		// hits (ten of them exact phrase hits) that counts how often a result's data is loaded; the
		// page code under test is the real one.
		const total = 23;
		const fake = `
			const hits = Array.from({ length: ${total} }, (_, i) => ({
				id: 'p' + i,
				data: async () => {
					globalThis.__dataCalls = (globalThis.__dataCalls ?? 0) + 1;
					return { url: '/townships/x' + i + '/2023/', excerpt: '第 ' + i + ' 个<mark>结果</mark>',
						meta: { title: '结果 ' + i, township: '某镇', year: '2023', region: '某省 › 某市 › 某县', kind: '报告' } };
				},
			}));
			export const createInstance = () => ({
				options: async () => {},
				mergeIndex: async () => {},
				filters: async () => ({ 年份: { 2023: ${total} } }),
				preload: async () => {},
				search: async (term) => term && term.startsWith('"')
					? { results: hits.slice(13), filters: {} }
					: { results: hits, filters: { 年份: { 2023: ${total} } } },
			});
		`;
		const context = await h.browser.newContext({ viewport: VIEWPORTS.phone });
		await context.route('**/pagefind/*/pagefind.js', (route) =>
			route.fulfill({ contentType: 'text/javascript', body: fake }),
		);
		const page = await context.newPage();
		await page.goto(`${h.server.origin}/search/?q=${encodeURIComponent('结果')}`);
		await settled(page);
		const count = () => page.$$eval('#search-list > li', (li) => li.length);
		const calls = () => page.evaluate(() => (globalThis as { __dataCalls?: number }).__dataCalls);
		expect(await page.textContent('#search-status')).toContain(
			`找到 ${total} 份报告/页面，其中 10 份含完整的“结果”`,
		);
		expect(await count()).toBe(10);
		expect(await calls()).toBe(10);
		// The ten exact phrase hits (13–22) come first, then the others in the engine's order.
		expect(await page.textContent('#search-list > li:first-child a')).toBe('结果 13');
		expect(await page.isVisible('#search-more')).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await page.click('#search-more');
		await page.waitForFunction(() => document.querySelectorAll('#search-list > li').length === 20);
		expect(await calls()).toBe(20);
		// Focus moves to the first new card.
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('结果 0');
		await page.click('#search-more');
		await page.waitForFunction(() => document.querySelectorAll('#search-list > li').length === 23);
		expect(await page.isVisible('#search-more')).toBe(false);
		expect(await calls()).toBe(total);
		await context.close();
	});
});

describe('stability and fallbacks', () => {
	it.each(Object.entries(VIEWPORTS))(
		'results arrive without moving the page (%s): layout shift below 0.01',
		async (_, viewport) => {
			const context = await h.browser.newContext({ viewport });
			await context.addInitScript(() => {
				const w = window as unknown as { __cls: number };
				w.__cls = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & {
						value: number;
						hadRecentInput: boolean;
					})[])
						if (!entry.hadRecentInput) w.__cls += entry.value;
				}).observe({ type: 'layout-shift', buffered: true });
			});
			const page = await context.newPage();
			await page.goto(`${h.server.origin}/search/?q=${encodeURIComponent('申请')}`, {
				waitUntil: 'networkidle',
			});
			await settled(page);
			await page.waitForTimeout(300);
			const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
			await context.close();
			expect(cls).toBeLessThan(0.01);
		},
	);

	it('without JavaScript the page says search needs it and links to the township directory', async () => {
		const context = await h.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${h.server.origin}/search/?q=x`);
		expect(await page.isVisible('#search-form')).toBe(false);
		expect(await page.textContent('main')).toContain('搜索需要浏览器启用 JavaScript');
		expect(await page.isVisible('.search-nojs a[href="/townships/"]')).toBe(true);
		await context.close();
	});
});
