/**
 * content/townships.overrides.json: the curator's answers when a report's township cannot be
 * found from its text alone (name missing, unknown, or shared by several places).
 *
 *   {
 *     "overrides": [
 *       { "file": "2023/城关镇.txt", "code": "340322100", "note": "why" },
 *       { "township": "城关镇", "county": "五河县", "code": "340322100" },
 * { "file": "x.txt", "body": { "key": "x-shenmu-gov", "name": "神木市人民政府", "county": "610881" } }
 *     ]
 *   }
 *
 * Match on `file` (path under content/reports/) or on `township` (+ optional `county`) as the
 * report prints them; a file match wins over a name match. The target is a 9-digit `code`
 * from the division data, or a `body` that is not a township, with its own stable key `x-<slug>`
 * (and optionally the 6-digit code of the county it belongs to). A file entry may also
 * give the report `year` when the text does not say it.
 */
import { z } from 'zod';
import { readCuratorFile, reportPathKey, CuratorFileError } from './curator-file.ts';
import type { Divisions } from './divisions.ts';
import { normalizePlaceName, placeNameMatches } from './place-names.ts';

export const OVERRIDES_FILE = 'content/townships.overrides.json';

const bodySchema = z.strictObject({
	key: z.string().regex(/^x-[a-z0-9]+(?:-[a-z0-9]+)*$/, {
		error: 'a body key is "x-" and a lowercase ASCII slug, e.g. x-shenmu-gov',
	}),
	name: z.string().min(1),
	kind: z.string().nullable().optional(),
	county: z
		.string()
		.regex(/^\d{6}$/, { error: 'county is a 6-digit county code' })
		.optional(),
});
export type BodyOverride = z.infer<typeof bodySchema>;

const overrideSchema = z
	.strictObject({
		file: z.string().min(1).optional(),
		township: z.string().min(1).optional(),
		county: z.string().min(1).optional(),
		code: z
			.string()
			.regex(/^\d{9}$/, { error: 'code is a 9-digit township code' })
			.optional(),
		body: bodySchema.optional(),
		// Any four-digit year: an implausible one (before 2008, after the build year) is confirmed here.
		year: z.number().int().min(1000).max(9999).optional(),
		note: z.string().optional(),
		/** When the entry was made (YYYY-MM-DD), shown on /corrections/. */
		date: z.iso.date().optional(),
	})
	.refine((o) => (o.file === undefined) !== (o.township === undefined), {
		error: 'give exactly one of "file" or "township"',
	})
	.refine((o) => (o.code === undefined) !== (o.body === undefined), {
		error: 'give exactly one of "code" or "body"',
	})
	.refine((o) => o.county === undefined || o.township !== undefined, {
		error: '"county" narrows a "township" match',
	})
	.refine((o) => o.year === undefined || o.file !== undefined, {
		error: '"year" is only for a "file" match',
	});
export type TownshipOverride = z.infer<typeof overrideSchema>;

const overridesFileSchema = z.strictObject({
	$comment: z.string().optional(),
	overrides: z.array(overrideSchema),
});

export interface Overrides {
	entries: TownshipOverride[];
	/** The entry for a report, if any: by file first, then by township name (+ county). */
	find(report: {
		file: string;
		township: string | null;
		county: string | null;
	}): TownshipOverride | undefined;
	/** Entries that matched no report in this run, to tell the curator about stale ones. */
	unused(): TownshipOverride[];
}

export function createOverrides(
	entries: TownshipOverride[],
	divisions: Divisions,
	displayName = OVERRIDES_FILE,
): Overrides {
	entries.forEach((entry, i) => {
		if (entry.code !== undefined && !divisions.townshipByCode.has(entry.code))
			throw new CuratorFileError(
				displayName,
				`overrides.${i}: code ${entry.code} is not a township in ${divisions.source}`,
			);
		if (entry.body?.county !== undefined && !divisions.countyExists(entry.body.county))
			throw new CuratorFileError(
				displayName,
				`overrides.${i}: body.county ${entry.body.county} is not a county code`,
			);
	});
	const fileKeys = new Set<string>();
	for (const entry of entries) {
		if (entry.file === undefined) continue;
		const key = reportPathKey(entry.file);
		if (fileKeys.has(key))
			throw new CuratorFileError(displayName, `two entries for the file ${entry.file}`);
		fileKeys.add(key);
	}
	const used = new Set<TownshipOverride>();
	const remember = (entry: TownshipOverride | undefined) => {
		if (entry) used.add(entry);
		return entry;
	};
	return {
		entries,
		find(report) {
			const fileKey = reportPathKey(report.file);
			const byFile = entries.find((e) => e.file !== undefined && reportPathKey(e.file) === fileKey);
			if (byFile) return remember(byFile);
			if (report.township === null) return undefined;
			const township = normalizePlaceName(report.township);
			const byName = entries.filter(
				(e) => e.township !== undefined && normalizePlaceName(e.township) === township,
			);
			// An entry naming the county is more specific than one for the name alone.
			const withCounty = byName.find(
				(e) =>
					e.county !== undefined &&
					report.county !== null &&
					placeNameMatches(report.county, e.county),
			);
			return remember(withCounty ?? byName.find((e) => e.county === undefined));
		},
		unused: () => entries.filter((e) => !used.has(e)),
	};
}

export function loadOverrides(path: string, divisions: Divisions): Overrides {
	const file = readCuratorFile(path, OVERRIDES_FILE, overridesFileSchema, { overrides: [] });
	return createOverrides(file.overrides, divisions);
}
