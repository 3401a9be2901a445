/** Grouping reports one level down: code order, nothing dropped. */
import { describe, expect, it } from 'vitest';
import { groupByRegion } from '../../../src/lib/site/region-groups.ts';
import { makeEntry } from './entry-factory.ts';

const shanxi = { code: '14', name: '山西省' };
const entries = [
	makeEntry({ code: '610881102' }),
	makeEntry({
		code: '140404100',
		township: { province: shanxi, county: { code: '140404', name: '上党区' } },
	}),
	makeEntry({ code: '610881103' }),
	makeEntry({ code: 'x1', township: { province: shanxi, county: null, prefecture: null } }),
	makeEntry({ code: 'x2', township: { province: null, county: null, prefecture: null } }),
];

describe('groupByRegion', () => {
	it('groups by province in code order and keeps the unplaced apart', () => {
		const { groups, unplaced } = groupByRegion(entries, 'province');
		expect(groups.map((g) => [g.code, g.reports.map((r) => r.township.code)])).toEqual([
			['14', ['140404100', 'x1']],
			['61', ['610881102', '610881103']],
		]);
		expect(unplaced.map((r) => r.township.code)).toEqual(['x2']);
	});

	it('groups by county; every report is in exactly one place', () => {
		const { groups, unplaced } = groupByRegion(entries, 'county');
		expect(groups.map((g) => g.code)).toEqual(['140404', '610881']);
		expect(groups.reduce((n, g) => n + g.reports.length, 0) + unplaced.length).toBe(entries.length);
	});
});
