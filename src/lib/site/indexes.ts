/**
 * Lookups that many pages need, computed once per build from all entries:
 * township → its reports, year → its reports, the township list. Pages receive
 * slices of these instead of filtering the collection again (stack.md §1.2).
 */
import type { ReportEntry, Township } from '../model/entry.ts';

/** What the index needs of an entry: the download writer indexes these without the records. */
export type IndexedEntry = Pick<ReportEntry, 'id' | 'township' | 'year' | 'sourceFile'>;

export interface TownshipSummary<E extends IndexedEntry = ReportEntry> {
	/** As named in the township's latest report. */
	township: Township;
	/** Oldest first, one per year. */
	reports: E[];
	latest: E;
	years: number[];
}

export interface SiteIndex<E extends IndexedEntry = ReportEntry> {
	/** Newest year first, then by division code. */
	reports: E[];
	/** Ordered by province, prefecture, county code, then township code. */
	townships: TownshipSummary<E>[];
	byCode: Map<string, TownshipSummary<E>>;
	byYear: Map<number, E[]>;
	/** Newest first. */
	years: number[];
}

const codeOf = (p: { code: string } | null) => p?.code ?? '~';

/** Sort key that keeps townships of one county, prefecture and province together. */
export function townshipSortKey(t: Township): string {
	return [codeOf(t.province), codeOf(t.prefecture), codeOf(t.county), t.code].join('/');
}

/** Full place name for headings: 陕西省 榆林市 神木市 店塔镇 → "神木市店塔镇" style with the nearest parent. */
export function placeName(t: Township): string {
	return t.county ? `${t.county.name}${t.name}` : t.name;
}

/** Ancestors from the province down, skipping unknown levels. */
export function ancestorsOf(t: Township): { code: string; name: string }[] {
	return [t.province, t.prefecture, t.county].filter(
		(p): p is { code: string; name: string } => p !== null,
	);
}

export function buildSiteIndex<E extends IndexedEntry>(entries: readonly E[]): SiteIndex<E> {
	const byCodeReports = new Map<string, E[]>();
	const byYear = new Map<number, E[]>();
	for (const entry of entries) {
		const list = byCodeReports.get(entry.township.code) ?? [];
		if (list.some((r) => r.year === entry.year)) {
			throw new Error(
				`Two reports for ${entry.township.code} in ${entry.year}: ${entry.sourceFile} and another`,
			);
		}
		list.push(entry);
		byCodeReports.set(entry.township.code, list);
		const ofYear = byYear.get(entry.year);
		if (ofYear) ofYear.push(entry);
		else byYear.set(entry.year, [entry]);
	}

	const townships: TownshipSummary<E>[] = [...byCodeReports.values()].map((list) => {
		const reports = [...list].sort((a, b) => a.year - b.year);
		const latest = reports[reports.length - 1]!;
		return { township: latest.township, reports, latest, years: reports.map((r) => r.year) };
	});
	townships.sort((a, b) => townshipSortKey(a.township).localeCompare(townshipSortKey(b.township)));

	const byTownshipOrder = new Map(townships.map((t, i) => [t.township.code, i]));
	const inTownshipOrder = (a: E, b: E) =>
		byTownshipOrder.get(a.township.code)! - byTownshipOrder.get(b.township.code)!;
	for (const list of byYear.values()) list.sort(inTownshipOrder);

	return {
		reports: [...entries].sort((a, b) => b.year - a.year || inTownshipOrder(a, b)),
		townships,
		byCode: new Map(townships.map((t) => [t.township.code, t])),
		byYear,
		years: [...byYear.keys()].sort((a, b) => b - a),
	};
}

/** The report of the year before, for year-on-year change; undefined when there is none. */
export function previousReport(summary: TownshipSummary, year: number): ReportEntry | undefined {
	return summary.reports.find((r) => r.year === year - 1);
}
