/**
 * Charts draw on scroll (real pixels on the canvas), and only where there is something to draw: a
 * township page with one report year shows its figures as tables under a sentence, no chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS, TREND_GROUPS } from '../../src/lib/site/key-figures.ts';
import {
	generatedEntries,
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

describe('charts', () => {
	it('load Chart.js only when a chart nears the viewport, then draw a non-blank chart', async () => {
		// The year page's distribution of 行政处罚决定 is a bar chart: 旧县镇 16, the others 0.
		const entry = seedEntry('旧县镇', 2023);
		// A short window: the first chart starts well below it and the observer's 200px margin.
		const { context, page, errors } = await h.open(`/years/${entry.year}/`, {
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

	it('a township page pairs every group of figures with a table of the report years and series', async () => {
		const entry = seedEntry('店塔镇', 2023);
		const years = generatedEntries()
			.filter((e) => e.township.code === entry.township.code)
			.map((e) => String(e.year))
			.sort();
		const { context, page } = await h.open(townshipPath(entry));
		const figures = await page.$$eval('figure.chart', (figs) =>
			figs.map((f) => ({
				form: (f as HTMLElement).dataset.form,
				canvases: f.querySelectorAll('canvas').length,
				headers: [...f.querySelectorAll('table thead th')]
					.slice(1)
					.map((th) => th.textContent!.trim()),
				rows: [...f.querySelectorAll('table tbody th')].map((th) => th.textContent!.trim()),
			})),
		);
		expect(figures.map((f) => f.rows)).toEqual(
			TREND_GROUPS.map((g) => g.metrics.map((k) => METRICS[k].label)),
		);
		for (const f of figures) {
			expect(f.headers).toEqual(years);
			// One year is not a trend: no canvas, the figures instead.
			if (years.length === 1) expect([f.form, f.canvases]).toEqual(['figures', 0]);
		}
		// The key-figure table links each year to its report.
		expect(
			await page.locator(`.key-figures a[href="/townships/${entry.township.code}/2023/"]`).count(),
		).toBe(1);
		await context.close();
	});
});
