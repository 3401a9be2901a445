/**
 * Which (township, year) a report is for, found exactly as the ingest places it (division codes,
 * the curator's overrides): given to the collector (`npm run add`) by its command line, so that
 * "already have this township's year" means the same thing there and on the site.
 */
import { join } from 'node:path';
import type { Placer } from '../model/placement.ts';
import { describeTownship, loadDivisions, type Divisions } from './divisions.ts';
import { loadOverrides, OVERRIDES_FILE } from './overrides.ts';
import { resolveTownship } from './resolve-township.ts';

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
