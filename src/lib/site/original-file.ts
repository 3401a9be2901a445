/**
 * The original file's bytes for its download endpoint, read at build time from the copy the
 * ingest kept in the generated collection (PORTAL_ROOT, as in astro.config.mjs, or this checkout).
 * Apart from provenance.ts so that pure helpers never pull in node:fs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportEntry } from '../model/entry.ts';
import { originalExtension } from '../model/original.ts';

export function readOriginal(entry: ReportEntry): Uint8Array<ArrayBuffer> {
	const file = `${entry.id}.${originalExtension(entry)}`;
	const dir = join(process.env.PORTAL_ROOT ?? '.', 'content', 'generated', 'originals');
	return new Uint8Array(readFileSync(join(dir, file)));
}
