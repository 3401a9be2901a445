/**
 * The township directory split by province (issue 12 item 3): /townships/ lists provinces with
 * counts; /townships/p/<province>/ lists that province's townships grouped by county; a small
 * per-province JSON index (/townships/p/<province>.json) serves the name box, fetched only when
 * the box is used. Rows are compact arrays so the largest province's index stays small.
 * A province whose division data lists more than DIRECTORY_PROVINCE_LIMIT townships is split:
 * its page lists its prefectures, and each prefecture has a page (/townships/p/<4 digits>/).
 * The split is decided from the division data, not the corpus, so URLs do not move as it grows.
 */
import { regionTownshipCount } from './coverage.ts';
import type { TownshipSummary } from './indexes.ts';
import { groupByRegion } from './region-groups.ts';

/** Above this many townships in the division data, a province's directory is split by prefecture. */
export const DIRECTORY_PROVINCE_LIMIT = 1_500;

/** One directory page: a province, or a prefecture of a split province. */
export interface DirectoryPage {
	code: string;
	name: string;
	/** The province above a prefecture page. */
	province: { code: string; name: string } | null;
	/** Townships listed, grouped by county (`unplaced`: no county known). */
	counties: { code: string; name: string; townships: TownshipSummary[] }[];
	unplaced: TownshipSummary[];
	/** On a split province's page: its prefectures' pages, with how many townships each lists. */
	prefectures: { code: string; name: string; townships: number }[];
	/** Every township the page accounts for (listed here or on its prefecture pages). */
	total: number;
}

const countyGroups = (townships: readonly TownshipSummary[]) => {
	const byCounty = groupByRegion(townships, 'county');
	return {
		counties: byCounty.groups.map((c) => ({ code: c.code, name: c.name, townships: c.reports })),
		unplaced: byCounty.unplaced,
	};
};

/** The directory's pages: one per province, plus one per prefecture of a split province. */
export function directoryPages(
	provinces: readonly DirectoryProvince[],
	divisionTownships: (code: string) => number = regionTownshipCount,
): DirectoryPage[] {
	return provinces.flatMap((p): DirectoryPage[] => {
		const whole = { code: p.code, name: p.name, total: p.townships.length };
		if (divisionTownships(p.code) <= DIRECTORY_PROVINCE_LIMIT)
			return [{ ...whole, province: null, ...countyGroups(p.townships), prefectures: [] }];
		const { groups, unplaced } = groupByRegion(p.townships, 'prefecture');
		return [
			{
				...whole,
				province: null,
				...countyGroups(unplaced),
				prefectures: groups.map((g) => ({
					code: g.code,
					name: g.name,
					townships: g.reports.length,
				})),
			},
			...groups.map((g) => ({
				code: g.code,
				name: g.name,
				province: { code: p.code, name: p.name },
				...countyGroups(g.reports),
				prefectures: [],
				total: g.reports.length,
			})),
		];
	});
}

/** Key under which townships without a known province are grouped (a page of their own). */
export const UNPLACED_PROVINCE = 'xx';

export interface DirectoryProvince {
	code: string;
	name: string;
	townships: TownshipSummary[];
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
	return all.map((g) => ({ code: g.code, name: g.name, townships: g.reports }));
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
