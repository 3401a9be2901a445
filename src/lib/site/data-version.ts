/**
 * The data version and suggested citation stated on /data/. The version is a content hash: the
 * first 12 hex digits of the SHA-256 the download writer takes over every report as reports.json
 * carries it (write-downloads.ts, `dataHash` in its manifest). It changes exactly when the
 * published data changes and is the same from any clean clone of the same content (no git
 * history, no clock, no software version: a new parser that reads every number the same way
 * publishes the same data). The date beside it is the build date every page's 最后更新 shows
 * (build-date.ts), so the citation and the footer never disagree.
 */
import { buildDateText } from './build-date.ts';

/** Dataset titles as cited. */
export const DATASET_TITLE_ZH = '乡镇政府信息公开工作年度报告数据';
export const DATASET_TITLE_EN = 'Township Government Information Disclosure Annual Reports Dataset';

/** `sha256:` hash → the short version shown and cited, e.g. 3f9a1c0b2d4e. */
export function dataVersion(dataHash: string): string {
	if (!/^[0-9a-f]{64}$/.test(dataHash))
		throw new Error(
			`the downloads manifest's dataHash is not a SHA-256 in hex (${JSON.stringify(dataHash)}): run \`npm run downloads\` to rewrite it`,
		);
	return dataHash.slice(0, 12);
}

export interface CitationInput {
	version: string;
	/** Build date, YYYY-MM-DD. */
	built: string;
	/** Absolute address of the /data/ page. */
	url: string;
	/** A count, or its marker while the downloads are still being written (data-page-facts.ts). */
	reports: number | string;
}

/** 2026-11-29 → 29 November 2026. */
function englishDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', {
		month: 'long',
		timeZone: 'UTC',
	});
	return `${d} ${month} ${y}`;
}

/** The citation in Chinese (GB/T 7714 style for a dataset); the reader fills in the access date. */
export function citationZh({ version, built, url, reports }: CitationInput): string {
	return `《${DATASET_TITLE_ZH}》（${reports} 份报告），版本 ${version}，${buildDateText(built)}更新，取自 ${url}，访问日期：____年__月__日。`;
}

export function citationEn({ version, built, url, reports }: CitationInput): string {
	return `${DATASET_TITLE_EN} (${reports} reports), version ${version}, updated ${englishDate(built)}. Retrieved from ${url} on [access date].`;
}
