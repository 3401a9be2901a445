/**
 * Content collections: `pages` holds the hand-written MDX pages (about, methodology). The report
 * entries `npm run ingest` writes are not a collection: src/lib/site/collection.ts reads them
 * from their files with the ingest's own schema (src/lib/model/entry.ts), which at scale costs a
 * fraction of Astro's data store (BENCHMARKS.md, "Build profile").
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({
	loader: glob({ pattern: '*.mdx', base: './content/pages' }),
	schema: z.object({ title: z.string(), description: z.string() }),
});

export const collections = { pages };
