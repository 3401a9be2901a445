/**
 * How much of a report's narrative repeats the same township's previous report, sentence for
 * sentence. Copying last year's text with the year changed is common; the share of repeated
 * sentences makes it visible without judging the content.
 */
import type { ReportRecord } from '../model/record.ts';
import { SECTION_KEYS } from '../model/vocabulary.ts';

/** Sentences shorter than this (after normalising) are left out: "无。" or "一是加强领导。" repeat by nature. */
export const MIN_SENTENCE_LENGTH = 8;

/** Splits on the sentence-ending marks 。！？； (full- and half-width). */
export function splitSentences(text: string): string[] {
	return text
		.split(/[。！？；!?;]/)
		.map(normaliseSentence)
		.filter((s) => s.length >= MIN_SENTENCE_LENGTH);
}

/**
 * The form two sentences are compared in: no whitespace or Markdown marks, and every year
 * written as 〇〇〇〇, so "2022年…" and "2023年…" with the same words count as a repeat.
 */
export function normaliseSentence(sentence: string): string {
	return sentence
		.replace(/[\s\u00a0\u3000*#>|]+/g, '')
		.replace(/(?<!\d)(?:19|20)\d\d(?!\d)/g, '〇〇〇〇');
}

/** The six sections' text, in order: the report's own words, without its tables. */
export const narrativeOf = (record: ReportRecord) =>
	SECTION_KEYS.map((k) => record.sections[k].text).join('\n');

export interface NarrativeSimilarity {
	/** Sentences of the current report also found in the previous one. */
	repeated: number;
	/** Sentences of the current report (long enough to count). */
	total: number;
	/** repeated ÷ total, or null when status is not 'ok'. */
	share: number | null;
	/** 'unavailable': no previous report, or no countable sentence in the current one. */
	status: 'ok' | 'unavailable';
}

export function sentenceSimilarity(current: string, previous: string | null): NarrativeSimilarity {
	const sentences = splitSentences(current);
	if (previous === null || sentences.length === 0) {
		return { repeated: 0, total: sentences.length, share: null, status: 'unavailable' };
	}
	const before = new Set(splitSentences(previous));
	const repeated = sentences.filter((s) => before.has(s)).length;
	return { repeated, total: sentences.length, share: repeated / sentences.length, status: 'ok' };
}

/** Similarity of a report's narrative to the previous report of the same township (undefined: none). */
export const narrativeSimilarity = (current: ReportRecord, previous: ReportRecord | undefined) =>
	sentenceSimilarity(narrativeOf(current), previous ? narrativeOf(previous) : null);
