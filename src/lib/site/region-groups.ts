/**
 * Reports grouped by the region one level down, for the summary rows of split list pages: a
 * national year page shows one row per province, a province year page one row per county. Reports
 * the ingest could not place at that level are kept apart and listed, never dropped.
 */
import type { Township } from '../model/entry.ts';

export interface RegionGroup<E> {
	code: string;
	name: string;
	reports: E[];
}

export type GroupLevel = 'province' | 'prefecture' | 'county';

/** Groups in code order; `unplaced` keeps the reports without that level. */
export function groupByRegion<E extends { township: Township }>(
	reports: readonly E[],
	level: GroupLevel,
): { groups: RegionGroup<E>[]; unplaced: E[] } {
	const byCode = new Map<string, RegionGroup<E>>();
	const unplaced: E[] = [];
	for (const entry of reports) {
		const place = entry.township[level];
		if (!place) {
			unplaced.push(entry);
			continue;
		}
		const group = byCode.get(place.code);
		if (group) group.reports.push(entry);
		else byCode.set(place.code, { code: place.code, name: place.name, reports: [entry] });
	}
	const groups = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
	return { groups, unplaced };
}
