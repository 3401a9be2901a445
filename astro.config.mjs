// @ts-check
import { join, resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

/** Where the portal will be hosted. A placeholder: change it here, and only here, before deploying. */
export const SITE_URL = 'https://example.org';

/**
 * PORTAL_ROOT builds a second site from another folder (README: "Building from another folder"):
 * the ingest reads PORTAL_ROOT/content/reports/ and writes PORTAL_ROOT/content/generated/,
 * src/content.config.ts reads it from there, and the site goes to PORTAL_ROOT/dist/ with its
 * own build cache, so it can never overwrite or mix with ./dist/ and ./content/generated/.
 */
const portalRoot = process.env.PORTAL_ROOT ? resolve(process.env.PORTAL_ROOT) : undefined;
/**
 * `npm run build` (scripts/build.ts) builds into a fresh folder of its own and swaps it in as dist/
 * only when it is complete; it names that folder here. Run from the build's root, Astro keeps its
 * prerender folder inside it (no rename across filesystems).
 */
const outDir = process.env.PORTAL_OUT_DIR
	? resolve(process.env.PORTAL_OUT_DIR)
	: portalRoot && join(portalRoot, 'dist');

// The bulk downloads (content/generated/data/) are linked into dist/data/ by `npm run build`
// (scripts/build.ts) after the writer and this build, which run at the same time, have both finished.

export default defineConfig({
	site: SITE_URL,
	// Directory URLs with a trailing slash everywhere, so /townships/610881102/2023/ is the one canonical form.
	trailingSlash: 'always',
	// Stylesheets always as files: a component's <style> inside an MDX page (DataDictionary) is inlined
	// without a CSP hash, and style-src 'self' then blocks it. Files need no hash at all.
	build: { format: 'directory', inlineStylesheets: 'never' },
	...(outDir && { outDir }),
	...(portalRoot && { cacheDir: join(portalRoot, '.astro-cache') }),
	// GFM is built into Astro 7's Markdown processor; no remark plugins (they would need @astrojs/markdown-remark).
	integrations: [mdx(), sitemap()],
	devToolbar: { enabled: false },
	experimental: {
		// The content layer's data store split into files of at most 10 MB instead of one string. It
		// now holds only the MDX pages: the report entries are read from their own files
		// (src/lib/site/read-entries.ts), which costs a fraction of the data store (BENCHMARKS.md).
		collectionStorage: 'chunked',
	},
	security: {
		// Astro writes a <meta http-equiv="content-security-policy"> into every page's <head> (static
		// hosting has no headers to set), with script-src/style-src listing 'self' and the hash of each
		// script and style it bundles or inlines. No 'unsafe-inline': report text that somehow became
		// markup could not run. The site's own scripts are all bundled modules (src/client/).
		csp: {
			algorithm: 'SHA-256',
			directives: [
				"default-src 'self'",
				// Pagefind's stylesheet draws its icons as data: SVG images.
				"img-src 'self' data:",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: {
				// Pagefind compiles its search engine from WebAssembly: in pagefind-worker.js (which this meta
				// does not govern) or, where no worker starts, in the page itself. 'wasm-unsafe-eval' allows
				// exactly that (WebAssembly.instantiate), not eval() or inline scripts (tests/e2e/csp.test.ts).
				resources: ["'self'", "'wasm-unsafe-eval'"],
			},
		},
	},
});
