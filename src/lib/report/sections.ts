/**
 * Locate the six sections. A line is a heading only if, once numbering and markdown are
 * stripped, it reads as one of the six titles (or a known variant) and the sections come
 * in increasing order; inner lists that reuse 一、二、 are skipped that way.
 */
import { compact, type SourceLines } from './source.ts';
import { SECTION_KEYS, type SectionKey } from '../model/vocabulary.ts';

export interface SectionSpan {
	key: SectionKey;
	headingRaw: string;
	/** 0-based index of the heading line; the body runs to `end` (exclusive). */
	start: number;
	end: number;
}

const TITLES: Record<SectionKey, RegExp> = {
	overview:
		/^(?:\d{4}年(?:度)?)?(?:政府信息公开(?:工作)?的?)?(?:总体情况|工作基本情况|工作开展情况|概述)$/,
	activeDisclosure: /主动公开(?:政府|政务)信息(?:情况)?$/,
	applications: /收到和处理.*申请(?:情况)?$/,
	reviewLitigation: /行政复议.{0,6}行政诉讼(?:情况)?$/,
	problemsImprovements: /存在的?主要问题|存在的问题及改进|建议和下一步工作/,
	otherMatters: /其[他它](?:需要)?报告(?:的)?事项/,
};

const NUMBERING =
	/^(?:[一二三四五六七八九十]+[、.]|\d+[、.]|\([一二三四五六七八九十\d]+\)|第[一二三四五六七八九十]+部分)/;

/** The heading's title text, or null when the line cannot be a heading at all. */
function headingTitle(norm: string): string | null {
	// Every title and variant ends in one of these words; skip the rest cheaply.
	if (norm.length > 80 || !/情况|事项|概述|问题|下一步/.test(norm)) return null;
	const text = compact(norm.replace(/^\s*(?:#+|[-*]\s)/, ''));
	if (text.length === 0 || text.length > 40 || text.includes('。')) return null;
	return text.replace(NUMBERING, '').replace(/[:：].*$/, '');
}

export function findSections(
	src: SourceLines,
	trailerStart: number,
): Partial<Record<SectionKey, SectionSpan>> {
	const found: SectionSpan[] = [];
	let next = 0;
	for (let i = 0; i < trailerStart && next < SECTION_KEYS.length; i++) {
		const title = headingTitle(src.norm[i] ?? '');
		if (title === null) continue;
		for (let k = next; k < SECTION_KEYS.length; k++) {
			if (TITLES[SECTION_KEYS[k]!].test(title)) {
				found.push({
					key: SECTION_KEYS[k]!,
					headingRaw: cleanHeading(src.raw[i] ?? ''),
					start: i,
					end: trailerStart,
				});
				next = k + 1;
				break;
			}
		}
	}
	found.forEach((s, j) => {
		if (j + 1 < found.length) s.end = found[j + 1]!.start;
	});
	return Object.fromEntries(found.map((s) => [s.key, s]));
}

function cleanHeading(raw: string): string {
	return raw
		.replace(/^\s*#+\s*/, '')
		.replace(/\[bookmark:[^\]]*\]|\*\*/g, '')
		.trim();
}

const TRAILER_LINE =
	/^(?:\d{4}年\d{1,2}月\d{1,2}日(?:印发)?|[\u4e00-\u9fa5]{2,40}(?:人民政府|政府|办事处|办公室|党政办|党委)(?:\d{4}年\d{1,2}月\d{1,2}日)?(?:印发)?|\(此页无正文\)|-{3,}|抄送.*|联系.*电话.*)$/;

/** Index of the first line of the closing block (signature, date, print line), or the line count. */
export function findTrailer(src: SourceLines): number {
	let start = src.norm.length;
	for (let i = src.norm.length - 1; i >= 0; i--) {
		const text = compact(src.norm[i] ?? '');
		if (text === '' || TRAILER_LINE.test(text)) {
			start = i;
			continue;
		}
		break;
	}
	// Leading blank lines are not part of the trailer.
	while (start < src.norm.length && compact(src.norm[start] ?? '') === '') start++;
	return start;
}

/** Readable section text from raw lines: artefacts removed, paragraphs split by a page break re-joined. */
export function sectionText(
	src: SourceLines,
	from: number,
	to: number,
	onlyProse: boolean,
): string {
	const paragraphs: string[] = [];
	for (let i = from; i < to; i++) {
		const line = (src.raw[i] ?? '')
			.replace(/\[bookmark:[^\]]*\]|\*\*/g, '')
			.replace(/^\s*#+\s*/, '')
			.trim();
		if (!line || /^-{3,}$/.test(line)) continue;
		if (onlyProse && !line.includes('。')) continue;
		const previous = paragraphs.at(-1);
		// "…群众" / "参与村内事务…": a paragraph that stops without punctuation continues on the next one.
		if (
			previous &&
			previous.length > 40 &&
			!/[。；！？：:;.!?）)”]$/.test(previous) &&
			/^[\u4e00-\u9fa5]/.test(line) &&
			!onlyProse
		) {
			paragraphs[paragraphs.length - 1] = previous + line;
		} else paragraphs.push(line);
	}
	return paragraphs.join('\n');
}
