/**
 * Lookups that many pages need, computed once per build from all entries:
 * township → its reports, year → its reports, the township list, and for each report what
 * the portal derives from it (its previous report, derived metrics, narrative similarity).
 * Pages receive slices of these instead of filtering the collection again (stack.md §1.2).
 */
import type { ReportEntry, Township } from '../model/entry.ts';
import { allDerived, type DerivedKey, type DerivedValue } from './derived-metrics.ts';
import { narrativeSimilarity, type NarrativeSimilarity } from './similarity.ts';

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

/** What the portal derives from one report, computed once per build. */
export interface ReportContext {
	/**
	 * The same township's latest earlier report in the portal, whatever its year (so 2021 when
	 * 2022 is missing): year-on-year figures and the narrative similarity compare with it, and
	 * pages name its year. Cross-year checks (X1, X2) are stricter: they need the year just before.
	 */
	previous: ReportEntry | undefined;
	derived: Record<DerivedKey, DerivedValue>;
	similarity: NarrativeSimilarity;
}

/** One report's context, given its township's previous report (the one meaning above). */
export function reportContext(
	entry: ReportEntry,
	previous: ReportEntry | undefined,
): ReportContext {
	return {
		previous,
		derived: allDerived(entry.record, entry.passedChecks),
		similarity: narrativeSimilarity(entry.record, previous?.record),
	};
}

/** Each report's context; `previous` from one pass over each township's reports, oldest first. */
export function reportContexts(entries: readonly ReportEntry[]): Map<string, ReportContext> {
	const byTownship = new Map<string, ReportEntry[]>();
	for (const e of entries) {
		const list = byTownship.get(e.township.code);
		if (list) list.push(e);
		else byTownship.set(e.township.code, [e]);
	}
	const contexts = new Map<string, ReportContext>();
	for (const list of byTownship.values()) {
		list.sort((a, b) => a.year - b.year);
		list.forEach((entry, i) => contexts.set(entry.id, reportContext(entry, list[i - 1])));
	}
	return contexts;
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
