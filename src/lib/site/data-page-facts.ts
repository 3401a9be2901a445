/**
 * What the /data/ page states that only the download writer knows: the data version (the
 * manifest's dataHash), the report count and every file's size. `npm run build` runs the writer
 * and `astro build` at the same time (scripts/build.ts), so while the page is rendered the
 * manifest does not exist yet: in that build (PORTAL_DOWNLOADS_PENDING=1) each value is rendered
 * as a marker `{{data:KEY}}`, and the build fills the markers in from the manifest once both have
 * finished (`fillDataPage`). Both paths take their values from `dataPageValues`, and no value
 * holds a character HTML escapes, so the page is the same bytes either way.
 */
import { dataVersion } from './data-version.ts';
import { formatCount } from './format.ts';
import { DOWNLOAD_FILES, type DownloadManifest } from './write-downloads.ts';

/** Set by scripts/build.ts in `astro build`'s environment when the writer runs beside it. */
export const DOWNLOADS_PENDING_ENV = 'PORTAL_DOWNLOADS_PENDING';

export interface DataFileFacts {
	file: string;
	/** Whether `<file>` itself is served (false: only `<file>.gz`). */
	plain: boolean;
	/** Whether a `<file>.gz` is served. */
	gzip: boolean;
	/** The size of the file served under /data/ (`<file>` or `<file>.gz`), in bytes. */
	servedBytes: string;
	/** The uncompressed size, as shown (`12.3 KB`). */
	size: string;
	/** The gzip copy's size as shown, when there is one. */
	gzipSize: string | null;
}

export interface DataPageFacts {
	/** The data version: 12 hex digits. */
	version: string;
	/** The report count, digits only (an attribute). */
	reports: string;
	/** The report count as shown (`2,000`). */
	reportsText: string;
	files: DataFileFacts[];
}

/** 12.3 KB style; bytes below 1 KB as bytes. */
export function sizeText(bytes: number): string {
	return bytes < 1024
		? `${bytes} 字节`
		: bytes < 1024 * 1024
			? `${(bytes / 1024).toFixed(1)} KB`
			: `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface Layout {
	file: string;
	plain: boolean;
	gzip: boolean;
}

const layoutOf = (manifest: DownloadManifest): Layout[] =>
	manifest.files.map((f) => ({ file: f.file, plain: f.plain, gzip: f.gzipBytes !== null }));

/** Every value the page states, by key. */
export function dataPageValues(manifest: DownloadManifest): Map<string, string> {
	const values = new Map<string, string>([
		['version', dataVersion(manifest.dataHash)],
		['reports', String(manifest.reports)],
		['reportsText', formatCount(manifest.reports)],
	]);
	for (const f of manifest.files) {
		values.set(`${f.file}:servedBytes`, String(f.plain ? f.bytes : f.gzipBytes));
		values.set(`${f.file}:size`, sizeText(f.bytes));
		if (f.gzipBytes !== null) values.set(`${f.file}:gzipSize`, sizeText(f.gzipBytes));
	}
	return values;
}

function factsFrom(layout: readonly Layout[], value: (key: string) => string): DataPageFacts {
	return {
		version: value('version'),
		reports: value('reports'),
		reportsText: value('reportsText'),
		files: layout.map(({ file, plain, gzip }) => ({
			file,
			plain,
			gzip,
			servedBytes: value(`${file}:servedBytes`),
			size: value(`${file}:size`),
			gzipSize: gzip ? value(`${file}:gzipSize`) : null,
		})),
	};
}

/** The page's values from the writer's manifest. */
export function dataPageFacts(manifest: DownloadManifest): DataPageFacts {
	const values = dataPageValues(manifest);
	return factsFrom(layoutOf(manifest), (key) => values.get(key)!);
}

const marker = (key: string) => `{{data:${key}}}`;
const MARKER = /\{\{data:([^{}]+)\}\}/g;

/** The page's values as markers, in the files' layout the writer always writes (DOWNLOAD_FILES). */
export function pendingDataPageFacts(): DataPageFacts {
	return factsFrom(DOWNLOAD_FILES, marker);
}

/**
 * The /data/ page rendered with markers, filled in from the manifest. Throws when the manifest's
 * files are not the layout the page was rendered for, a marker has no value, or the page holds
 * no marker at all (it was not rendered pending: the build and the page disagree).
 */
export function fillDataPage(html: string, manifest: DownloadManifest): string {
	const expected = JSON.stringify(DOWNLOAD_FILES);
	if (JSON.stringify(layoutOf(manifest)) !== expected)
		throw new Error(
			`下载文件清单与 /data/ 页面的布局不符：清单 ${JSON.stringify(layoutOf(manifest))}，页面 ${expected}`,
		);
	const values = dataPageValues(manifest);
	let filled = 0;
	const page = html.replace(MARKER, (_, key: string) => {
		const value = values.get(key);
		if (value === undefined) throw new Error(`/data/ 页面的占位 ${marker(key)} 没有对应的值`);
		// Astro escapes & < > ' " in text and & " in attributes: a value without them is written as is.
		if (/[&<>'"]/.test(value)) throw new Error(`/data/ 页面的值含有需转义的字符：${value}`);
		filled++;
		return value;
	});
	if (filled === 0) throw new Error('/data/ 页面没有占位：它不是在下载文件写出之前生成的');
	return page;
}
