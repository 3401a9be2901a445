/**
 * `npm run add -- --replace`: a newer download of a (township, year) the collection already has
 * is stored beside the old one and declared a correction in content/reports.corrections.json,
 * so the replacement is public (/corrections/) and the old original stays as it was published.
 * The file is rewritten through a temporary file and a rename, like every collected file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORRECTIONS_PATH = 'content/reports.corrections.json';

export interface CorrectionEntry {
	file: string;
	replaces: string;
	note: string;
	/** YYYY-MM-DD. */
	date: string;
}

const EMPTY = {
	$comment:
		'Report files that correct (replace) an earlier file for the same township and year. See src/lib/ingest/corrections.ts.',
	corrections: [] as unknown[],
};

export function appendCorrection(rootDir: string, entry: CorrectionEntry): void {
	const path = join(rootDir, CORRECTIONS_PATH);
	const file = existsSync(path)
		? (JSON.parse(readFileSync(path, 'utf8')) as typeof EMPTY)
		: structuredClone(EMPTY);
	file.corrections = [...(file.corrections ?? []), entry];
	const temp = `${path}.${process.pid}.tmp`;
	writeFileSync(temp, JSON.stringify(file, null, '\t') + '\n');
	renameSync(temp, path);
}
