/**
 * Line ranges holding each table. A table lies between the heading of its own section and
 * the next one; when its heading is missing (lost in extraction, printed as an image, or the
 * text is an excerpt that starts inside the table), it starts at its first header or row-label
 * line between the found headings of the sections before and after it, which may be the very
 * first line of the text.
 */
import { compact, type SourceLines } from './source.ts';
import type { SectionSpan } from './sections.ts';
import { SECTION_KEYS, type SectionKey } from '../model/vocabulary.ts';

export type TableSection = 'activeDisclosure' | 'applications' | 'reviewLitigation';
export type TableRegions = Partial<Record<SectionKey, { from: number; to: number }>>;

const TABLE_SECTIONS: TableSection[] = ['activeDisclosure', 'applications', 'reviewLitigation'];

/** A table's own header words: where it starts when its section heading was lost. */
const HEADER_ANCHORS: Record<TableSection, RegExp> = {
	activeDisclosure: /^第二十条|^信息内容/,
	applications: /^\(?本列数据的勾稽|^申请人情况|^一、本年新收/,
	reviewLitigation: /^行政复议/,
};

/** Row labels, for a text that starts after the header: at the start of the line, after any numbering. */
const ROW_ANCHORS: Record<TableSection, RegExp> = {
	activeDisclosure: /^(?:规章|(?:行政)?规范性文件|行政许可|行政处罚|行政强制|行政事业性收费)/,
	applications:
		/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)*(?:本年新收|上年结转|本年度办理结果|予以公开|部分公开|不予公开|属于国家秘密|其他法律行政法规禁止|危及|保护第三方|属于三类内部|属于四类过程|属于行政执法|属于行政查询|无法提供|本机关不掌握|没有现成信息|补正后申请|不予处理|信访举报|重复申请|要求提供公开出版物|无正当理由大量|要求行政机关确认)/,
	reviewLitigation: /^(?:结果维持|未经复议直接起诉)/,
};

/**
 * A line that can belong to a table: a row with cells or numbers, or a label alone. Table 3's
 * labels are long and unmistakable; Table 2's are common words (规章, 行政许可), so a Table 2
 * label alone must be the whole line.
 */
function tableLike(key: TableSection, raw: string, text: string): boolean {
	if (/[\t|]/.test(raw) || /\d$/.test(text)) return true;
	return key === 'activeDisclosure' ? text.length <= 8 : text.length <= 30;
}

function anchorLine(src: SourceLines, key: TableSection, from: number, to: number): number {
	for (let i = from; i < to; i++) {
		const text = compact(src.norm[i] ?? '').replace(/^\|+/, ''); // empty leading cells too
		if (!text || text.includes('。')) continue;
		if (HEADER_ANCHORS[key].test(text)) return i;
		if (ROW_ANCHORS[key].test(text) && tableLike(key, src.raw[i] ?? '', text)) return i;
	}
	return -1;
}

export function tableRegions(
	src: SourceLines,
	spans: Partial<Record<SectionKey, SectionSpan>>,
	trailerStart: number,
): TableRegions {
	const anchors: Partial<Record<TableSection, number>> = {};
	// Where the search for a heading-less table may start: after the previous table or heading.
	let floor = 0;
	for (const key of TABLE_SECTIONS) {
		const order = SECTION_KEYS.indexOf(key);
		const own = spans[key];
		if (own) {
			floor = own.start + 1;
			continue;
		}
		const before = SECTION_KEYS.slice(0, order)
			.map((k) => spans[k]?.start)
			.filter((s): s is number => s !== undefined);
		const after = SECTION_KEYS.slice(order + 1)
			.map((k) => spans[k]?.start)
			.filter((s): s is number => s !== undefined);
		const lo = Math.max(floor, before.length ? Math.max(...before) + 1 : 0);
		const hi = Math.min(trailerStart, ...after);
		const at = anchorLine(src, key, lo, hi);
		if (at > -1) {
			anchors[key] = at;
			floor = at + 1;
		}
	}
	const boundaries = [
		...Object.values(spans).map((s) => s.start),
		...Object.values(anchors),
		trailerStart,
	].sort((a, b) => a - b);
	const regions: TableRegions = {};
	for (const key of TABLE_SECTIONS) {
		const from = spans[key] ? spans[key].start + 1 : anchors[key];
		if (from === undefined) continue;
		const to = boundaries.find((b) => b >= from && b !== anchors[key]) ?? trailerStart;
		regions[key] = { from, to: Math.max(from, to) };
	}
	return regions;
}
