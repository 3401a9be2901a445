/**
 * The Content-Security-Policy (astro.config.mjs → security.csp): a <meta> on every page type that
 * allows only the site's own scripts, and under which the site's own features still work:
 * Pagefind search (WebAssembly), the lazy Chart.js loader, the compare page, sortable tables.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTypes, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

interface Watched {
	page: Page;
	/** Console messages about the policy, page errors, and securitypolicyviolation events. */
	violations: () => Promise<string[]>;
	close: () => Promise<void>;
}

async function openWatched(path: string): Promise<Watched> {
	const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(
				`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
			),
		);
	});
	const page = await context.newPage();
	const messages: string[] = [];
	page.on('console', (m) => {
		if (/Content[ -]Security[ -]Policy/i.test(m.text()))
			messages.push(`console ${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => messages.push(`page error: ${e.message}`));
	await page.goto(h.server.origin + path, { waitUntil: 'networkidle' });
	return {
		page,
		violations: async () => [
			...messages,
			...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
		],
		close: () => context.close(),
	};
}

/** The policy as the page declares it: directive → sources. */
async function policyOf(page: Page): Promise<Map<string, string[]>> {
	const metas = await page.$$eval('meta[http-equiv="content-security-policy" i]', (ms) =>
		ms.map((m) => m.getAttribute('content') ?? ''),
	);
	expect(metas).toHaveLength(1);
	return new Map(
		metas[0]!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...sources]) => [name!.toLowerCase(), sources]),
	);
}

async function scrollThrough(page: Page) {
	await page.evaluate(async () => {
		for (let y = 0; y < document.body.scrollHeight; y += 400) {
			window.scrollTo(0, y);
			await new Promise((r) => setTimeout(r, 30));
		}
	});
	await page.waitForLoadState('networkidle');
}

describe('Content-Security-Policy', () => {
	it.each(pageTypes())(
		'%s page (%s): one CSP meta, own scripts only, no violations while it works',
		async (type, path) => {
			const { page, violations, close } = await openWatched(path);
			const policy = await policyOf(page);
			const scriptSrc = policy.get('script-src') ?? [];
			expect(scriptSrc).toContain("'self'");
			expect(scriptSrc).not.toContain("'unsafe-inline'");
			expect(scriptSrc).not.toContain("'unsafe-eval'");
			expect(
				scriptSrc.filter(
					(s) => !/^'(self|wasm-unsafe-eval|sha(256|384|512)-[A-Za-z0-9+/=]+)'$/.test(s),
				),
			).toEqual([]);
			expect(policy.get('style-src') ?? []).not.toContain("'unsafe-inline'");
			expect(policy.get('default-src')).toEqual(["'self'"]);
			expect(policy.get('object-src')).toEqual(["'none'"]);
			// A meta policy only governs what comes after it: no script may precede it.
			const html = await (await fetch(h.server.origin + path)).text();
			const metaAt = html.search(/<meta http-equiv="content-security-policy"/i);
			expect(metaAt).toBeGreaterThan(0);
			expect(html.slice(0, metaAt)).not.toMatch(/<script/i);

			if (type === 'search')
				await page.waitForSelector('#search-list a[href]', { timeout: 20_000 });
			await scrollThrough(page);
			if (type === 'township' || type === 'year')
				expect(
					await page.$$eval('canvas[data-chart]', (cs) =>
						cs.every((c) => (c as HTMLElement).dataset.drawn === 'true'),
					),
				).toBe(true);
			if (type === 'compare')
				await page.waitForSelector('#compare-results:not([hidden])', { timeout: 10_000 });
			if (type === 'year') {
				await page.click('th[data-sort] button');
				expect(await page.$$eval('th[aria-sort]', (ths) => ths.length)).toBeGreaterThan(0);
			}
			expect(await violations()).toEqual([]);
			await close();
		},
	);

	it('search works where Pagefind runs on the main thread (no Web Worker) and compiles its WebAssembly under the page’s policy', async () => {
		// Pagefind 1.6 normally searches in pagefind-worker.js, which the page's <meta> policy does not
		// govern; without a worker it falls back to the page itself, which needs 'wasm-unsafe-eval'.
		const context = await h.browser.newContext();
		await context.addInitScript(() => {
			Object.defineProperty(window, 'Worker', { value: undefined });
		});
		const page = await context.newPage();
		const problems: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error' || /Content[ -]Security[ -]Policy|WebAssembly/i.test(m.text()))
				problems.push(m.text());
		});
		await page.goto(`${h.server.origin}/search/?q=${encodeURIComponent('店塔镇')}`, {
			waitUntil: 'networkidle',
		});
		await page.waitForSelector('#search-list a[href]', { timeout: 20_000 });
		expect(problems).toEqual([]);
		await context.close();
	});

	it('blocks a script that is not the site’s own, and the watchers see it', async () => {
		// The positive control for the test above: an injected inline script must not run, and
		// both the console and the securitypolicyviolation listener must report it.
		const { page, violations, close } = await openWatched('/');
		await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__injected = true';
			document.body.append(s);
		});
		await page.waitForTimeout(200);
		expect(
			await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
		).toBeUndefined();
		const seen = await violations();
		expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
		expect(seen.some((v) => v.startsWith('console'))).toBe(true);
		await close();
	});
});
