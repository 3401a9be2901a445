/**
 * The list pages' size model (issue 12 item 3: every page under 200 KB of HTML at ~270k reports).
 * What a split list page holds is bounded by the division data, not by the corpus: a province
 * tracker page has a row per county of the province, a county year page a row per township of
 * the county, and so on. So the largest page of each kind can be computed before any report
 * exists: its units (rows) from the largest province, prefecture and county in divisions.json ×
 * 7 report years, times an upper bound of bytes per unit. The bounds below were measured on built
 * pages (2,000-report synthetic site, BENCHMARKS.md) with headroom; scale.test.ts holds every
 * built list page to the model given its real units, so the bounds cannot drift silently, and
 * tests/unit/site/list-page-sizes.test.ts holds the worst case to the budget.
 */
import type { DivisionTable } from '../model/division-table.ts';
import { DIRECTORY_PROVINCE_LIMIT } from './township-directory.ts';
import { RANKING_TOP } from './year-columns.ts';

export const PAGE_BUDGET = 200 * 1024;
/** Report years a national corpus would span (issue 12: 38,000 townships × 7 years). */
export const YEARS_AT_SCALE = 7;

/**
 * Upper bounds in bytes of uncompressed HTML, about 1.3–1.5× the largest measured on the 2,000-report
 * synthetic site (2026-11-29: a tracker province row with 7 year cells 238 B, a tracker township row
 * 961 B, a region-year row 456 B, a report row 437 B, a 完整度 row 363 B, a ranked row 157 B, a
 * directory link ≤ 67 B, a page without rows ≈ 7 KB).
 */
export const COSTS = {
	/** Layout, header, footer, breadcrumbs, intro, 要点 and scripts of any list page. */
	page: 24_000,
	/** The two distribution charts of a national year page, with their data tables. */
	charts: 12_000,
	/** TrackerDots: a province or county row, and one year cell of it. */
	coverageRow: 150,
	coverageCell: 25,
	/** County tracker: a township row, and one year cell (已收录 with its link, or 未收录). */
	trackerTownshipRow: 260,
	trackerTownshipCell: 110,
	/** RegionYearTable: one province or county row with seven sums. */
	regionYearRow: 600,
	/** YearReportTable: one report row with seven figures. */
	reportRow: 650,
	/** DerivedRanking: one ranked row. */
	rankingRow: 250,
	/** CompletenessList: one report row. */
	completenessRow: 500,
	/** Region page: one row of the year totals, and the 要点 sentences of one year. */
	totalsRow: 1_200,
	findingsYear: 2_500,
	/** Region page: a child region (with coverage), a township row with its year links. */
	childRegion: 250,
	regionTownshipRow: 300,
	regionTownshipYear: 50,
	/** Township directory: a province row; a township link and a county heading of a province page. */
	directoryProvince: 300,
	directoryTownship: 70,
	directoryCounty: 300,
	/** /regions/: one region of the tree. */
	treeRegion: 150,
} as const;

export type ListPageKind =
	| 'tracker'
	| 'tracker/province'
	| 'tracker/county'
	| 'year'
	| 'year/province'
	| 'year/county'
	| 'region/province'
	| 'region/prefecture'
	| 'region/county'
	| 'regions'
	| 'townships'
	| 'townships/province'
	| 'townships/prefecture';

/** What a page holds, in units of the division data. */
export interface PageUnits {
	/** Rows: provinces, counties or townships, as the kind lists them. */
	rows: number;
	/** Group headings (prefectures on a province tracker page, counties in the directory). */
	groups?: number;
	years: number;
}

/** Upper bound of a page's HTML bytes. */
export function pageBytes(kind: ListPageKind, u: PageUnits): number {
	const c = COSTS;
	const ranking = Math.min(u.rows, RANKING_TOP) * c.rankingRow * u.years;
	switch (kind) {
		case 'tracker':
		case 'tracker/province':
			return c.page + (u.rows + (u.groups ?? 0)) * (c.coverageRow + u.years * c.coverageCell);
		case 'tracker/county':
			return c.page + u.rows * (c.trackerTownshipRow + u.years * c.trackerTownshipCell);
		case 'year':
			return c.page + c.charts + u.rows * c.regionYearRow + RANKING_TOP * c.rankingRow;
		case 'year/province':
			return c.page + u.rows * c.regionYearRow + RANKING_TOP * c.rankingRow;
		case 'year/county':
			return c.page + u.rows * (c.reportRow + c.rankingRow + c.completenessRow);
		case 'region/province':
		case 'region/prefecture':
			return c.page + u.rows * c.childRegion + u.years * (c.totalsRow + c.findingsYear) + ranking;
		case 'region/county':
			return (
				c.page +
				u.rows * (c.regionTownshipRow + u.years * c.regionTownshipYear) +
				u.years * (c.totalsRow + c.findingsYear) +
				ranking
			);
		case 'regions':
			return c.page + u.rows * c.treeRegion;
		case 'townships':
			return c.page + u.rows * c.directoryProvince;
		case 'townships/province':
		case 'townships/prefecture':
			return c.page + u.rows * c.directoryTownship + (u.groups ?? 0) * c.directoryCounty;
	}
}

/* ---------- the worst case from the division data ---------- */

const sizeOf = <T>(m: Map<string, T[]>, key: string) => m.get(key)?.length ?? 0;

/** The largest region of each kind in the division table, and how many units it gives each page. */
export function worstCaseUnits(
	table: DivisionTable,
	years = YEARS_AT_SCALE,
): Record<ListPageKind, PageUnits & { region: string }> {
	const counties = Object.keys(table.counties);
	const townshipsOf = (county: string) => (table.townships[county] ?? []).length;
	const countiesByProvince = new Map<string, string[]>();
	const countiesByPrefecture = new Map<string, string[]>();
	for (const county of counties) {
		const p = county.slice(0, 2);
		countiesByProvince.set(p, [...(countiesByProvince.get(p) ?? []), county]);
		const f = county.slice(0, 4);
		if (table.prefectures[f])
			countiesByPrefecture.set(f, [...(countiesByPrefecture.get(f) ?? []), county]);
	}
	const provinces = Object.keys(table.provinces);
	const largest = <T>(keys: string[], size: (k: string) => number) =>
		keys.reduce((best, k) => (size(k) > size(best) ? k : best), keys[0]!) as T & string;
	const prefecturesOf = (p: string) =>
		Object.keys(table.prefectures).filter((f) => f.startsWith(p)).length;
	/** A province's children on its region page: prefectures, plus counties with no prefecture. */
	const childrenOf = (p: string) =>
		prefecturesOf(p) +
		(countiesByProvince.get(p) ?? []).filter((c) => !table.prefectures[c.slice(0, 4)]).length;
	const townshipsOfProvince = (p: string) =>
		(countiesByProvince.get(p) ?? []).reduce((n, c) => n + townshipsOf(c), 0);

	const townshipsOfPrefecture = (f: string) =>
		(countiesByPrefecture.get(f) ?? []).reduce((n, c) => n + townshipsOf(c), 0);
	/** A directory province page: all its townships, or (split) those outside any prefecture. */
	const directoryUnits = (p: string) => {
		const all = countiesByProvince.get(p) ?? [];
		if (townshipsOfProvince(p) <= DIRECTORY_PROVINCE_LIMIT)
			return { rows: townshipsOfProvince(p), groups: all.length };
		const direct = all.filter((c) => !table.prefectures[c.slice(0, 4)]);
		return {
			rows: direct.reduce((n, c) => n + townshipsOf(c), 0),
			groups: direct.length + prefecturesOf(p),
		};
	};
	const directoryBytes = (p: string) =>
		pageBytes('townships/province', { ...directoryUnits(p), years });
	const largestDirectory = largest(provinces, directoryBytes);
	const largestPrefecture = largest(Object.keys(table.prefectures), townshipsOfPrefecture);
	const mostCounties = largest(provinces, (p) => sizeOf(countiesByProvince, p));
	const mostChildren = largest(provinces, childrenOf);
	const biggestCounty = largest(counties, townshipsOf);
	const biggestPrefecture = largest([...countiesByPrefecture.keys()], (f) =>
		sizeOf(countiesByPrefecture, f),
	);
	const name = (code: string) =>
		table.provinces[code] ?? table.prefectures[code] ?? table.counties[code] ?? code;
	const unit = (region: string, rows: number, groups?: number) => ({
		region: `${name(region)} (${region})`,
		rows,
		years,
		...(groups === undefined ? {} : { groups }),
	});
	return {
		tracker: unit('全国', provinces.length),
		'tracker/province': unit(
			mostCounties,
			sizeOf(countiesByProvince, mostCounties),
			prefecturesOf(mostCounties),
		),
		'tracker/county': unit(biggestCounty, townshipsOf(biggestCounty)),
		year: unit('全国', provinces.length),
		'year/province': unit(mostCounties, sizeOf(countiesByProvince, mostCounties)),
		'year/county': unit(biggestCounty, townshipsOf(biggestCounty)),
		'region/province': unit(mostChildren, childrenOf(mostChildren)),
		'region/prefecture': unit(biggestPrefecture, sizeOf(countiesByPrefecture, biggestPrefecture)),
		'region/county': unit(biggestCounty, townshipsOf(biggestCounty)),
		regions: unit('全国', provinces.length + provinces.reduce((n, p) => n + childrenOf(p), 0)),
		townships: unit('全国', provinces.length),
		'townships/province': unit(
			largestDirectory,
			directoryUnits(largestDirectory).rows,
			directoryUnits(largestDirectory).groups,
		),
		'townships/prefecture': unit(
			largestPrefecture,
			townshipsOfPrefecture(largestPrefecture),
			sizeOf(countiesByPrefecture, largestPrefecture),
		),
	};
}
