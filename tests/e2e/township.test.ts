/** A township page draws its charts on scroll (real pixels on the canvas) and shows each chart's data table. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEntry, startHarness, townshipPath, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

describe('township page', () => {
	it('loads Chart.js only when a chart nears the viewport, then draws a non-blank chart', async () => {
		const entry = seedEntry('店塔镇', 2023);
		// A short window: the first chart starts well below it and the observer's 200px margin.
		const { context, page, errors } = await h.open(townshipPath(entry), {
			width: 1280,
			height: 200,
		});
		const chartCodeLoaded = () =>
			page.evaluate(() =>
				performance.getEntriesByType('resource').some((r) => r.name.includes('chart-setup')),
			);
		const canvas = page.locator('canvas[data-chart]').first();
		expect(await chartCodeLoaded()).toBe(false);
		expect(await canvas.getAttribute('data-drawn')).toBeNull();
		await canvas.scrollIntoViewIfNeeded();
		await page.waitForSelector('canvas[data-chart][data-drawn="true"]', { timeout: 15_000 });
		expect(await chartCodeLoaded()).toBe(true);

		// Count painted pixels and distinct colours: a blank or single-colour canvas fails.
		const painted = await canvas.evaluate((c: HTMLCanvasElement) => {
			const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
			let opaque = 0;
			let firstSeries = 0;
			const colours = new Set<string>();
			for (let i = 0; i < data.length; i += 4) {
				if (data[i + 3]! > 0) {
					opaque++;
					colours.add(`${data[i]! >> 4},${data[i + 1]! >> 4},${data[i + 2]! >> 4}`);
					// The first series' colour, #0072B2, drawn solid.
					if (
						Math.abs(data[i]! - 0x00) < 8 &&
						Math.abs(data[i + 1]! - 0x72) < 8 &&
						Math.abs(data[i + 2]! - 0xb2) < 8 &&
						data[i + 3]! > 200
					)
						firstSeries++;
				}
			}
			return { opaque, firstSeries, colours: colours.size, width: c.width, height: c.height };
		});
		expect(painted.width).toBeGreaterThan(100);
		expect(painted.opaque).toBeGreaterThan(500);
		expect(painted.colours).toBeGreaterThan(3);
		expect(painted.firstSeries).toBeGreaterThan(50);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('pairs every chart with a data table of the same years and series', async () => {
		const entry = seedEntry('店塔镇', 2023);
		const { context, page } = await h.open(townshipPath(entry));
		const figures = await page.$$eval('figure.chart', (figs) =>
			figs.map((f) => {
				const spec = JSON.parse(f.querySelector('canvas')!.dataset.chart!) as {
					labels: string[];
					series: { label: string }[];
				};
				const table = f.querySelector('table')!;
				return {
					labels: spec.labels,
					series: spec.series.map((s) => s.label),
					headers: [...table.querySelectorAll('thead th')]
						.slice(1)
						.map((th) => th.textContent!.trim()),
					rows: [...table.querySelectorAll('tbody th')].map((th) => th.textContent!.trim()),
				};
			}),
		);
		expect(figures.length).toBe(3);
		for (const f of figures) {
			expect(f.headers).toEqual(f.labels);
			expect(f.rows).toEqual(f.series);
			expect(f.labels).toContain('2023');
		}
		// The key-figure table links each year to its report.
		expect(
			await page.locator(`.key-figures a[href="/townships/${entry.township.code}/2023/"]`).count(),
		).toBe(1);
		await context.close();
	});
});
