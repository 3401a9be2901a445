/** The township directory: provinces, the split of large provinces by prefecture, the name index rows. */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../../src/lib/site/indexes.ts';
import {
	DIRECTORY_PROVINCE_LIMIT,
	directoryPages,
	directoryProvinces,
	indexRows,
	searchKey,
	UNPLACED_PROVINCE,
} from '../../../src/lib/site/township-directory.ts';
import { makeEntry } from './entry-factory.ts';

const yulin = { code: '6108', name: '榆林市' };
const yanan = { code: '6106', name: '延安市' };
const entries = [
	makeEntry({ code: '610881102', name: '店塔镇', year: 2022 }),
	makeEntry({ code: '610881102', name: '店塔镇', year: 2023 }),
	makeEntry({
		code: '610602100',
		name: '宝塔山街道',
		township: { prefecture: yanan, county: { code: '610602', name: '宝塔区' } },
	}),
	makeEntry({ code: '610000001', name: '某镇', township: { prefecture: null, county: null } }),
	makeEntry({
		code: 'x',
		name: '某单位',
		township: { province: null, prefecture: null, county: null },
	}),
];
const { townships } = buildSiteIndex(entries);
const provinces = directoryProvinces(townships);

describe('directoryProvinces', () => {
	it('puts every township under its province, the unplaced last', () => {
		expect(provinces.map((p) => [p.code, p.townships.length])).toEqual([
			['61', 3],
			[UNPLACED_PROVINCE, 1],
		]);
	});
});

describe('directoryPages', () => {
	it('keeps a province on one page when the division data lists few townships', () => {
		const pages = directoryPages(provinces, () => DIRECTORY_PROVINCE_LIMIT);
		expect(pages.map((p) => p.code)).toEqual(['61', UNPLACED_PROVINCE]);
		const shaanxi = pages[0]!;
		expect(shaanxi.counties.map((c) => [c.code, c.townships.length])).toEqual([
			['610602', 1],
			['610881', 1],
		]);
		expect(shaanxi.unplaced.map((t) => t.township.name)).toEqual(['某镇']);
	});

	it('splits a large province by prefecture; nothing is lost', () => {
		const pages = directoryPages(provinces, (code) =>
			code === '61' ? DIRECTORY_PROVINCE_LIMIT + 1 : 1,
		);
		expect(pages.map((p) => [p.code, p.province?.code ?? null])).toEqual([
			['61', null],
			['6106', '61'],
			['6108', '61'],
			[UNPLACED_PROVINCE, null],
		]);
		const [province, ...rest] = pages;
		expect(province!.prefectures.map((f) => [f.code, f.name, f.townships])).toEqual([
			['6106', yanan.name, 1],
			['6108', yulin.name, 1],
		]);
		// Townships with no prefecture stay on the province's page.
		expect(province!.unplaced.map((t) => t.township.name)).toEqual(['某镇']);
		const listed = pages.flatMap((p) => [...p.counties.flatMap((c) => c.townships), ...p.unplaced]);
		expect(listed.map((t) => t.township.code).sort()).toEqual(
			townships.map((t) => t.township.code).sort(),
		);
		expect(rest.every((p) => p.prefectures.length === 0)).toBe(true);
	});
});

describe('indexRows', () => {
	it('gives code, name, what the box matches, county and years', () => {
		const dianta = townships.find((t) => t.township.name === '店塔镇')!;
		const row = indexRows(provinces[0]!).find((r) => r[0] === '610881102')!;
		expect(row).toEqual([
			'610881102',
			'店塔镇',
			searchKey(dianta.township),
			'神木市',
			[2022, 2023],
		]);
		expect(row[2]).toContain('店塔镇');
		expect(row[2]).toContain(dianta.township.initials.toLowerCase());
		expect(row[2]).not.toMatch(/\s|[A-Z]/);
	});
});
