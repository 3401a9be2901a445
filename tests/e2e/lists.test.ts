/** Progressive enhancement on list pages: the year table sorts, the township list filters. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedEntries, seedEntry, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

describe('year page', () => {
	it('sorts the report table by a column, both ways, and says which way', async () => {
		const { context, page, errors } = await h.open('/years/2023/');
		const header = page.locator('table[data-sortable] th', { hasText: '行政处罚决定' });
		const firstTownship = () =>
			page.locator('table[data-sortable] tbody tr th a').first().textContent();
		await header.locator('button').click();
		expect(await header.getAttribute('aria-sort')).toBe('ascending');
		await header.locator('button').click();
		expect(await header.getAttribute('aria-sort')).toBe('descending');
		// 旧县镇 reports 16 行政处罚 decisions, the most of 2023.
		expect(await firstTownship()).toBe(seedEntry('旧县镇', 2023).township.name);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('township list', () => {
	it('filters by province and by name, pinyin or initials', async () => {
		const { context, page } = await h.open('/townships/');
		const visibleNames = () =>
			page.$$eval('#township-list tbody tr:not([hidden]) th', (ths) =>
				ths.map((th) => th.textContent!.trim()),
			);
		expect(await visibleNames()).toHaveLength(
			new Set(generatedEntries().map((e) => e.township.code)).size,
		);

		const dianta = seedEntry('店塔镇', 2023).township;
		await page.selectOption('select[name="province"]', dianta.province!.code);
		expect(await visibleNames()).toEqual([
			...new Set(
				generatedEntries()
					.filter((e) => e.township.province?.code === dianta.province!.code)
					.map((e) => e.township.name),
			),
		]);
		await page.selectOption('select[name="province"]', '');
		await page.fill('input[name="name"]', 'jxz');
		expect(await visibleNames()).toEqual(['旧县镇']);
		await page.fill('input[name="name"]', '店塔');
		expect(await visibleNames()).toEqual(['店塔镇']);
		expect(await page.textContent('#township-count')).toMatch(/显示 1 \//);
		await context.close();
	});
});
