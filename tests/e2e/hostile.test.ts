/**
 * A report written to attack its readers (tests/fixtures/hostile/: <script>, <img onerror>,
 * javascript: links, MDX braces, front-matter markers, HTML entities, a 20,000-character line in
 * its title, sections and a table label) is built into a site of its own, and every page that
 * shows its text is opened in Chromium: the text must appear literally and nothing in it may run.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../src/lib/model/entry.ts';
import { buildSiteFrom, type BuiltSite } from './build-site.ts';
import {
	DIST,
	fetchGunzipped,
	reportPath,
	startHarness,
	townshipPath,
	type Harness,
} from './harness.ts';
import { htmlProblems } from './site-files.ts';

const FIXTURE = 'tests/fixtures/hostile/content';
/** Exactly as written in the fixture (reports/hostile.txt). */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS_LINK = '<a href="javascript:window.__pwned=true;alert(1)">点此查看</a>';
const MDX = '{alert(1)} {/* 注释 */} {window.__pwned=true}';
const ENTITIES = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp; &#x3C;b&#x3E;';
const SEARCH_WORD = '恶意样本甲';

let site: BuiltSite;
let entry: ReportEntry;
/** The report's source text, from its detail file. */
let sourceText: string;
let h: Harness;

beforeAll(async () => {
	site = buildSiteFrom(FIXTURE);
	expect(site.entries).toHaveLength(1);
	entry = site.entries[0]!;
	sourceText = site.details[0]!.sourceText;
	h = await startHarness(site.dist);
}, 180_000);
afterAll(async () => {
	await h?.close();
	if (site) rmSync(site.root, { recursive: true, force: true });
});

/** Opens a page with traps set: any dialog, a window.__pwned marker, or a blocked inline script is recorded. */
async function openTrapped(
	path: string,
): Promise<{ page: Page; dialogs: string[]; close: () => Promise<void> }> {
	const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(`${d.type()}: ${d.message()}`);
		void d.dismiss();
	});
	await page.goto(h.server.origin + path, { waitUntil: 'networkidle' });
	return { page, dialogs, close: () => context.close() };
}

/** Nothing from the report became live markup: no handler attributes, no javascript: URLs, no report script. */
async function liveMarkup(page: Page) {
	return page.evaluate(() => ({
		pwned: (window as unknown as { __pwned?: unknown }).__pwned,
		handlers: [...document.querySelectorAll('*')].flatMap((el) =>
			[...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
		),
		javascriptUrls: [...document.querySelectorAll('[href], [src], [action]')]
			.map(
				(el) =>
					el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '',
			)
			.filter((url) => /^\s*javascript:/i.test(url)),
		reportScripts: [...document.scripts].filter((s) => /alert|__pwned/.test(s.textContent ?? ''))
			.length,
		images: document.querySelectorAll('img').length,
	}));
}

async function expectInert(page: Page, dialogs: string[]) {
	// Give a deferred handler (an <img onerror> fires after the failed load) time to fire.
	await page.waitForTimeout(300);
	const live = await liveMarkup(page);
	expect(dialogs).toEqual([]);
	expect(live).toEqual({
		pwned: undefined,
		handlers: [],
		javascriptUrls: [],
		reportScripts: 0,
		images: 0,
	});
}

describe('a hostile report', () => {
	it('is published: the ingest keeps it and it gets its pages', () => {
		expect(site.ingestLog).toMatch(/1 written, 0 rejected, 0 skipped/);
		expect(entry.record.metadata.title).toContain('<script');
		expect(entry.record.sections.overview.text).toContain(SCRIPT);
		// The 20,000-character line is kept whole.
		expect(sourceText.split('\n').some((line) => line.length >= 20_000)).toBe(true);
	});

	it('never reaches the public site (dist/ and content/generated/ are untouched)', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap((f) =>
				statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)],
			);
		const leaked = files(DIST).filter(
			(f) => /\.(html|json|csv|xml)$/.test(f) && readFileSync(f, 'utf8').includes(SEARCH_WORD),
		);
		expect(leaked).toEqual([]);
	});

	it('shows its text literally on the report page, and none of it runs', async () => {
		const { page, dialogs, close } = await openTrapped(reportPath(entry));
		// Scroll through so lazy code (charts) runs too.
		await page.evaluate(async () => {
			for (let y = 0; y < document.body.scrollHeight; y += 2000) window.scrollTo(0, y);
		});
		const text = await page.evaluate(() => document.body.innerText);
		for (const literal of [
			SCRIPT,
			IMG,
			JS_LINK,
			MDX,
			ENTITIES,
			entry.record.metadata.title!,
			'---\ntitle: "<script>alert(1)</script>"',
		])
			expect(text, literal).toContain(literal);
		// The label as printed in Table 2 is shown in the source text.
		expect(text).toContain('行政处罚<img src=x onerror="window.__pwned=true">');
		// The long line: whole, and it does not push the page sideways.
		const longLine = sourceText.split('\n').find((line) => line.length >= 20_000)!;
		expect(text.replace(/\s+/g, '')).toContain(longLine.replace(/\s+/g, ''));
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
		).toBe(true);
		await expectInert(page, dialogs);
		await close();
	});

	it.each([
		['home', () => '/'],
		['township list', () => '/townships/'],
		['township', () => townshipPath(entry)],
		['year', () => `/years/${entry.year}/`],
		['county', () => `/regions/${entry.township.county!.code}/`],
		['province', () => `/regions/${entry.township.province!.code}/`],
		['data', () => '/data/'],
		['tracker', () => '/tracker/'],
		['compare', () => `/compare/?t=${entry.township.code}`],
	])('%s page: nothing from the report runs', async (_, path) => {
		const { page, dialogs, close } = await openTrapped(path());
		await expectInert(page, dialogs);
		await close();
	});

	it('search: the excerpt shows the text literally and nothing in it runs', async () => {
		const { page, dialogs, close } = await openTrapped(
			`/search/?q=${encodeURIComponent(SEARCH_WORD)}`,
		);
		await page.waitForSelector('#search-list a[href]', { timeout: 20_000 });
		const results = page.locator('#search-list');
		await expect.poll(() => results.innerText(), { timeout: 10_000 }).toContain(SEARCH_WORD);
		const shown = await results.innerText();
		// The excerpt around the word carries the markup-like text as text.
		expect(shown).toMatch(/<script>|<img src=x/);
		expect(
			await page.$$eval('#search-list a[href]', (as) =>
				as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
			),
		).toContain(reportPath(entry));
		await expectInert(page, dialogs);
		await close();
	});

	it('leaves every page valid HTML (markup-like text cannot open or close an element)', async () => {
		expect(await htmlProblems(site.dist)).toEqual([]);
	}, 60_000);

	it('downloads keep the text as data: record.json.gz and reports.json.gz give it back exactly', async () => {
		const get = async (path: string) => {
			const response = await fetch(h.server.origin + path);
			expect(response.status, path).toBe(200);
			return response.text();
		};
		const record = JSON.parse(
			await fetchGunzipped(`${h.server.origin}${reportPath(entry)}record.json.gz`),
		) as ReportEntry & { sourceText: string };
		expect(record.record.metadata.title).toBe(entry.record.metadata.title);
		expect(record.sourceText).toBe(sourceText);
		const all = JSON.parse(await fetchGunzipped(`${h.server.origin}/data/reports.json.gz`)) as {
			reports: ReportEntry[];
		};
		expect(all.reports[0]!.record.sections.overview.text).toBe(entry.record.sections.overview.text);
		expect(await get('/data/reports.csv')).toContain(
			entry.record.metadata.title!.replaceAll('"', '""'),
		);
	});
});
