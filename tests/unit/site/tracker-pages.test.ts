/** The tracker's national, province and county rows: counts from the division table, coverage per year. */
import { describe, expect, it } from 'vitest';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import { buildSiteIndex } from '../../../src/lib/site/indexes.ts';
import { buildTracker } from '../../../src/lib/site/tracker.ts';
import {
	countyCoverage,
	coverageTenths,
	provinceCoverage,
	trackedProvinces,
} from '../../../src/lib/site/tracker-pages.ts';
import { makeEntry } from './entry-factory.ts';

const table: DivisionTable = {
	source: 'test',
	provinces: { '14': '山西省', '61': '陕西省' },
	prefectures: { '6108': '榆林市', '1404': '长治市' },
	counties: { '610881': '神木市', '610802': '榆阳区', '140404': '上党区' },
	townships: {
		'610881': ['101滨河新区街道', '102店塔镇', '103孙家岔镇'],
		'610802': ['100鼓楼街道', '101青山路街道'],
		'140404': ['100一', '101二', '102三', '103四'],
	},
};

const entries = [
	makeEntry({ code: '610881102', year: 2021 }),
	makeEntry({ code: '610881102', year: 2023 }),
	makeEntry({ code: '610881103', year: 2023, name: '孙家岔镇' }),
	makeEntry({ code: '610881999', year: 2022, name: '新设镇' }),
];
const tracker = buildTracker(buildSiteIndex(entries).townships, table);

describe('provinceCoverage', () => {
	it('has a row for every province of the table, linked only where the collection reaches', () => {
		const rows = provinceCoverage(tracker, table);
		expect(rows.map((r) => [r.code, r.href])).toEqual([
			['14', null],
			['61', '/tracker/61/'],
		]);
		// 陕西: 3 listed + 1 not in the table under 神木市, and 榆阳区's 2 (not reached).
		expect(rows[1]!.townships).toBe(6);
		expect(rows[0]!.townships).toBe(4);
		expect(rows[1]!.published).toEqual([1, 1, 2]);
		expect(rows[0]!.published).toEqual([0, 0, 0]);
	});
});

describe('countyCoverage', () => {
	it('lists every county of the province, grouped by prefecture, with its own counts', () => {
		const rows = countyCoverage(tracker, table, '61');
		expect(rows.map((r) => [r.code, r.name, r.townships, r.href, r.group])).toEqual([
			['610802', '榆阳区', 2, null, '榆林市'],
			['610881', '神木市', 4, '/tracker/610881/', '榆林市'],
		]);
		expect(rows[1]!.published).toEqual([1, 1, 2]);
		expect(rows[0]!.published).toEqual([0, 0, 0]);
	});

	it('sums to the province row', () => {
		const province = provinceCoverage(tracker, table).find((r) => r.code === '61')!;
		const counties = countyCoverage(tracker, table, '61');
		expect(counties.reduce((n, r) => n + r.townships, 0)).toBe(province.townships);
		province.published.forEach((p, i) =>
			expect(counties.reduce((n, r) => n + r.published[i]!, 0)).toBe(p),
		);
	});
});

describe('trackedProvinces', () => {
	it('names the provinces that get a page', () => {
		expect(trackedProvinces(tracker)).toEqual(['61']);
	});
});

describe('coverageTenths', () => {
	it('rounds to tenths, shows any coverage as at least one tenth, and none as zero', () => {
		expect(coverageTenths(0, 52)).toBe(0);
		expect(coverageTenths(1, 52)).toBe(1);
		expect(coverageTenths(26, 52)).toBe(5);
		expect(coverageTenths(52, 52)).toBe(10);
		expect(coverageTenths(3, 0)).toBe(0);
	});
});
