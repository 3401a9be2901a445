/**
 * The report entries the ingest wrote (content/generated/reports/<id>.json), read straight from
 * their files at build time instead of through Astro's content layer. The content layer copies
 * every entry into its data store (serialised, chunked one character at a time, then bundled and
 * parsed back): at 2,000 reports that was 40 % of the build's CPU and a second copy of every
 * entry in memory (BENCHMARKS.md, "Build profile"). Each file is validated with the same schema
 * the ingest wrote it with; a file that does not match stops the build naming the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportEntrySchema, type ReportEntry } from '../model/entry.ts';

/** Thrown for an entry file that is not valid JSON or not a report entry. */
export class EntryFileError extends Error {
	override name = 'EntryFileError';
}

/** The entry ids of a folder, in the order Astro's data store listed them (localeCompare). */
export function entryIds(dir: string): string[] {
	let files: string[];
	try {
		files = readdirSync(dir);
	} catch {
		return []; // no collection yet: an empty site (npm run build stops earlier unless --allow-empty)
	}
	return files
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.slice(0, -'.json'.length))
		.sort((a, b) => a.localeCompare(b));
}

/** One entry file, validated; the error names the file and the first problems. */
export function readEntryFile(path: string): ReportEntry {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new EntryFileError(
			`${path}: 不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）；请重新运行 npm run ingest`,
		);
	}
	const checked = reportEntrySchema.safeParse(json);
	if (!checked.success) {
		const problems = checked.error.issues
			.slice(0, 3)
			.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
			.join('; ');
		throw new EntryFileError(
			`${path}: 不符合报告条目的数据结构（${problems}）；请重新运行 npm run ingest`,
		);
	}
	return checked.data;
}

/** Every entry of the folder, validated, in entryIds' order. */
export function readEntries(dir: string): ReportEntry[] {
	return entryIds(dir).map((id) => readEntryFile(join(dir, `${id}.json`)));
}
