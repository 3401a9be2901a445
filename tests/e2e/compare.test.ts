/**
 * The compare page in Chromium: pick townships by pinyin and by region, see the table and
 * charts follow, and get the same view back from the back button and from a reload. The picker's
 * lists come in pieces (a province's file, a name bucket): a shared link fetches only its
 * townships' own files, and nothing on the page moves while they load. Then the open-data
 * downloads: a CSV saved through the browser reads back with the build's numbers.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_TRENDS } from '../../src/lib/site/compare.ts';
import { readCsvObjects } from '../support/read-csv.ts';
import { generatedEntries, seedEntry, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const selected = (page: Page) =>
	page.$$eval('#compare-selection li', (items) => items.map((li) => li.getAttribute('data-code')));
const columnHeads = (page: Page) =>
	page.$$eval('#compare-figures thead th', (ths) =>
		ths.slice(1).map((th) => th.querySelector('a')!.textContent!.trim()),
	);
const figureRow = (page: Page, key: string) =>
	page.$$eval(`#compare-figures tr[data-key="${key}"] td`, (tds) =>
		tds.map((td) => td.textContent!.trim()),
	);
const query = (page: Page) => new URL(page.url()).search;

async function addByName(page: Page, term: string, name: string) {
	await page.fill('#compare-search', term);
	await page.click(`#compare-suggestions button[aria-label="添加${name}"]`);
}

/** Waits until the view shows exactly these codes, with every figure there and every chart drawn. */
async function viewReady(page: Page, codes: string[]) {
	await page.waitForFunction(
		(c) => document.querySelector<HTMLElement>('#compare')?.dataset.ready === c,
		codes.join(','),
		{ timeout: 15_000 },
	);
	// A figure whose values are all 0 is a sentence (data-form="words"), not a chart.
	await page.waitForFunction(
		(n) =>
			document.querySelectorAll('#compare-trends figure').length === n &&
			document.querySelectorAll('#compare-trends canvas[data-drawn="true"]').length ===
				document.querySelectorAll('#compare-trends figure[data-form="chart"]').length,
		COMPARE_TRENDS.length,
	);
}

/** Solid pixels of one colour on a canvas: a line or point of that series was drawn. */
const pixelsOf = (page: Page, selector: string, rgb: [number, number, number]) =>
	page.$eval(
		selector,
		(c, [r, g, b]) => {
			const canvas = c as HTMLCanvasElement;
			const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
			let n = 0;
			for (let i = 0; i < data.length; i += 4) {
				if (
					Math.abs(data[i]! - r) < 10 &&
					Math.abs(data[i + 1]! - g) < 10 &&
					Math.abs(data[i + 2]! - b) < 10 &&
					data[i + 3]! > 200
				)
					n++;
			}
			return n;
		},
		rgb,
	);

describe('compare page', () => {
	it('builds the view from picks, keeps it in the URL, and restores it on back and reload', async () => {
		const dianta = seedEntry('店塔镇', 2023);
		const jiuxian = seedEntry('旧县镇', 2023);
		const zaocun = seedEntry('枣村乡', 2023);
		const { context, page, errors } = await h.open('/compare/');
		await page.waitForFunction(() =>
			document.querySelector('#compare-status')?.textContent?.includes('请选择'),
		);
		expect(await page.isHidden('#compare-results')).toBe(true);

		// By initials, then by pinyin: one township is not enough to compare.
		await addByName(page, dianta.township.initials, `神木市${dianta.township.name}`);
		await page.waitForFunction(() =>
			document.querySelector('#compare-status')?.textContent?.includes('再选择 1 个'),
		);
		expect(query(page)).toBe(`?t=${dianta.township.code}`);
		await addByName(page, 'jiuxian', `河曲县${jiuxian.township.name}`);
		const two = [dianta.township.code, jiuxian.township.code];
		await viewReady(page, two);
		expect(query(page)).toBe(`?t=${two.join(',')}`);
		expect(await columnHeads(page)).toEqual(['神木市店塔镇', '河曲县旧县镇']);
		// 旧县镇 2023 prints 行政处罚 16 in Table 2; the table shows each township's latest report.
		const latestDianta = generatedEntries()
			.filter((e) => e.township.code === dianta.township.code)
			.sort((a, b) => b.year - a.year)[0]!;
		expect(await figureRow(page, 'penalty')).toEqual([
			String(latestDianta.record.table2!.penalty.decisions),
			'16',
		]);
		// Derived metrics: an all-zero Table 3 has nothing to divide by, for either township, so the
		// rate has no row of 无法计算 but is named in one line with the reason.
		expect(await page.locator('#compare-derived tr[data-key="disclosureRate"]').count()).toBe(0);
		expect(
			await page.textContent('#compare-derived-collapsed p[data-keys~="disclosureRate"]'),
		).toContain('所选乡镇本年没有申请，以下比率无法计算：实质公开率');
		expect(await page.locator('#compare-derived tr[data-key="completeness"]').count()).toBe(1);
		// One report year each: the penalty chart is horizontal bars, the second township's bar
		// (#D55E00) at 16 and its title naming it; no line is drawn over a single year.
		const penaltyCanvas = `#compare-trends figure[data-key="penalty"] canvas`;
		expect(await pixelsOf(page, penaltyCanvas, [0xd5, 0x5e, 0x00])).toBeGreaterThan(20);
		expect(
			await page.textContent('#compare-trends figure[data-key="penalty"] figcaption'),
		).toContain('河曲县旧县镇 2023 年最多（16 件）');
		// A figure that is 0 for every township is said in words, with no chart.
		expect(
			await page.$eval(
				'#compare-trends figure[data-key="applicationsReceived"]',
				(f) => `${(f as HTMLElement).dataset.form} ${f.querySelectorAll('canvas').length}`,
			),
		).toBe('words 0');

		// Add a whole county from the region picker: the province first, whose file brings its counties.
		await page.selectOption('select[name="province"]', zaocun.township.province!.code);
		await page.waitForSelector(
			`select[name="county"] option[value="${zaocun.township.county!.code}"]`,
			{ state: 'attached' },
		);
		await page.selectOption('select[name="county"]', zaocun.township.county!.code);
		await page.click('#compare-add-region');
		const three = [...two, zaocun.township.code];
		await viewReady(page, three);
		expect(await columnHeads(page)).toEqual([
			'神木市店塔镇',
			'河曲县旧县镇',
			`${zaocun.township.county!.name}${zaocun.township.name}`,
		]);
		// The third township's 0 is a bar of no length, but it is on the chart's axis and in its table.
		expect(
			await page.$$eval('#compare-trends figure[data-key="penalty"] tbody th', (ths) =>
				ths.map((th) => th.textContent),
			),
		).toContain(`${zaocun.township.county!.name}${zaocun.township.name}`);

		// Back: the two-township view again, charts redrawn for two.
		await page.goBack();
		await viewReady(page, two);
		expect(query(page)).toBe(`?t=${two.join(',')}`);
		expect(await columnHeads(page)).toEqual(['神木市店塔镇', '河曲县旧县镇']);
		expect(await pixelsOf(page, penaltyCanvas, [0x00, 0x9e, 0x73])).toBe(0);

		// A chosen year goes into the URL; a township without a report that year says so.
		await page.goForward();
		await viewReady(page, three);
		await page.selectOption('#compare-year', '2023');
		await page.waitForFunction(() => location.search.endsWith('&y=2023'));
		await viewReady(page, three);
		expect(await page.textContent('#compare-figures caption')).toContain('2023 年');

		// Reload: the same view from the URL alone.
		const before = await page.$eval('#compare-figures', (t) => t.textContent);
		await page.reload({ waitUntil: 'networkidle' });
		await viewReady(page, three);
		expect(await page.$eval('#compare-figures', (t) => t.textContent)).toBe(before);
		expect(await page.inputValue('#compare-year')).toBe('2023');
		expect(await selected(page)).toEqual(three);

		// Removing down to one hides the comparison and asks for another.
		await page.click(`#compare-selection li[data-code="${jiuxian.township.code}"] button`);
		await page.click(`#compare-selection li[data-code="${zaocun.township.code}"] button`);
		await page.waitForFunction(() =>
			document.querySelector('#compare-status')?.textContent?.includes('再选择 1 个'),
		);
		expect(await page.isHidden('#compare-results')).toBe(true);
		expect(query(page)).toBe(`?t=${dianta.township.code}&y=2023`);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('says which code in the URL it cannot find, and still compares the rest', async () => {
		const a = seedEntry('店塔镇', 2023).township.code;
		const b = seedEntry('旧县镇', 2023).township.code;
		const { context, page } = await h.open(`/compare/?t=${a},999999999,${b}`);
		await viewReady(page, [a, '999999999', b]);
		expect(await page.textContent('#compare-status')).toContain('没有找到区划代码 999999999');
		expect(await columnHeads(page)).toHaveLength(2);
		await context.close();
	});
});

describe('the picker loads only the pieces it needs', () => {
	/** The compare page's JSON requests, as paths. */
	function watchJson(page: Page): string[] {
		const seen: string[] = [];
		page.on('request', (r) => {
			const { pathname } = new URL(r.url());
			if (pathname.startsWith('/compare/') && pathname.endsWith('.json')) seen.push(pathname);
		});
		return seen;
	}

	it('draws a shared link of two provinces from the two townships’ files alone, without moving the page', async () => {
		const a = seedEntry('店塔镇', 2023).township;
		const b = seedEntry('旧县镇', 2023).township;
		expect(a.province!.code).not.toBe(b.province!.code);
		for (const viewport of [
			{ width: 390, height: 844 },
			{ width: 1280, height: 900 },
		]) {
			const context = await h.browser.newContext({ viewport });
			await context.addInitScript(() => {
				const w = window as unknown as { __shift: number };
				w.__shift = 0;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries() as unknown as {
						value: number;
						hadRecentInput: boolean;
					}[])
						if (!e.hadRecentInput) w.__shift += e.value;
				}).observe({ type: 'layout-shift', buffered: true });
			});
			const page = await context.newPage();
			const requested = watchJson(page);
			await page.goto(`${h.server.origin}/compare/?t=${a.code},${b.code}`);
			await viewReady(page, [a.code, b.code]);
			expect(await columnHeads(page)).toEqual([
				`${a.county!.name}${a.name}`,
				`${b.county!.name}${b.name}`,
			]);
			expect(await selected(page)).toEqual([a.code, b.code]);
			expect(requested.sort()).toEqual(
				[`/compare/townships/${a.code}.json`, `/compare/townships/${b.code}.json`].sort(),
			);
			// Layout shift as Lighthouse counts it (not after input); well under its 0.1 "good" line.
			expect(
				await page.evaluate(() => (window as unknown as { __shift: number }).__shift),
			).toBeLessThan(0.05);
			await context.close();
		}
	});

	it('fetches one name bucket for a typed name, and one province file for a chosen province', async () => {
		const jiuxian = seedEntry('旧县镇', 2023).township;
		const { context, page, errors } = await h.open('/compare/');
		const requested = watchJson(page);
		await page.fill('#compare-search', 'jiuxian');
		await page.waitForSelector(
			`#compare-suggestions button[aria-label="添加${jiuxian.county!.name}${jiuxian.name}"]`,
		);
		expect(requested).toEqual(['/compare/names/index.json', '/compare/names/ji.json']);
		// One letter is not enough to choose a bucket: the list asks for more, and fetches nothing.
		await page.fill('#compare-search', 'j');
		await page.waitForFunction(() =>
			document.querySelector('#compare-suggestions')?.textContent?.includes('请再输入'),
		);
		expect(requested).toHaveLength(2);

		await page.fill('#compare-search', '');
		await page.selectOption('select[name="province"]', jiuxian.province!.code);
		await page.waitForSelector(`select[name="county"] option[value="${jiuxian.county!.code}"]`, {
			state: 'attached',
		});
		expect(requested.slice(2)).toEqual([`/compare/regions/${jiuxian.province!.code}.json`]);
		// Within a province any part of the name or the county's name finds it, from the same file.
		await page.fill('#compare-search', jiuxian.county!.name);
		await page.waitForSelector(
			`#compare-suggestions button[aria-label="添加${jiuxian.county!.name}${jiuxian.name}"]`,
		);
		expect(requested).toHaveLength(3);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('open data downloads', () => {
	it('serves reports.csv as a download that reads back with the build’s numbers and the stated size', async () => {
		const { context, page, errors } = await h.open('/data/');
		const link = page.locator('#downloads a[href="/data/reports.csv"]');
		const stated = Number(
			await page.getAttribute(
				'#downloads tr:has(a[href="/data/reports.csv"]) td[data-bytes]',
				'data-bytes',
			),
		);
		const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toBe('reports.csv');
		const bytes = readFileSync((await download.path())!);
		expect(bytes.length).toBe(stated);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

		const rows = readCsvObjects(bytes.toString('utf8'));
		const entries = generatedEntries();
		expect(rows.map((r) => r.id).sort()).toEqual(entries.map((e) => e.id).sort());
		const jiuxian = seedEntry('旧县镇', 2023);
		const row = rows.find((r) => r.id === jiuxian.id)!;
		expect(row['table2.penalty.decisions']).toBe('16');
		expect(row['township.name']).toBe('旧县镇');
		expect(row['metadata.signatureBody']).toBe(jiuxian.record.metadata.signatureBody);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('serves tracker.csv with every township of a county and year', async () => {
		const { context, page } = await h.open('/tracker/');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click('a[href="/data/tracker.csv"]'),
		]);
		const rows = readCsvObjects(readFileSync((await download.path())!, 'utf8'));
		const dianta = seedEntry('店塔镇', 2023);
		expect(
			rows.find((r) => r.townshipCode === dianta.township.code && r.year === '2023'),
		).toMatchObject({ published: 'true', reportId: dianta.id });
		const county = rows.filter(
			(r) => r.countyCode === dianta.township.county!.code && r.year === '2023',
		);
		expect(county.length).toBeGreaterThan(1);
		expect(county.filter((r) => r.published === 'false').length).toBeGreaterThan(0);
		await context.close();
	});
});

describe('tap targets', () => {
	it('are at least 24 px or spaced as far apart (axe target-size, which Lighthouse runs) at phone width', async () => {
		const a = seedEntry('店塔镇', 2023).township.code;
		const b = seedEntry('旧县镇', 2023).township.code;
		const { context, page } = await h.open(`/compare/?t=${a},${b}`, { width: 390, height: 844 });
		await viewReady(page, [a, b]);
		await page.fill('#compare-search', seedEntry('枣村乡', 2023).township.pinyin);
		await page.waitForSelector('#compare-suggestions button');
		const results = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
		expect(results.passes.map((p) => p.id)).toContain('target-size');
		expect(
			results.violations.flatMap((v) =>
				v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
			),
		).toEqual([]);
		await context.close();
	});
});

// One test per page and width: axe on a large page (the data dictionary) takes tens of seconds on
// a loaded two-core machine, and six pages in one test passed the 60 s limit.
describe('new pages pass axe at desktop and phone width', () => {
	const a = () => seedEntry('店塔镇', 2023).township.code;
	const b = () => seedEntry('旧县镇', 2023).township.code;
	const paths = [
		'/compare/?t=A,B',
		'/compare/',
		'/data/',
		'/tracker/',
		'/data-dictionary/',
		'/metrics/',
	];
	const viewports = [
		['desktop', { width: 1280, height: 900 }],
		['phone', { width: 390, height: 844 }],
	] as const;
	it.each(
		viewports.flatMap(([name, viewport]) => paths.map((path) => [name, path, viewport] as const)),
	)('%s %s', async (_, template, viewport) => {
		const path = template.replace('A', a()).replace('B', b());
		const { context, page, errors } = await h.open(path, { ...viewport });
		if (path.includes('?t=')) await viewReady(page, [a(), b()]);
		const results = await new AxeBuilder({ page }).analyze();
		const violations = results.violations.map(
			(v) => `${path} ${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`,
		);
		expect(violations).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
