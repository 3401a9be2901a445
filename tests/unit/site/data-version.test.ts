/** The data version (a content hash) and the suggested citations on /data/. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	citationEn,
	citationZh,
	DATASET_TITLE_EN,
	DATASET_TITLE_ZH,
	dataVersion,
} from '../../../src/lib/site/data-version.ts';

const hash = createHash('sha256').update('some reports').digest('hex');

describe('dataVersion', () => {
	it('is the start of the content hash, so equal data gives an equal version', () => {
		expect(dataVersion(hash)).toBe(hash.slice(0, 12));
		const again = createHash('sha256').update('some reports').digest('hex');
		expect(dataVersion(again)).toBe(dataVersion(hash));
		const other = createHash('sha256').update('other reports').digest('hex');
		expect(dataVersion(other)).not.toBe(dataVersion(hash));
	});

	it('refuses anything that is not a SHA-256', () => {
		expect(() => dataVersion('')).toThrow(/SHA-256/);
		expect(() => dataVersion(hash.slice(1))).toThrow(/SHA-256/);
	});
});

describe('citations', () => {
	const input = {
		version: dataVersion(hash),
		built: '2026-03-07',
		url: 'https://example.org/data/',
		reports: 1234,
	};

	it('Chinese: title, report count, version, build date, address, an access date to fill in', () => {
		const text = citationZh(input);
		expect(text).toContain(`《${DATASET_TITLE_ZH}》`);
		expect(text).toContain(`${input.reports} 份报告`);
		expect(text).toContain(`版本 ${input.version}`);
		expect(text).toContain('2026年3月7日更新');
		expect(text).toContain(`取自 ${input.url}`);
		expect(text).toMatch(/访问日期：_+年_+月_+日。$/);
	});

	it('English: the same facts with an English date', () => {
		const text = citationEn(input);
		expect(text).toContain(DATASET_TITLE_EN);
		expect(text).toContain(`version ${input.version}`);
		expect(text).toContain('updated 7 March 2026');
		expect(text).toContain(`Retrieved from ${input.url}`);
		expect(text).toContain(`(${input.reports} reports)`);
	});
});
