/**
 * The original file's bytes for its download endpoint, read at build time from the report
 * folder the site is built from (PORTAL_ROOT, as in astro.config.mjs, or this checkout). Apart
 * from provenance.ts so that pure helpers never pull in node:fs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportEntry } from '../model/entry.ts';

export function readOriginal(entry: ReportEntry): Uint8Array<ArrayBuffer> {
	return new Uint8Array(readFileSync(join(process.env.PORTAL_ROOT ?? '.', entry.sourceFile)));
}
