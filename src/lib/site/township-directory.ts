/**
 * The township directory split by province (issue 12 item 3): /townships/ lists provinces with
 * counts; /townships/p/<province>/ lists that province's townships grouped by county; a small
 * per-province JSON index (/townships/p/<province>.json) serves the name box, fetched only when
 * the box is used. Rows are compact arrays so the largest province's index stays small.
 */
import type { TownshipSummary } from './indexes.ts';
import { groupByRegion } from './region-groups.ts';

/** Key under which townships without a known province are grouped (a page of their own). */
export const UNPLACED_PROVINCE = 'xx';

export interface DirectoryProvince {
	code: string;
	name: string;
	townships: TownshipSummary[];
	/** The province's townships by county, in code order; `unplaced` have no known county. */
	counties: { code: string; name: string; townships: TownshipSummary[] }[];
	unplaced: TownshipSummary[];
}

/** One index row: [code, name, what the box matches (name + pinyin + initials, lower case), county name, years]. */
export type IndexRow = [string, string, string, string, number[]];

export function searchKey(t: TownshipSummary['township']): string {
	return `${t.name}${t.pinyin.replace(/\s+/g, '')}${t.initials}`.toLowerCase();
}

/** Every province with townships in the collection, in code order (unplaced last, under UNPLACED_PROVINCE). */
export function directoryProvinces(townships: readonly TownshipSummary[]): DirectoryProvince[] {
	const { groups, unplaced } = groupByRegion(townships, 'province');
	const all = [
		...groups,
		...(unplaced.length > 0
			? [{ code: UNPLACED_PROVINCE, name: '未能确定省份', reports: unplaced }]
			: []),
	];
	return all.map((g) => {
		const byCounty = groupByRegion(g.reports, 'county');
		return {
			code: g.code,
			name: g.name,
			townships: g.reports,
			counties: byCounty.groups.map((c) => ({ code: c.code, name: c.name, townships: c.reports })),
			unplaced: byCounty.unplaced,
		};
	});
}

export function indexRows(province: DirectoryProvince): IndexRow[] {
	return province.townships.map(({ township: t, years }) => [
		t.code,
		t.name,
		searchKey(t),
		t.county?.name ?? '',
		years,
	]);
}
