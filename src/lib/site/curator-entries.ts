/**
 * The curator's decisions as the /corrections/ page and the RSS feed publish them: every entry
 * of content/reports.corrections.json and content/townships.overrides.json, read at build time
 * from the folder the site is built from. The ingest has already validated both files strictly
 * (a malformed one stops the build before Astro runs); here only the fields shown are read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const correctionEntry = z.looseObject({
	file: z.string(),
	replaces: z.string(),
	note: z.string().optional(),
	date: z.string().optional(),
});
export type CorrectionEntry = z.infer<typeof correctionEntry>;

const overrideEntry = z.looseObject({
	file: z.string().optional(),
	township: z.string().optional(),
	county: z.string().optional(),
	code: z.string().optional(),
	body: z.looseObject({ key: z.string(), name: z.string() }).optional(),
	year: z.number().optional(),
	note: z.string().optional(),
	date: z.string().optional(),
});
export type OverrideEntry = z.infer<typeof overrideEntry>;

export interface CuratorEntries {
	corrections: CorrectionEntry[];
	overrides: OverrideEntry[];
}

function readList<T>(path: string, key: string, schema: z.ZodType<T>): T[] {
	if (!existsSync(path)) return [];
	const file = z
		.looseObject({ [key]: z.array(schema).default([]) })
		.parse(JSON.parse(readFileSync(path, 'utf8')));
	return file[key] as T[];
}

const cache = new Map<string, CuratorEntries>();

export function curatorEntries(rootDir = process.env.PORTAL_ROOT ?? '.'): CuratorEntries {
	const known = cache.get(rootDir);
	if (known) return known;
	const entries: CuratorEntries = {
		corrections: readList(
			join(rootDir, 'content/reports.corrections.json'),
			'corrections',
			correctionEntry,
		),
		overrides: readList(
			join(rootDir, 'content/townships.overrides.json'),
			'overrides',
			overrideEntry,
		),
	};
	cache.set(rootDir, entries);
	return entries;
}
