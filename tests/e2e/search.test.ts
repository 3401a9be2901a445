/** Chinese full-text search through the Pagefind Component UI and its filters. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	generatedEntries,
	reportPath,
	seedEntry,
	startHarness,
	townshipPath,
	type Harness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

/** Searches like a reader arriving from the header form (?q=) and returns the result links shown. */
async function resultLinks(
	query: string,
): Promise<{ links: string[]; summary: string; errors: string[] }> {
	const { context, page, errors } = await h.open(`/search/?q=${encodeURIComponent(query)}`);
	await page.waitForSelector('pagefind-results a[href]', { timeout: 20_000 });
	await page.waitForFunction(() =>
		/\d/.test(document.querySelector('pagefind-summary')?.textContent ?? ''),
	);
	const links = await page.$$eval('pagefind-results a[href]', (as) =>
		as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
	);
	const summary = (await page.textContent('pagefind-summary')) ?? '';
	await context.close();
	return { links, summary, errors };
}

describe('search', () => {
	it('finds 店塔镇 by name: its township page and its report', async () => {
		const dianta = seedEntry('店塔镇', 2023);
		const { links, errors } = await resultLinks('店塔镇');
		expect(links).toContain(reportPath(dianta));
		expect(links).toContain(townshipPath(dianta));
		// No other township's pages mention 店塔镇.
		expect(links.every((l) => l.startsWith(townshipPath(dianta)))).toBe(true);
		expect(errors).toEqual([]);
	});

	it('finds 申请 in every report (section 三 is about applications)', async () => {
		const { links, summary } = await resultLinks('申请');
		const reports = generatedEntries().length;
		const count = Number(/(\d+)/.exec(summary)?.[1] ?? 0);
		expect(count).toBeGreaterThanOrEqual(reports);
		expect(links.some((l) => /^\/townships\/\w+\/\d{4}\/$/.test(l))).toBe(true);
	});

	it('finds 政务公开 in the reports whose text uses the phrase', async () => {
		const withPhrase = generatedEntries().filter((e) =>
			Object.values(e.record.sections).some((s) => s.text.includes('政务公开')),
		);
		expect(withPhrase.length).toBeGreaterThan(0);
		const { links } = await resultLinks('政务公开');
		expect(links.some((l) => withPhrase.map(reportPath).includes(l))).toBe(true);
	});

	it('filters by year and by region', async () => {
		const { context, page } = await h.open('/search/');
		// A string, not a function: vitest would rewrite a dynamic import() inside a function body.
		const byFilter = (await page.evaluate(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			const urls = async (filters) => {
				const search = await pagefind.search('申请', { filters });
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
});
