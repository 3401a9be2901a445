/** Every page type, at desktop and phone width: no console errors, and axe finds no violations. */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTypes, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

describe.each(Object.entries(VIEWPORTS))('at %s width', (_, viewport) => {
	it.each(pageTypes())(
		'%s page (%s) has no console errors and no axe violations',
		async (type, path) => {
			const { context, page, errors } = await h.open(path, viewport);
			if (type === 'search')
				await page.waitForSelector('#search-list a[href]', { timeout: 20_000 });
			// Scroll to the end so lazy charts draw and their code runs before we judge the page.
			await page.evaluate(async () => {
				for (let y = 0; y < document.body.scrollHeight; y += 400) {
					window.scrollTo(0, y);
					await new Promise((r) => setTimeout(r, 30));
				}
			});
			await page.waitForLoadState('networkidle');
			const results = await new AxeBuilder({ page }).analyze();
			const violations = results.violations.map(
				(v) =>
					`${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`,
			);
			// The not-found page is meant to answer 404; its resource error is the point, not a defect.
			const real = type === 'not found' ? errors.filter((e) => !e.includes('404')) : errors;
			expect(real).toEqual([]);
			expect(violations).toEqual([]);
			expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
			await context.close();
		},
	);
});
