/**
 * Size limits for one report, so that one oversized or pathological file cannot make a page of
 * 100 MB, a record.json of 65 MB or 100,000 messages, or stall the search indexer. A report over
 * a limit is refused by name with the limit in the message; the other reports still build.
 * README ("For curators") lists them.
 */
export const LIMITS = {
	/** A report's file size. The five real seeds are 6–8 KB; the longest real reports are about 60 KB. */
	reportBytes: 512 * 1024,
	/** Messages listed per report (log, summary, page); the rest are counted in one "and N more". */
	messagesPerReport: 50,
	/** A report's collection entry as JSON: record, provenance and source text together. */
	entryBytes: 4 * 1024 * 1024,
} as const;

export function sizeText(bytes: number): string {
	return bytes >= 1024 * 1024
		? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
		: `${Math.ceil(bytes / 1024)} KiB`;
}
