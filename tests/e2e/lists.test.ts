/**
 * The list pages split for national scale (issue 12 item 3), and their progressive enhancement:
 * the national year page sums each province, a province year page each county, and those sums
 * equal the records served as record.json; a county year page's table sorts; a province tracker
 * page lists exactly that province's reports; the township directory's name box finds townships
 * from a per-province index fetched only when the box is used.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../src/lib/model/entry.ts';
import { metric, type MetricKey } from '../../src/lib/site/key-figures.ts';
import {
	generatedEntries,
	reportPath,
	seedEntry,
	servedRecord,
	startHarness,
	type Harness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

/** Each record as the site serves it (record.json.gz). */
async function served(entries: ReportEntry[]): Promise<ReportEntry[]> {
	return Promise.all(entries.map((e) => servedRecord(h.server.origin, e)));
}

/** The rows of a RegionYearTable: region code, report count, each figure column's value. */
const regionRows = (page: Page) =>
	page.$$eval('table[data-region-year]', ([table]) => {
		const keys = [...table!.querySelectorAll('thead th[data-key]')].map(
			(th) => (th as HTMLElement).dataset.key!,
		);
		return [...table!.querySelectorAll('tbody tr')].map((tr) => {
			const cells = [...tr.querySelectorAll('td')].map((td) => td.dataset.value ?? '');
			return {
				code: (tr as HTMLElement).dataset.code!,
				reports: Number(cells[0]),
				values: Object.fromEntries(keys.map((k, i) => [k, cells[i + 1]])),
			};
		});
	});

/** What a region row should say: the sum over the reports that state the figure, '' when none do. */
function expectedSum(records: ReportEntry[], key: MetricKey): string {
	const known = records.map((r) => metric(key, r.record)).filter((v): v is number => v !== null);
	return known.length === 0 ? '' : String(known.reduce((a, b) => a + b, 0));
}

describe('year pages', () => {
	it('national and province year pages sum each region; the sums equal record.json', async () => {
		const years = [...new Set(generatedEntries().map((e) => e.year))];
		for (const year of years) {
			const ofYear = await served(generatedEntries().filter((e) => e.year === year));
			const levels: [string, (e: ReportEntry) => string | undefined, ReportEntry[]][] = [
				[`/years/${year}/`, (e) => e.township.province?.code, ofYear],
			];
			for (const province of new Set(ofYear.map((e) => e.township.province?.code))) {
				if (!province) continue;
				levels.push([
					`/years/${year}/${province}/`,
					(e) => e.township.county?.code,
					ofYear.filter((e) => e.township.province?.code === province),
				]);
			}
			for (const [path, regionOf, records] of levels) {
				const { context, page, errors } = await h.open(path);
				const rows = await regionRows(page);
				expect(rows.length, path).toBeGreaterThan(0);
				expect(
					rows.reduce((n, r) => n + r.reports, 0),
					path,
				).toBe(records.filter((e) => regionOf(e) !== undefined).length);
				for (const row of rows) {
					const mine = records.filter((e) => regionOf(e) === row.code);
					expect(row.reports, `${path} ${row.code}`).toBe(mine.length);
					for (const [key, value] of Object.entries(row.values))
						expect(value, `${path} ${row.code} ${key}`).toBe(expectedSum(mine, key as MetricKey));
				}
				expect(errors).toEqual([]);
				await context.close();
			}
		}
	});

	it('a county year page lists exactly that county’s reports of the year', async () => {
		const entry = seedEntry('旧县镇', 2023);
		const county = entry.township.county!.code;
		const { context, page } = await h.open(`/years/2023/${county}/`);
		const ids = await page.$$eval('table[data-year-reports] tbody tr', (trs) =>
			trs.map((tr) => (tr as HTMLElement).dataset.id!),
		);
		expect(ids.sort()).toEqual(
			generatedEntries()
				.filter((e) => e.year === 2023 && e.township.county?.code === county)
				.map((e) => e.id)
				.sort(),
		);
		await context.close();
	});

	it('sorts a county’s report table by a column, both ways, and says which way', async () => {
		const entry = seedEntry('旧县镇', 2023);
		const { context, page, errors } = await h.open(`/years/2023/${entry.township.county!.code}/`);
		const header = page.locator('table[data-sortable] th', { hasText: '行政处罚决定' });
		await header.locator('button').click();
		expect(await header.getAttribute('aria-sort')).toBe('ascending');
		await header.locator('button').click();
		expect(await header.getAttribute('aria-sort')).toBe('descending');
		expect(await page.locator('table[data-sortable] tbody tr th a').first().textContent()).toBe(
			entry.township.name,
		);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('no page lists every report of a year nationally', async () => {
		for (const year of new Set(generatedEntries().map((e) => e.year))) {
			const html = await (await fetch(`${h.server.origin}/years/${year}/`)).text();
			expect(html).not.toContain('data-year-reports');
		}
	});
});

describe('tracker', () => {
	it('a province page lists exactly that province’s reports, through its counties', async () => {
		const provinces = new Set(generatedEntries().map((e) => e.township.province?.code));
		for (const province of provinces) {
			if (!province) continue;
			const { context, page } = await h.open(`/tracker/${province}/`);
			const counties = await page.$$eval('table.cov-grid tbody th a', (as) =>
				as.map((a) => a.getAttribute('href')!),
			);
			const linked: string[] = [];
			for (const href of counties) {
				const county = await h.open(href);
				linked.push(
					...(await county.page.$$eval('table.tracker td.published a', (as) =>
						as.map((a) => a.getAttribute('href')!),
					)),
				);
				await county.context.close();
			}
			expect(linked.sort()).toEqual(
				generatedEntries()
					.filter((e) => e.township.province?.code === province && e.township.county)
					.map(reportPath)
					.sort(),
			);
			await context.close();
		}
	});

	it('the national page counts each province’s reports per year', async () => {
		const { context, page } = await h.open('/tracker/');
		const rows = await page.$$eval('table.cov-grid tbody tr', (trs) =>
			trs.map((tr) => ({
				href: tr.querySelector('th a')?.getAttribute('href') ?? null,
				counts: [...tr.querySelectorAll('td')].slice(1).map((td) => Number(td.textContent)),
			})),
		);
		const years = await page.$$eval('table.cov-grid thead th', (ths) =>
			ths.slice(2).map((th) => Number(th.textContent)),
		);
		for (const row of rows.filter((r) => r.href)) {
			const province = row.href!.split('/')[2]!;
			expect(row.counts).toEqual(
				years.map(
					(y) =>
						generatedEntries().filter(
							(e) => e.year === y && e.township.province?.code === province && e.township.county,
						).length,
				),
			);
		}
		await context.close();
	});
});

describe('township directory', () => {
	it('lists provinces, and the province (or prefecture) pages list every township once', async () => {
		const { context, page } = await h.open('/townships/');
		const hrefs = await page.$$eval('#province-list tbody th a', (as) =>
			as.map((a) => a.getAttribute('href')!),
		);
		// A province the division data lists as large is split: its prefectures have pages of their own.
		const listed: string[] = [];
		const queue = [...hrefs];
		while (queue.length > 0) {
			const p = await h.open(queue.shift()!);
			listed.push(
				...(await p.page.$$eval('.township-directory p a', (as) =>
					as.map((a) => a.getAttribute('href')!),
				)),
			);
			queue.push(
				...(await p.page.$$eval('[data-prefectures] a', (as) =>
					as.map((a) => a.getAttribute('href')!),
				)),
			);
			await p.context.close();
		}
		expect(listed.sort()).toEqual(
			[...new Set(generatedEntries().map((e) => `/townships/${e.township.code}/`))].sort(),
		);
		await context.close();
	});

	it('finds by name, pinyin or initials, fetching the index only when the box is used', async () => {
		const { context, page, errors } = await h.open('/townships/');
		const fetched = () =>
			page.evaluate(
				() =>
					performance
						.getEntriesByType('resource')
						.filter((r) => /\/townships\/p\/\w+\.json$/.test(r.name)).length,
			);
		expect(await fetched()).toBe(0);
		const shown = () =>
			page.$$eval('#township-results li a', (as) => as.map((a) => a.textContent!.trim()));
		await page.fill('input[name="name"]', 'jxz');
		await expect.poll(shown).toEqual(['旧县镇']);
		expect(await fetched()).toBeGreaterThan(0);
		await page.fill('input[name="name"]', '店塔');
		await expect.poll(shown).toEqual(['店塔镇']);
		expect(await page.textContent('#township-count')).toMatch(/显示 1 \/ 1/);

		const dianta = seedEntry('店塔镇', 2023).township;
		await page.fill('input[name="name"]', '');
		await page.selectOption('select[name="province"]', dianta.province!.code);
		await expect
			.poll(async () => (await shown()).sort())
			.toEqual(
				[
					...new Set(
						generatedEntries()
							.filter((e) => e.township.province?.code === dianta.province!.code)
							.map((e) => e.township.name),
					),
				].sort(),
			);
		expect(errors).toEqual([]);
		await context.close();
	});
});
