/**
 * Where a built dist/'s bytes go, per report (issue 12 item 5: ≤ 60 KB per report). Every file is
 * put in one part by its path — the report pages, their per-report downloads, the /data/ files,
 * Pagefind's index, the other pages — so the per-report figure can be explained KB by KB.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A part of dist/ and the pattern of the paths (relative, forward slashes) that belong to it. */
export const DIST_PARTS: { part: string; test: RegExp }[] = [
	{ part: 'report pages', test: /^townships\/\d+\/\d{4}\/index\.html$/ },
	{ part: 'record.json(.gz)', test: /^townships\/\d+\/\d{4}\/record\.json(\.gz)?$/ },
	{ part: 'record.csv', test: /^townships\/\d+\/\d{4}\/record\.csv$/ },
	{ part: 'originals', test: /^townships\/\d+\/\d{4}\/[^/]+$/ },
	{ part: 'township pages', test: /^townships\/\d+\/index\.html$/ },
	{ part: '/data/', test: /^data\// },
	{ part: 'pagefind', test: /^pagefind\// },
	{ part: 'compare data', test: /^compare\/.+\.json$/ },
	{ part: 'scripts and styles', test: /^_astro\// },
	{ part: 'other pages and files', test: /./ },
];

export interface DistPart {
	part: string;
	bytes: number;
	files: number;
}

/** The part a dist-relative path belongs to (the first pattern that matches). */
export function distPartOf(path: string): string {
	return DIST_PARTS.find((p) => p.test.test(path))!.part;
}

/** Every file under `dist` as [relative path with forward slashes, bytes]. */
export function distFiles(dist: string): [string, number][] {
	const out: [string, number][] = [];
	const visit = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, e.name);
			if (e.isDirectory()) visit(path);
			else out.push([relative(dist, path).split(sep).join('/'), statSync(path).size]);
		}
	};
	visit(dist);
	return out;
}

/** Bytes and files per part, in DIST_PARTS order (parts with no file left out). */
export function distParts(files: readonly [string, number][]): DistPart[] {
	const parts = DIST_PARTS.map(({ part }) => ({ part, bytes: 0, files: 0 }));
	for (const [path, bytes] of files) {
		const p = parts.find((q) => q.part === distPartOf(path))!;
		p.bytes += bytes;
		p.files += 1;
	}
	return parts.filter((p) => p.files > 0);
}

/** How many reports the build has: one report page each. */
export function reportCount(files: readonly [string, number][]): number {
	return files.filter(([path]) => distPartOf(path) === 'report pages').length;
}
