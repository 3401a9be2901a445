/**
 * content/reports.corrections.json: which report files correct (replace) another file for the
 * same township and year. The report texts stay exactly as published; the marker lives here.
 *
 *   {
 *     "corrections": [
 * { "file": "2023/店塔镇-更正.txt", "replaces": "000_6f2e2ab07841e359.txt", "note": "re-issued with
 * Table 3 fixed" }
 *     ]
 *   }
 *
 * Paths are under content/reports/. A correction may itself be corrected (a chain); the
 * newest wins and its entry's `replaces` names the file it replaced directly.
 */
import { z } from 'zod';
import { CuratorFileError, readCuratorFile, reportPathKey } from './curator-file.ts';

export const CORRECTIONS_FILE = 'content/reports.corrections.json';

const correctionSchema = z.strictObject({
	file: z.string().min(1),
	replaces: z.string().min(1),
	note: z.string().optional(),
	/** When the correction was made (YYYY-MM-DD), shown on /corrections/. */
	date: z.iso.date().optional(),
});
export type Correction = z.infer<typeof correctionSchema>;

const correctionsFileSchema = z.strictObject({
	$comment: z.string().optional(),
	corrections: z.array(correctionSchema),
});

/** Correcting file → the file it replaces, both as keys under content/reports/. */
export type Corrections = Map<string, string>;

export function createCorrections(
	entries: Correction[],
	displayName = CORRECTIONS_FILE,
): Corrections {
	const replaces: Corrections = new Map();
	const replacedBy = new Map<string, string>();
	for (const entry of entries) {
		const file = reportPathKey(entry.file);
		const original = reportPathKey(entry.replaces);
		if (file === original)
			throw new CuratorFileError(displayName, `${entry.file} cannot replace itself`);
		if (replaces.has(file))
			throw new CuratorFileError(displayName, `${entry.file} is listed as a correction twice`);
		const rival = replacedBy.get(original);
		if (rival !== undefined)
			throw new CuratorFileError(
				displayName,
				`${entry.replaces} is replaced by both ${rival} and ${entry.file}; correct the correction instead`,
			);
		replaces.set(file, original);
		replacedBy.set(original, file);
	}
	for (const start of replaces.keys()) {
		// Follow the chain; coming back to the start means A replaces B replaces A.
		let at: string | undefined = replaces.get(start);
		for (let steps = 0; at !== undefined && steps <= replaces.size; steps++) {
			if (at === start)
				throw new CuratorFileError(displayName, `corrections form a loop through ${start}`);
			at = replaces.get(at);
		}
	}
	return replaces;
}

export function loadCorrections(path: string): Corrections {
	return createCorrections(
		readCuratorFile(path, CORRECTIONS_FILE, correctionsFileSchema, { corrections: [] }).corrections,
	);
}
