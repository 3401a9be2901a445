// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

/** Where the portal will be hosted. A placeholder: change it here, and only here, before deploying. */
export const SITE_URL = 'https://example.org';

export default defineConfig({
	site: SITE_URL,
	// Directory URLs with a trailing slash everywhere, so /townships/610881102/2023/ is the one canonical form.
	trailingSlash: 'always',
	build: { format: 'directory' },
	// GFM is built into Astro 7's Markdown processor; no remark plugins (they would need @astrojs/markdown-remark).
	integrations: [mdx(), sitemap()],
	devToolbar: { enabled: false },
});
