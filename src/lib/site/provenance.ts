/**
 * How a report page and the open data present where a report came from: the original's
 * download address on this site, the retrieval time in Beijing time (the publishers' own clock),
 * and the original's bytes for the download endpoint. A page never runs a government's HTML on
 * this site's origin: an HTML original is served as text (`original.html.txt`). Pure: the
 * bytes are read in original-file.ts, at build time only. Which reports have an original is
 * decided in model/original.ts.
 */
import type { ReportEntry } from '../model/entry.ts';
import { originalExtension } from '../model/original.ts';
import { reportUrl } from './urls.ts';

/** Originals a browser would render as a live page or script if served under their own name. */
const ACTIVE_FORMS = /^(html?|shtml|xhtml|jhtml|svg|xml|js|mjs)$/;

/** `original.pdf`, `original.html.txt`; null when the report has no original beside its text. */
export function originalFileName(entry: ReportEntry): string | null {
	const extension = originalExtension(entry);
	if (extension === null) return null;
	return ACTIVE_FORMS.test(extension) ? `original.${extension}.txt` : `original.${extension}`;
}

/** `/townships/<code>/<year>/original.pdf`, or null when there is no original. */
export function originalUrl(entry: ReportEntry): string | null {
	const name = originalFileName(entry);
	return name === null ? null : `${reportUrl(entry.township.code, entry.year)}${name}`;
}

/** The name a download is saved under: the name it was published with, else one built from the report id. */
export function originalDownloadName(entry: ReportEntry): string {
	const published = entry.provenance?.originalName;
	const extension = /\.([A-Za-z0-9]+)$/.exec(entry.sourceFile)?.[1] ?? 'bin';
	return published && /\.[A-Za-z0-9]+$/.test(published) ? published : `${entry.id}.${extension}`;
}

/** "2026年11月29日 16:05（北京时间）": ISO time with any offset, shown at UTC+8. */
export function formatRetrievedAt(iso: string): string {
	const beijing = new Date(Date.parse(iso) + 8 * 3600_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return (
		`${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ` +
		`${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}（北京时间）`
	);
}

/** "1.2 MB", "56 KB", "900 字节". */
export function formatSize(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} 字节`;
}
