/**
 * The built site as a whole: no broken internal link or #fragment (linkinator, crawling the
 * served dist/), valid HTML on every page (html-validate with .htmlvalidate.json), and on every
 * page a <title>, a meta description and a canonical URL built from SITE_URL, agreeing with the
 * sitemap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_URL } from '../../astro.config.mjs';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { DIST } from './harness.ts';
import { htmlPages, htmlProblems } from './site-files.ts';

/** The attributes of every <tag …> in the page (Astro writes plain double-quoted attributes). */
function tags(html: string, name: string): Record<string, string>[] {
	const head = html.slice(0, html.indexOf('</head>'));
	return [...head.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) =>
		Object.fromEntries(
			[...m[1]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [
				a[1]!.toLowerCase(),
				a[2] ?? '',
			]),
		),
	);
}

const pages = htmlPages(DIST);
let server: RunningServer;
beforeAll(async () => {
	server = await serve(DIST, 0);
});
afterAll(async () => {
	await server?.close();
});

describe('site integrity', () => {
	it('has the pages the checks below read', () => {
		expect(pages.length).toBeGreaterThan(20);
		expect(pages.map(([, path]) => path)).toEqual(
			expect.arrayContaining(['/', '/404.html', '/search/', '/townships/']),
		);
	});

	it('has no broken internal link, asset or #fragment (linkinator)', async () => {
		const checker = new LinkChecker();
		const result = await checker.check({
			path: pages.map(([, path]) => server.origin + path),
			recurse: true,
			checkFragments: true,
			// Only this site: canonical and sitemap URLs name the future host, and there is no network here.
			linksToSkip: async (link) => !link.startsWith(server.origin),
			timeout: 10_000,
		});
		const broken = result.links
			.filter((l) => l.state === LinkState.BROKEN)
			.map((l) => `${l.status ?? '—'} ${l.url} (on ${l.parent ?? 'start'})`);
		expect(broken).toEqual([]);
		// The crawl did reach the pages, the data files and the scripts.
		const checked = new Set(
			result.links.filter((l) => l.state === LinkState.OK).map((l) => new URL(l.url).pathname),
		);
		for (const [, path] of pages.filter(([, p]) => p !== '/404.html'))
			expect(checked, path).toContain(path);
		expect([...checked].some((p) => p.endsWith('/record.json.gz'))).toBe(true);
		expect(checked).toContain('/data/checks.csv.gz');
		expect([...checked].some((p) => p.startsWith('/_astro/') && p.endsWith('.js'))).toBe(true);
	}, 120_000);

	it('is valid HTML on every page (html-validate, recommended preset)', async () => {
		expect(await htmlProblems(DIST)).toEqual([]);
	}, 120_000);

	it('gives every page a title, a meta description and a canonical URL from SITE_URL', () => {
		const titles = new Map<string, string>();
		for (const [file, path] of pages) {
			const html = readFileSync(file, 'utf8');
			const title = /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim() ?? '';
			expect(title, `${path} <title>`).not.toBe('');
			expect(titles.get(title), `${path} has the same <title> as another page`).toBeUndefined();
			titles.set(title, path);
			const descriptions = tags(html, 'meta').filter((m) => m.name === 'description');
			expect(descriptions, `${path} meta description`).toHaveLength(1);
			expect(
				descriptions[0]!.content?.trim().length ?? 0,
				`${path} meta description`,
			).toBeGreaterThanOrEqual(5);
			const canonical = tags(html, 'link')
				.filter((l) => l.rel === 'canonical')
				.map((l) => l.href);
			if (path === '/404.html') {
				// The not-found page has no address of its own: no canonical, and not indexed.
				expect(canonical).toEqual([]);
				expect(tags(html, 'meta').some((m) => m.name === 'robots' && m.content === 'noindex')).toBe(
					true,
				);
			} else {
				expect(canonical, `${path} canonical`).toEqual([new URL(path, SITE_URL).href]);
			}
		}
	});

	it('lists exactly the pages in the sitemap', () => {
		const sitemap = readdirSync(DIST)
			.filter((f) => /^sitemap-\d+\.xml$/.test(f))
			.flatMap((f) =>
				[...readFileSync(join(DIST, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
			);
		const canonicals = pages
			.filter(([, p]) => p !== '/404.html')
			.map(([, p]) => new URL(p, SITE_URL).href);
		expect([...sitemap].sort()).toEqual([...canonicals].sort());
	});
});
