/**
 * Content collections. `reports` holds what `npm run ingest` wrote: one JSON per report,
 * validated with the ingest's own schema (one source of truth, src/lib/model/entry.ts).
 * `pages` holds the hand-written MDX pages (about, methodology).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { reportEntrySchema } from './lib/model/entry.ts';

// PORTAL_ROOT (see astro.config.mjs) builds the site from another folder's generated collection.
const generatedReports = `${process.env.PORTAL_ROOT ?? '.'}/content/generated/reports`;

const reports = defineCollection({
	loader: glob({ pattern: '*.json', base: generatedReports }),
	schema: reportEntrySchema,
});

const pages = defineCollection({
	loader: glob({ pattern: '*.mdx', base: './content/pages' }),
	schema: z.object({ title: z.string(), description: z.string() }),
});

export const collections = { reports, pages };
