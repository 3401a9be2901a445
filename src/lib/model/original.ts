/**
 * Which reports have an original file to offer beside the text the site shows, and its
 * extension: a report whose text was derived (a web page, PDF or Word file), or one with recorded
 * provenance (downloaded by `npm run add`, whatever its form). The ingest copies that file byte
 * for byte into content/generated/originals/<id>.<ext>; the site serves it from there. One rule,
 * so the copy, the endpoint and the page's download link always agree.
 */
import type { ReportEntry } from './entry.ts';

const BY_FORMAT = { text: 'txt', html: 'html', pdf: 'pdf', docx: 'docx' } as const;

/** The original's extension (lower case, from its file name), or null when the text is the file. */
export function originalExtension(
	entry: Pick<ReportEntry, 'sourceFile' | 'provenance'> & {
		record: { source: Pick<ReportEntry['record']['source'], 'format' | 'derived'> };
	},
): string | null {
	const { format, derived } = entry.record.source;
	if (!derived && !entry.provenance) return null;
	const fromName = /\.([A-Za-z0-9]+)$/.exec(entry.sourceFile)?.[1]?.toLowerCase();
	return fromName ?? BY_FORMAT[format];
}
