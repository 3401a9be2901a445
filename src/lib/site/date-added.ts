/**
 * 收录日期: the day a report was added to the portal. The collection already records it: `npm run
 * add` writes the retrieval time into the original's provenance sidecar (content/reports/…
 * .source.json), which is committed with the file and read by the ingest into the entry. So the
 * date is part of the content, the same in every rebuild from a clean clone, and needs neither
 * git history (shallow clones lose it) nor the build clock. A correction keeps the day its
 * report first came in: the earlier of its own and the replaced file's retrieval. A report with no
 * sidecar (the bundled seeds) has no date, and reads 未记录, never today.
 */
import type { ReportEntry } from '../model/entry.ts';

export const DATE_NOT_RECORDED = '未记录';

/** The calendar day of an ISO time with offset, in Beijing time (the publishers' own clock). */
export function beijingDay(iso: string): string {
	return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD the report was first added, or null when the collection does not record it. */
export function dateAdded(
	entry: Pick<ReportEntry, 'provenance' | 'replacedProvenance'>,
): string | null {
	const times = [entry.provenance?.retrievedAt, entry.replacedProvenance?.retrievedAt]
		.filter((t): t is string => t !== undefined)
		.map((t) => Date.parse(t));
	return times.length === 0 ? null : beijingDay(new Date(Math.min(...times)).toISOString());
}
