/**
 * The tracker split for national scale: one national page (a row per province), one page per
 * province (a row per county, grouped by prefecture) and one per county (a row per township).
 * Every row counts the townships the 2023 division table lists, not only those with reports,
 * so coverage reads honestly ("3 / 52"); a region the collection does not reach yet still has
 * its row, with no link, because it has no page of its own.
 */
import divisions from '../../data/divisions.json';
import type { DivisionTable } from '../model/division-table.ts';
import { trackerUrl } from './list-urls.ts';
import type { Tracker, TrackerCounty } from './tracker.ts';

/** The committed division table, for pages (they may not import data/ themselves). */
export const divisionTable = divisions as DivisionTable;

export interface CoverageRow {
	code: string;
	name: string;
	/** Townships the division table lists, plus bodies in the collection it does not list. */
	townships: number;
	/** Per tracker year (same order): townships with a report here. */
	published: number[];
	/** Its own tracker page, or null when the collection does not reach it (no page). */
	href: string | null;
	/** The prefecture a county row is grouped under; null for provinces and counties without one. */
	group: string | null;
}

const publishedOf = (tracker: Tracker, counties: readonly TrackerCounty[]) =>
	tracker.years.map((_, i) => counties.reduce((n, c) => n + c.coverage[i]!.published, 0));

/** One row per province of the division table, in code order. */
export function provinceCoverage(tracker: Tracker, table: DivisionTable): CoverageRow[] {
	return Object.keys(table.provinces)
		.sort()
		.map((code) => {
			const reached = tracker.counties.filter((c) => c.code.startsWith(code));
			const reachedCodes = new Set(reached.map((c) => c.code));
			let townships = reached.reduce((n, c) => n + c.townships.length, 0);
			for (const [county, rows] of Object.entries(table.townships))
				if (county.startsWith(code) && !reachedCodes.has(county)) townships += rows.length;
			return {
				code,
				name: table.provinces[code]!,
				townships,
				published: publishedOf(tracker, reached),
				href: reached.length > 0 ? trackerUrl(code) : null,
				group: null,
			};
		});
}

/** One row per county of a province (the division table's and any the collection adds), in code order. */
export function countyCoverage(
	tracker: Tracker,
	table: DivisionTable,
	province: string,
): CoverageRow[] {
	const reached = new Map(
		tracker.counties.filter((c) => c.code.startsWith(province)).map((c) => [c.code, c]),
	);
	const codes = new Set([
		...Object.keys(table.counties).filter((c) => c.startsWith(province) && c.length === 6),
		...reached.keys(),
	]);
	return [...codes].sort().map((code) => {
		const county = reached.get(code);
		return {
			code,
			name: county?.name ?? table.counties[code] ?? code,
			townships: county ? county.townships.length : (table.townships[code] ?? []).length,
			published: county ? publishedOf(tracker, [county]) : tracker.years.map(() => 0),
			href: county ? trackerUrl(code) : null,
			group: table.prefectures[code.slice(0, 4)] ?? county?.prefecture?.name ?? null,
		};
	});
}

/** The provinces (2-digit codes) that have a tracker page: those the collection reaches. */
export function trackedProvinces(tracker: Tracker): string[] {
	return [...new Set(tracker.counties.map((c) => c.code.slice(0, 2)))].sort();
}

/** Coverage in tenths (0–10), for the compact visual; 0 only when nothing is published. */
export function coverageTenths(published: number, of: number): number {
	if (of === 0 || published === 0) return 0;
	return Math.max(1, Math.min(10, Math.round((published / of) * 10)));
}
