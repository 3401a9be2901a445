import { describe, expect, it } from 'vitest';
import { buildSiteIndex, placeName, reportContexts } from '../../../src/lib/site/indexes.ts';
import { makeEntry } from './entry-factory.ts';

const shaanxi = {
	province: { code: '61', name: '陕西省' },
	prefecture: { code: '6108', name: '榆林市' },
	county: { code: '610881', name: '神木市' },
};
const shanxi = {
	province: { code: '14', name: '山西省' },
	prefecture: { code: '1409', name: '忻州市' },
	county: { code: '140930', name: '河曲县' },
};

describe('buildSiteIndex', () => {
	const entries = [
		makeEntry({ code: '610881102', year: 2022, township: shaanxi }),
		makeEntry({ code: '140930104', year: 2023, name: '旧县镇', township: shanxi }),
		makeEntry({ code: '610881102', year: 2023, township: shaanxi }),
	];
	const index = buildSiteIndex(entries);

	it('groups reports by township, oldest first', () => {
		expect(index.byCode.get('610881102')!.years).toEqual([2022, 2023]);
		expect(index.byCode.get('610881102')!.latest.year).toBe(2023);
	});
	it('groups reports by year and lists years newest first', () => {
		expect(index.years).toEqual([2023, 2022]);
		expect(index.byYear.get(2023)!.map((r) => r.township.code)).toEqual(['140930104', '610881102']);
	});
	it('orders townships by province, prefecture and county code', () => {
		expect(index.townships.map((t) => t.township.code)).toEqual(['140930104', '610881102']);
	});
	it('lists all reports newest year first', () => {
		expect(index.reports.map((r) => r.id)).toEqual([
			'140930104-2023',
			'610881102-2023',
			'610881102-2022',
		]);
	});
	it('gives each report its previous report of the same township, once', () => {
		const context = reportContexts(entries);
		expect(context.get('610881102-2023')!.previous?.id).toBe('610881102-2022');
		expect(context.get('610881102-2022')!.previous).toBeUndefined();
		expect(context.get('140930104-2023')!.previous).toBeUndefined();
		expect(context.size).toBe(entries.length);
	});
	it('takes the latest earlier report when a year is missing, not only the calendar year before', () => {
		const gap = reportContexts([
			makeEntry({ code: '610881102', year: 2019, township: shaanxi }),
			makeEntry({ code: '610881102', year: 2023, township: shaanxi }),
			makeEntry({ code: '610881102', year: 2021, township: shaanxi }),
		]);
		expect(gap.get('610881102-2023')!.previous?.year).toBe(2021);
		expect(gap.get('610881102-2021')!.previous?.year).toBe(2019);
	});
	it('refuses two reports of one township for one year', () => {
		expect(() => buildSiteIndex([makeEntry(), makeEntry()])).toThrow(/Two reports/);
	});
});

describe('placeName', () => {
	it('prefixes the county when known', () => {
		expect(placeName(makeEntry({ township: shaanxi }).township)).toBe('神木市店塔镇');
		expect(placeName(makeEntry({ township: { county: null } }).township)).toBe('店塔镇');
	});
});
