/**
 * Which (township, year) a collected report is for, found exactly as the ingest finds it
 * (division codes, the curator's overrides), so that "already have this township's year"
 * means the same thing here and on the site.
 */
import { join } from 'node:path';
import type { ReportRecord } from '../model/record.ts';
import { describeTownship, loadDivisions, type Divisions } from '../ingest/divisions.ts';
import { loadOverrides, OVERRIDES_FILE } from '../ingest/overrides.ts';
import { resolveTownship } from '../ingest/resolve-township.ts';

export interface Placement {
	/** `<code>-<year>`, the site's report id; null when the township or year is not known. */
	slot: string | null;
	/** For messages and file names: the division's full name, else the name as printed. */
	township: string | null;
	year: number | null;
	/** Why the report cannot be placed yet (the ingest's message, with the override to add). */
	problem: string | null;
}

export type Placer = (record: ReportRecord, file: string) => Placement;

export function createPlacer(rootDir: string, divisions: Divisions = loadDivisions()): Placer {
	const overrides = loadOverrides(join(rootDir, OVERRIDES_FILE), divisions);
	return (record, file) => {
		const { metadata } = record;
		const resolution = resolveTownship({ file, ...metadata }, divisions, overrides);
		if (!resolution.ok)
			return {
				slot: null,
				township: metadata.township,
				year: metadata.reportYear,
				problem: `${resolution.ruleId}: ${resolution.message}`,
			};
		const year = resolution.override?.year ?? metadata.reportYear;
		const { identity } = resolution;
		const code = identity.kind === 'township' ? identity.code : identity.body.key;
		const township =
			identity.kind === 'township' ? describeTownship(divisions, code) : identity.body.name;
		return {
			slot: year === null ? null : `${code}-${year}`,
			township,
			year,
			problem: year === null ? 'year-unknown: 报告中没有找到年度' : null,
		};
	};
}
