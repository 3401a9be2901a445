/**
 * The publication tracker: for every county the collection reaches, each of its townships
 * (all of them, from the 2023 division table, not only those with reports) and each year,
 * whether a report is in the collection. A gap may mean the report was never published or
 * only that it has not been collected yet; the page says so.
 */
import type { DivisionTable } from '../model/division-table.ts';
import type { IndexedEntry, TownshipSummary } from './indexes.ts';
import { toCsv, type Column } from './open-data.ts';
import { reportUrl } from './urls.ts';

export interface Place {
	code: string;
	name: string;
}

export interface TrackerTownship extends Place {
	/** False for a body in the collection that the 2023 division table does not list under this county. */
	inDivisionTable: boolean;
	/** Report year → its entry. */
	reports: Map<number, IndexedEntry>;
}

export interface TrackerCounty extends Place {
	prefecture: Place | null;
	province: Place | null;
	townships: TrackerTownship[];
	/** Per year, in the tracker's year order: townships with a report, out of all. */
	coverage: { year: number; published: number; of: number }[];
}

export interface Tracker {
	/** Every calendar year from the earliest to the latest report year, oldest first. */
	years: number[];
	counties: TrackerCounty[];
	/** Townships with reports whose county is unknown: they cannot be placed in a county's list. */
	unplaced: TownshipSummary<IndexedEntry>[];
}

/** Every year between the first and last, so a year without any report still shows as a gap. */
export function yearSpan(years: readonly number[]): number[] {
	if (years.length === 0) return [];
	const first = Math.min(...years);
	const last = Math.max(...years);
	return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function buildTracker(
	townships: readonly TownshipSummary<IndexedEntry>[],
	table: DivisionTable,
): Tracker {
	const years = yearSpan(townships.flatMap((t) => t.years));
	const withReports = new Map(townships.map((t) => [t.township.code, t]));
	const byCounty = new Map<string, TownshipSummary<IndexedEntry>[]>();
	const unplaced: TownshipSummary<IndexedEntry>[] = [];
	for (const summary of townships) {
		const county = summary.township.county;
		if (!county) unplaced.push(summary);
		else if (byCounty.has(county.code)) byCounty.get(county.code)!.push(summary);
		else byCounty.set(county.code, [summary]);
	}

	const counties = [...byCounty.entries()].map(([countyCode, inCollection]): TrackerCounty => {
		const first = inCollection[0]!.township;
		const listed: TrackerTownship[] = (table.townships[countyCode] ?? []).map((row) => {
			const code = countyCode + row.slice(0, 3);
			return {
				code,
				name: row.slice(3),
				inDivisionTable: true,
				reports: reportsOf(withReports.get(code)),
			};
		});
		const listedCodes = new Set(listed.map((t) => t.code));
		const extra = inCollection
			.filter((s) => !listedCodes.has(s.township.code))
			.map((s) => ({
				code: s.township.code,
				name: s.township.name,
				inDivisionTable: false,
				reports: reportsOf(s),
			}));
		const all = [...listed, ...extra];
		return {
			code: countyCode,
			name: first.county!.name,
			prefecture: first.prefecture,
			province: first.province,
			townships: all,
			coverage: years.map((year) => ({
				year,
				published: all.filter((t) => t.reports.has(year)).length,
				of: all.length,
			})),
		};
	});
	counties.sort((a, b) => a.code.localeCompare(b.code));
	return { years, counties, unplaced };
}

const reportsOf = (summary: TownshipSummary<IndexedEntry> | undefined) =>
	new Map((summary?.reports ?? []).map((r) => [r.year, r]));

/* ---------- tracker.csv ---------- */

export interface TrackerRow {
	county: TrackerCounty;
	township: TrackerTownship;
	year: number;
}

export function trackerRows(tracker: Tracker): TrackerRow[] {
	return tracker.counties.flatMap((county) =>
		county.townships.flatMap((township) =>
			tracker.years.map((year) => ({ county, township, year })),
		),
	);
}

export const TRACKER_COLUMNS: Column<TrackerRow>[] = [
	{
		key: 'provinceName',
		label: '省份',
		meaning: '区县所属省级行政区',
		type: '文本',
		nullMeans: '未能确定',
		value: (r) => r.county.province?.name ?? null,
	},
	{
		key: 'prefectureName',
		label: '地市',
		meaning: '区县所属地级行政区',
		type: '文本',
		nullMeans: '没有地级（直辖市、省直辖县），或未能确定',
		value: (r) => r.county.prefecture?.name ?? null,
	},
	{
		key: 'countyCode',
		label: '区县代码',
		meaning: '县级行政区的 6 位代码',
		type: '文本',
		nullMeans: '—',
		value: (r) => r.county.code,
	},
	{
		key: 'countyName',
		label: '区县',
		meaning: '县级行政区名称',
		type: '文本',
		nullMeans: '—',
		value: (r) => r.county.name,
	},
	{
		key: 'townshipCode',
		label: '区划代码',
		meaning: '乡镇的 9 位区划代码',
		type: '文本',
		nullMeans: '—',
		value: (r) => r.township.code,
	},
	{
		key: 'townshipName',
		label: '乡镇',
		meaning: '乡镇名称（区划表中的正式名称）',
		type: '文本',
		nullMeans: '—',
		value: (r) => r.township.name,
	},
	{
		key: 'inDivisionTable',
		label: '在区划表中',
		meaning: 'false 表示本站收录了它的报告，但 2023 年区划表中该区县下没有这个代码',
		type: 'true/false',
		nullMeans: '—',
		value: (r) => r.township.inDivisionTable,
	},
	{
		key: 'year',
		label: '年度',
		meaning: '报告年度',
		type: '整数',
		nullMeans: '—',
		value: (r) => r.year,
	},
	{
		key: 'published',
		label: '已收录报告',
		meaning: 'true：本站收录了该乡镇该年度的报告；false：没有收录（可能未发布，也可能尚未收集）',
		type: 'true/false',
		nullMeans: '—',
		value: (r) => r.township.reports.has(r.year),
	},
	{
		key: 'reportId',
		label: '报告编号',
		meaning: '同 reports.csv 的 id',
		type: '文本',
		nullMeans: '没有收录报告',
		value: (r) => r.township.reports.get(r.year)?.id ?? null,
	},
	{
		key: 'reportUrl',
		label: '报告页面',
		meaning: '本站报告页面的路径',
		type: '文本',
		nullMeans: '没有收录报告',
		value: (r) => (r.township.reports.has(r.year) ? reportUrl(r.township.code, r.year) : null),
	},
];

export function trackerCsv(tracker: Tracker): string {
	return toCsv(
		TRACKER_COLUMNS.map((c) => c.key),
		trackerRows(tracker).map((row) => TRACKER_COLUMNS.map((c) => c.value(row))),
	);
}
