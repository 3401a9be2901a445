/**
 * Locate the six sections. A line is a heading only if, once numbering and markdown are
 * stripped, the whole of it reads as one of the six titles (or a known variant). A heading
 * starts its line and follows a blank line or a finished sentence, so wrapped prose that
 * happens to end in a title (the preamble listing the six parts, a sentence broken by a PDF
 * line) is not one; an unnumbered line must qualify that way, a numbered one only loses
 * weight. Of all candidates, the sections are the best-weighted chain in increasing order, so
 * inner lists that reuse 一、二、 and a wrong early match cannot hide the real headings.
 */
import { compact, type SourceLines } from './source.ts';
import { SECTION_KEYS, type SectionKey } from '../model/vocabulary.ts';
import { isChromeLine } from './page-chrome.ts';

export interface SectionSpan {
	key: SectionKey;
	headingRaw: string;
	/** 0-based index of the heading line; the body runs to `end` (exclusive). */
	start: number;
	end: number;
}

// Anchored at both ends: the line is the title, not a sentence or list that contains it.
// Short prefixes such as 行政机关 / 本机关 / 因政府信息公开工作被申请 are allowed, list separators are not.
const TITLES: Record<SectionKey, RegExp> = {
	overview:
		/^(?:\d{4}年(?:度)?)?(?:(?:政府信息|政务|信息)公开(?:工作)?的?)?(?:总体(?:工作)?情况|总体概述|工作基本情况|基本概况|工作开展情况|概述)$/,
	activeDisclosure: /^[^、，,]{0,8}主动公开(?:政府|政务)信息(?:的)?(?:情况)?$/,
	applications: /^[^、，,]{0,8}收到和处理[^、，,]{0,12}申请(?:的)?(?:情况)?$/,
	reviewLitigation: /^[^、，,]{0,14}行政复议.{0,6}行政诉讼(?:的)?(?:情况)?$/,
	problemsImprovements:
		/^[^、，,]{0,14}(?:存在的?(?:主要)?问题|主要问题(?:及|和)改进|建议和下一步工作)[^、，,]{0,10}$/,
	otherMatters: /^[^、，,]{0,8}其[他它](?:需要)?报告(?:的)?事项$/,
};

const NUMBERING =
	/^(?:([一二三四五六七八九十]+)[、.]|(\d+)[、.]|\(([一二三四五六七八九十\d]+)\)|第([一二三四五六七八九十]+)部分)/;

interface HeadingText {
	title: string;
	/** `top`: 一、 / 1、 / 第一部分; `sub`: (一); `none`: no numbering. */
	numbering: 'top' | 'sub' | 'none';
	ordinal: number | null;
}

/** The heading's title text and numbering, or null when the line cannot be a heading at all. */
function headingText(norm: string): HeadingText | null {
	// Every title and variant ends in one of these words; skip the rest cheaply.
	if (norm.length > 80 || !/情况|事项|概述|概况|问题|下一步/.test(norm)) return null;
	const text = compact(norm.replace(/^\s*(?:#+|[-*]\s)/, ''));
	if (text.length === 0 || text.length > 40 || text.includes('。')) return null;
	const m = NUMBERING.exec(text);
	const digits = m ? (m[1] ?? m[2] ?? m[3] ?? m[4]!) : null;
	return {
		title: text.slice(m?.[0].length ?? 0).replace(/[:：].*$/, ''),
		numbering: !m ? 'none' : m[3] !== undefined ? 'sub' : 'top',
		ordinal: digits === null ? null : ordinalOf(digits),
	};
}

const CHINESE_DIGITS = '一二三四五六七八九';
function ordinalOf(digits: string): number | null {
	if (/^\d+$/.test(digits)) return Number(digits);
	if (digits === '十') return 10;
	const at = CHINESE_DIGITS.indexOf(digits);
	return digits.length === 1 && at > -1 ? at + 1 : null;
}

/**
 * Whether the line before `i` lets a heading start: nothing, a blank line, a finished
 * sentence, a table row, a number, or a short line (a title, a caption). A long line ending
 * in the middle of a sentence (a character, a comma) continues onto line `i`.
 */
export function followsBreak(src: SourceLines, i: number): boolean {
	if (i === 0) return true;
	const raw = src.raw[i - 1] ?? '';
	const prev = compact(src.norm[i - 1] ?? '');
	if (prev === '' || /[\t|]/.test(raw)) return true;
	if (/[，、,《“(（]$/.test(prev)) return false;
	if (/[。；！？：:;.!?)）”"」』】\d]$/.test(prev)) return true;
	return prev.length < 16 || /(?:报告|年报)$/.test(prev);
}

interface Candidate {
	line: number;
	key: number;
	weight: number;
}

export function findSections(
	src: SourceLines,
	trailerStart: number,
): Partial<Record<SectionKey, SectionSpan>> {
	const candidates: Candidate[] = [];
	for (let i = 0; i < trailerStart; i++) {
		const heading = headingText(src.norm[i] ?? '');
		if (heading === null) continue;
		const key = SECTION_KEYS.findIndex((k) => TITLES[k].test(heading.title));
		if (key === -1) continue;
		const afterBreak = followsBreak(src, i);
		if (heading.numbering === 'none' && !afterBreak) continue;
		const weight =
			(heading.numbering === 'top' ? (heading.ordinal === key + 1 ? 4 : 3) : 0) +
			(heading.numbering === 'sub' ? 2 : 0) +
			(heading.numbering === 'none' ? 1 : 0) -
			(afterBreak ? 0 : 2);
		candidates.push({ line: i, key, weight: Math.max(weight, 0.5) });
	}
	const found = bestChain(candidates).map((c) => ({
		key: SECTION_KEYS[c.key]!,
		headingRaw: cleanHeading(src.raw[c.line] ?? ''),
		start: c.line,
		end: trailerStart,
	}));
	found.forEach((s, j) => {
		if (j + 1 < found.length) s.end = found[j + 1]!.start;
	});
	return Object.fromEntries(found.map((s) => [s.key, s]));
}

/** The heaviest chain of candidates with increasing lines and sections; ties keep the earlier ones. */
function bestChain(candidates: Candidate[]): Candidate[] {
	const total: number[] = [];
	const before: number[] = [];
	candidates.forEach((c, j) => {
		total[j] = c.weight;
		before[j] = -1;
		for (let p = 0; p < j; p++) {
			const q = candidates[p]!;
			if (q.key < c.key && q.line < c.line && total[p]! + c.weight > total[j]!) {
				total[j] = total[p]! + c.weight;
				before[j] = p;
			}
		}
	});
	let end = -1;
	total.forEach((t, j) => {
		if (end === -1 || t > total[end]!) end = j;
	});
	const chain: Candidate[] = [];
	for (let j = end; j !== -1; j = before[j]!) chain.unshift(candidates[j]!);
	return chain;
}

function cleanHeading(raw: string): string {
	return raw
		.replace(/^\s*#+\s*/, '')
		.replace(/\[bookmark:[^\]]*\]|\*\*/g, '')
		.trim();
}

const TRAILER_LINE =
	/^(?:\d{4}年\d{1,2}月\d{1,2}日(?:印发)?|[\u4e00-\u9fa5]{2,40}(?:人民政府|政府|办事处|办公室|党政办|党委)(?:\d{4}年\d{1,2}月\d{1,2}日)?(?:印发)?|\(此页无正文\)|-{3,}|抄送.*|联系.*电话.*)$/;

/** Index of the first line of the closing block (signature, date, print line, page footer), or the line count. */
export function findTrailer(src: SourceLines): number {
	let start = src.norm.length;
	for (let i = src.norm.length - 1; i >= 0; i--) {
		const text = compact(src.norm[i] ?? '');
		if (text === '' || TRAILER_LINE.test(text) || isChromeLine(text)) {
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
