/**
 * `npm run add`: turns URLs and local files into originals under content/reports/ with their
 * provenance. A URL is fetched politely; the bytes are parsed; a report is stored with a sidecar,
 * unless the collection already has it (same URL, same bytes) or already has another report for
 * the same township and year (a duplicate, reported with both sources). An HTML page that is not
 * itself a report but links attachments in its body is a wrapper: the attachments are collected,
 * each with the page recorded as where it was found.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Provenance } from '../model/provenance.ts';
import type { ReportRecord } from '../model/record.ts';
import { decodePage } from './charset.ts';
import { appendCorrection } from './corrections-entry.ts';
import { fileForm, publishedName } from './file-form.ts';
import type { Holdings } from './holdings.ts';
import type { Outcome } from './outcome.ts';
import { annualReportLinks, readPageLinks } from './page-links.ts';
import type { Placer } from '../model/placement.ts';
import { FetchFailure, type Fetched, type PoliteFetcher } from './polite-fetch.ts';
import type { ReadReport } from './read-report.ts';
import { collectedFileName, sha256Of, storeOriginal } from './store.ts';

export const REPORTS_DIR = 'content/reports';

export interface CollectorOptions {
	rootDir: string;
	fetcher: PoliteFetcher;
	read: ReadReport;
	place: Placer;
	holdings: Holdings;
	/** Store a newer file for a (township, year) that has one, and record it as a correction. */
	replace?: boolean;
	/** Called with every outcome as it happens (progress output). */
	onOutcome?: (outcome: Outcome) => void;
	now?: () => Date;
}

/** What the bytes came with, to build their provenance. */
interface Origin {
	source: string;
	provenance: (sha256: string, size: number, originalName: string | null) => Provenance;
	originalName: string | null;
	contentType: string | null;
}

export class Collector {
	private readonly options: CollectorOptions;

	constructor(options: CollectorOptions) {
		this.options = options;
	}

	/** A report page, a wrapper page or an attachment; one outcome per report found. */
	async addUrl(url: string, pageUrl: string | null = null, siteName: string | null = null) {
		if (!isWebUrl(url)) return [this.emit(badUrl(url))];
		const have = this.options.holdings.withUrl(url);
		if (have) return [this.emit({ kind: 'have', source: url, file: have.file, by: 'url' })];
		if (pageUrl === null && this.options.holdings.hasPage(url)) {
			const file = this.storedFromPage(url);
			return [this.emit({ kind: 'have', source: url, file, by: 'url' })];
		}
		let fetched: Fetched;
		try {
			fetched = await this.options.fetcher.get(url);
		} catch (error) {
			if (!(error instanceof FetchFailure)) throw error;
			return [
				this.emit({ kind: 'failed', source: url, ruleId: error.kind, reason: error.message }),
			];
		}
		const originalName = publishedName(fetched.contentDisposition, fetched.finalUrl);
		const origin: Origin = {
			source: url,
			originalName,
			contentType: fetched.contentType,
			provenance: (sha256, size, name) => ({
				retrieval: 'web',
				sourceUrl: url,
				finalUrl: fetched.finalUrl,
				pageUrl,
				siteName: siteName ?? this.pageSiteName(fetched) ?? new URL(fetched.finalUrl).host,
				httpStatus: fetched.status,
				contentType: fetched.contentType,
				retrievedAt: fetched.retrievedAt,
				sha256,
				size,
				originalName: name,
			}),
		};
		return this.consider(fetched.bytes, origin, pageUrl === null ? fetched : null);
	}

	/** A local file: copied in with its fingerprint; its web address is not known. */
	async addFile(path: string): Promise<Outcome[]> {
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(path);
		} catch (error) {
			const reason = `无法读取文件：${(error as Error).message}`;
			return [this.emit({ kind: 'failed', source: path, ruleId: 'cannot-read', reason })];
		}
		const retrievedAt = (this.options.now?.() ?? new Date()).toISOString();
		return this.consider(
			bytes,
			{
				source: path,
				originalName: basename(path),
				contentType: null,
				provenance: (sha256, size, originalName) => ({
					retrieval: 'file',
					retrievedAt,
					sha256,
					size,
					originalName,
				}),
			},
			null,
		);
	}

	/** The report links of a listing page (their text names a 政府信息公开工作年度报告). */
	async reportLinksOf(indexUrl: string): Promise<{ urls: string[]; failure: Outcome | null }> {
		if (!isWebUrl(indexUrl)) return { urls: [], failure: this.emit(badUrl(indexUrl)) };
		try {
			const page = await this.options.fetcher.get(indexUrl);
			const { text } = decodePage(page.bytes, page.contentType);
			const links = annualReportLinks(readPageLinks(text, page.finalUrl));
			if (links.length === 0)
				return {
					urls: [],
					failure: this.emit({
						kind: 'not-report',
						source: indexUrl,
						reason: '列表页上没有文字含“政府信息公开……年度报告/年报”的链接',
					}),
				};
			return { urls: links.map((l) => l.url), failure: null };
		} catch (error) {
			if (!(error instanceof FetchFailure)) throw error;
			const failure: Outcome = {
				kind: 'failed',
				source: indexUrl,
				ruleId: error.kind,
				reason: error.message,
			};
			return { urls: [], failure: this.emit(failure) };
		}
	}

	private async consider(
		bytes: Uint8Array,
		origin: Origin,
		page: Fetched | null,
	): Promise<Outcome[]> {
		const { holdings } = this.options;
		const sha256 = sha256Of(bytes);
		const same = holdings.withSha256(sha256);
		if (same)
			return [this.emit({ kind: 'have', source: origin.source, file: same.file, by: 'sha256' })];

		const form = fileForm(bytes, origin.contentType, origin.originalName);
		const extension =
			form ??
			(extname(origin.originalName ?? '')
				.slice(1)
				.toLowerCase() ||
				'bin');
		const probeFile = `${REPORTS_DIR}/${collectedFileName({ year: null, township: null, sha256, extension })}`;
		let record: ReportRecord | null = null;
		let rejection = '';
		try {
			record = await this.options.read(bytes, probeFile);
		} catch (error) {
			if (!(error instanceof Error) || error.name !== 'ReportRejection') throw error;
			rejection = error.message;
		}
		// A page that is no report, or one without tables, may wrap the report as an attachment.
		if (page && form === 'html' && (record === null || !hasTables(record))) {
			const links = readPageLinks(decodePage(bytes, origin.contentType).text, page.finalUrl);
			const attachments = links.attachments.filter((a) => a.url !== page.finalUrl);
			if (attachments.length > 0) {
				const outcomes: Outcome[] = [];
				const siteName = links.siteName ?? new URL(page.finalUrl).host;
				for (const attachment of attachments)
					outcomes.push(...(await this.addUrl(attachment.url, origin.source, siteName)));
				return outcomes;
			}
		}
		if (record === null)
			return [
				this.emit({
					kind: 'not-report',
					source: origin.source,
					reason: page && form === 'html' ? `${rejection}；页面正文中也没有附件链接` : rejection,
				}),
			];
		return [await this.keep(bytes, sha256, extension, record, origin)];
	}

	private async keep(
		bytes: Uint8Array,
		sha256: string,
		extension: string,
		record: ReportRecord,
		origin: Origin,
	): Promise<Outcome> {
		const { holdings, place, rootDir } = this.options;
		const probe = collectedFileName({ year: null, township: null, sha256, extension });
		const placement = place(record, `${REPORTS_DIR}/${probe}`);
		const existing = placement.slot ? await holdings.withSlot(placement.slot) : undefined;
		if (existing && !this.options.replace)
			return this.emit({
				kind: 'duplicate',
				source: origin.source,
				slot: placement.slot!,
				township: placement.township,
				existingFile: existing.file,
				existingSource: sourceOf(existing.provenance, existing.file),
			});
		const file = collectedFileName({
			year: placement.year,
			township: record.metadata.township ?? placement.township,
			sha256,
			extension,
		});
		const provenance = origin.provenance(sha256, bytes.length, origin.originalName);
		if (existing)
			provenance.notes = `取代此前下载的 content/reports/${existing.file}（SHA-256 ${existing.sha256}）`;
		const absolute = join(rootDir, REPORTS_DIR, file);
		if (!storeOriginal(absolute, bytes, provenance))
			return this.emit({ kind: 'have', source: origin.source, file, by: 'sha256' });
		if (existing)
			appendCorrection(rootDir, {
				file,
				replaces: existing.file,
				note: `重新下载：${origin.source}`,
				date: (this.options.now?.() ?? new Date()).toISOString().slice(0, 10),
			});
		holdings.add({ file, sha256, provenance, placement });
		return this.emit({
			kind: 'stored',
			source: origin.source,
			file,
			record,
			placement,
			replaces: existing?.file ?? null,
		});
	}

	private pageSiteName(fetched: Fetched): string | null {
		if (fileForm(fetched.bytes, fetched.contentType, null) !== 'html') return null;
		const { text } = decodePage(fetched.bytes, fetched.contentType);
		return readPageLinks(text, fetched.finalUrl).siteName;
	}

	private storedFromPage(url: string): string {
		// hasPage() said one exists; name the first for the message.
		return this.options.holdings.fileFromPage(url) ?? '';
	}

	private emit(outcome: Outcome): Outcome {
		this.options.onOutcome?.(outcome);
		return outcome;
	}
}

function isWebUrl(text: string): boolean {
	try {
		return /^https?:$/.test(new URL(text).protocol);
	} catch {
		return false;
	}
}

const badUrl = (source: string): Outcome => ({
	kind: 'failed',
	source,
	ruleId: 'bad-url',
	reason: '不是完整的 http:// 或 https:// 网址',
});

const hasTables = (record: ReportRecord) =>
	record.table3 !== null || record.table2 !== null || record.table2v2019 !== null;

function sourceOf(provenance: Provenance | null, file: string): string {
	if (provenance?.retrieval === 'web') return provenance.sourceUrl;
	if (provenance?.retrieval === 'file') return `本地文件 ${provenance.originalName ?? file}`;
	return `来源未记录（content/reports/${file}）`;
}
