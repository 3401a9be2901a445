/**
 * What the portal changed and why, for /corrections/ and the RSS feed: each correction (a file
 * that replaces an earlier one for the same township and year) with its reason, date and both
 * fingerprints, and each township placement the curator decided by hand. Pure: the curator files
 * are read in curator-entries.ts.
 */
import type { ReportEntry } from '../model/entry.ts';
import type { CorrectionEntry, CuratorEntries, OverrideEntry } from './curator-entries.ts';
import { reportUrl } from './urls.ts';

export const CORRECTIONS_URL = '/corrections/';

export interface CorrectionItem {
	/** Fragment on /corrections/. */
	anchor: string;
	file: string;
	replaces: string;
	note: string | null;
	date: string | null;
	/** The published report this correction is, when it is on the site. */
	report: {
		url: string;
		title: string;
		sha256: string | null;
		replacedSha256: string | null;
	} | null;
}

export interface OverrideItem {
	anchor: string;
	/** What the entry matches: a file, or a township name (+ county) as printed. */
	matches: string;
	/** What it decides: a division code, or a body that is not a township. */
	decides: string;
	year: number | null;
	note: string | null;
	date: string | null;
}

const REPORTS_PREFIX = /^content\/reports\//;
const key = (path: string) =>
	path.replace(/\\/g, '/').replace(/^\.\//, '').replace(REPORTS_PREFIX, '');

export function correctionItems(
	entries: readonly ReportEntry[],
	curator: CuratorEntries,
	titleOf: (entry: ReportEntry) => string,
): CorrectionItem[] {
	const byFile = new Map(entries.map((e) => [key(e.sourceFile), e]));
	return curator.corrections.map((c: CorrectionEntry, i) => {
		const entry = byFile.get(key(c.file));
		return {
			anchor: `correction-${i + 1}`,
			file: key(c.file),
			replaces: key(c.replaces),
			note: c.note ?? null,
			date: c.date ?? null,
			report: entry
				? {
						url: reportUrl(entry.township.code, entry.year),
						title: titleOf(entry),
						sha256: entry.provenance?.sha256 ?? null,
						replacedSha256: entry.replacedProvenance?.sha256 ?? null,
					}
				: null,
		};
	});
}

export function overrideItems(
	curator: CuratorEntries,
	/** The township's name on the site, for a code it publishes. */
	nameOf: (code: string) => string | null = () => null,
): OverrideItem[] {
	return curator.overrides.map((o: OverrideEntry, i) => ({
		anchor: `override-${i + 1}`,
		matches:
			o.file !== undefined
				? `文件 ${key(o.file)}`
				: `原文写作“${o.township ?? ''}”${o.county ? `（${o.county}）` : ''}的报告`,
		decides:
			o.code !== undefined
				? `${nameOf(o.code) ?? '区划代码'}（${o.code}）`
				: `非乡镇单位“${o.body?.name ?? ''}”（${o.body?.key ?? ''}）`,
		year: o.year ?? null,
		note: o.note ?? null,
		date: o.date ?? null,
	}));
}

/** RSS items for both lists: newest dated first, undated after, in file order. */
export function correctionFeedItems(
	corrections: readonly CorrectionItem[],
	overrides: readonly OverrideItem[],
): { title: string; link: string; description: string; pubDate?: Date }[] {
	const items = [
		...corrections.map((c) => ({
			date: c.date,
			title: `更正：${c.report?.title ?? c.file}（取代 ${c.replaces}）`,
			link: `${CORRECTIONS_URL}#${c.anchor}`,
			description: c.note ?? '未写明原因',
		})),
		...overrides.map((o) => ({
			date: o.date,
			title: `乡镇认定：${o.matches} → ${o.decides}`,
			link: `${CORRECTIONS_URL}#${o.anchor}`,
			description: o.note ?? '未写明原因',
		})),
	];
	return items
		.map((item, order) => ({ item, order }))
		.sort((a, b) => (b.item.date ?? '').localeCompare(a.item.date ?? '') || a.order - b.order)
		.map(({ item: { date, ...rest } }) =>
			date && !Number.isNaN(Date.parse(date)) ? { ...rest, pubDate: new Date(date) } : rest,
		);
}
