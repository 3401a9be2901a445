import { describe, expect, it } from 'vitest';
import {
	narrativeSimilarity,
	normaliseSentence,
	sentenceSimilarity,
	splitSentences,
} from '../../../src/lib/site/similarity.ts';
import { makeEntry } from './entry-factory.ts';

describe('splitSentences', () => {
	it('splits on 。！？； and drops sentences too short to mean anything', () => {
		expect(
			splitSentences(
				'本年度我镇共主动公开政府信息八十条。无。是否收到申请？未收到任何申请人的申请；完',
			),
		).toEqual(['本年度我镇共主动公开政府信息八十条', '未收到任何申请人的申请']);
	});
	it('ignores spaces, line breaks and Markdown marks inside a sentence', () => {
		expect(splitSentences('**一是强化组织\n领导**，健全 工作机制。')).toEqual([
			'一是强化组织领导，健全工作机制',
		]);
	});
});

describe('normaliseSentence', () => {
	it('treats a sentence with only its year changed as the same sentence', () => {
		expect(normaliseSentence('2023年，我镇进一步加强政务公开')).toBe(
			normaliseSentence('2022 年，我镇进一步加强政务公开'),
		);
	});
	it('keeps other numbers, which carry the year’s facts', () => {
		expect(normaliseSentence('全年主动公开信息120条')).not.toBe(
			normaliseSentence('全年主动公开信息85条'),
		);
	});
});

describe('sentenceSimilarity', () => {
	const last =
		'2022年，我镇进一步加强政务公开工作。全年主动公开政府信息85条。政务公开工作人员专业性有待加强。';
	it('is the share of this year’s sentences found in last year’s text', () => {
		const now =
			'2023年，我镇进一步加强政务公开工作。全年主动公开政府信息120条。政务公开工作人员专业性有待加强。新建了村务公开栏十二处。';
		expect(sentenceSimilarity(now, last)).toEqual({
			repeated: 2,
			total: 4,
			share: 0.5,
			status: 'ok',
		});
	});
	it('is 1 for a copy and 0 for new text', () => {
		expect(sentenceSimilarity(last, last).share).toBe(1);
		expect(sentenceSimilarity('今年全部改写了工作报告的内容。', last).share).toBe(0);
	});
	it('is unavailable without a previous report or without sentences', () => {
		expect(sentenceSimilarity(last, null)).toMatchObject({
			status: 'unavailable',
			share: null,
			total: 3,
		});
		expect(sentenceSimilarity('无。', last)).toMatchObject({
			status: 'unavailable',
			share: null,
			total: 0,
		});
	});
});

describe('narrativeSimilarity', () => {
	it('compares the six sections of two records', () => {
		const text = '2022年，我镇进一步加强政务公开工作。';
		const before = makeEntry({ year: 2022, set: { 'sections.overview.text': text } }).record;
		const after = makeEntry({
			year: 2023,
			set: {
				'sections.overview.text': text.replace('2022', '2023'),
				'sections.otherMatters.text': '本年度未收取信息处理费用。',
			},
		}).record;
		expect(narrativeSimilarity(after, before)).toEqual({
			repeated: 1,
			total: 2,
			share: 0.5,
			status: 'ok',
		});
		expect(narrativeSimilarity(after, undefined).status).toBe('unavailable');
	});
});
