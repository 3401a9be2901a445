/** running-text.ts: issuer, year and own county said only in running text. */
import { describe, expect, it } from 'vitest';
import {
	issuerInText,
	ownCountyInText,
	reportNamedInSentence,
} from '../../../src/lib/report/running-text.ts';

describe('issuerInText', () => {
	it.each([
		['本报告由石门镇人民政府党政办公室编制，现予公布。', '石门镇人民政府'],
		['本报告由三门峡市陕州区发展和改革局编制。', '三门峡市陕州区发展和改革局'],
		['本报告由桐木镇人民政府根据《中华人民共和国政府信息公开条例》编制。', '桐木镇人民政府'],
		['本报告由城关镇根据《条例》要求编制。', '城关镇'],
		['本报告根据《条例》编制。', null],
	])('%s → %s', (text, body) => expect(issuerInText(text)).toBe(body));
});

describe('reportNamedInSentence', () => {
	it('reads the body and year of the sentence that names the report', () => {
		expect(
			reportNamedInSentence([
				'根据条例规定，现将红旗乡人民政府2020年度政府信息公开工作年度报告公布如下。',
			]),
		).toEqual({ body: '红旗乡人民政府', year: 2020 });
	});

	it.each([
		['现发布《临洮县新添镇2022年政府信息公开工作年度报告》。', '临洮县新添镇', 2022],
		['安镇街道2024年政府信息公开工作年度报告根据《条例》编制。', '安镇街道', 2024],
		['编制《太平镇政府2022年度政府信息公开工作年度报告》。', '太平镇政府', 2022],
		['我镇认真编制了《田黄镇2021年政府信息公开工作年度报告》。', '田黄镇', 2021],
	])('reads a township named without 人民政府: %s', (line, body, year) => {
		expect(reportNamedInSentence([line])).toEqual({ body, year });
	});

	it('takes no deictic word for a name ("全镇2023年…")', () => {
		expect(reportNamedInSentence(['全镇2023年政府信息公开工作年度报告如下。']).body).toBeNull();
	});

	it('reads a year without a body ("本局")', () => {
		expect(reportNamedInSentence(['现将本局2024年度政府信息公开工作情况报告如下。'])).toEqual({
			body: null,
			year: 2024,
		});
	});

	it('has nothing when no sentence names a report', () => {
		expect(reportNamedInSentence(['2023年，我镇扎实推进政务公开。'])).toEqual({
			body: null,
			year: null,
		});
	});
});

describe('ownCountyInText', () => {
	it('takes the county printed before the township', () => {
		expect(ownCountyInText('鹤峰县走马镇2024年度政府信息公开工作年度报告', '走马镇')).toBe(
			'鹤峰县',
		);
	});

	it('takes the county whose portal publishes the report, not one merely mentioned', () => {
		expect(
			ownCountyInText(
				'积极利用上党区人民政府门户网站公开信息。与桑植县政府、桑植县人民政府开展交流。',
				'苏店镇',
			),
		).toBe('上党区');
	});

	it('is null for "本区政府门户网站" and for a tie between two counties', () => {
		expect(ownCountyInText('在本区政府门户网站公开。', null)).toBeNull();
		expect(ownCountyInText('在甲县政府门户网站和乙县政府门户网站公开。', null)).toBeNull();
	});
});
