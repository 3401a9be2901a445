import { describe, expect, it } from 'vitest';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import { buildSiteIndex } from '../../../src/lib/site/indexes.ts';
import { buildTracker, trackerCsv, yearSpan } from '../../../src/lib/site/tracker.ts';
import { readCsvObjects } from '../../support/read-csv.ts';
import { makeEntry } from './entry-factory.ts';

const table: DivisionTable = {
	source: 'test',
	provinces: { '61': '陕西省' },
	prefectures: { '6108': '榆林市' },
	counties: { '610881': '神木市', '610802': '榆阳区' },
	townships: {
		'610881': ['101滨河新区街道', '102店塔镇', '103孙家岔镇'],
		'610802': ['100鼓楼街道'],
	},
};

const entries = [
	makeEntry({ code: '610881102', year: 2021 }),
	makeEntry({ code: '610881102', year: 2023 }),
	makeEntry({ code: '610881103', year: 2023, name: '孙家岔镇' }),
	// In the collection but not in the division table under its county (a code changed since 2023,
	// say).
	makeEntry({ code: '610881999', year: 2022, name: '新设镇' }),
	makeEntry({
		code: 'x-unplaced',
		year: 2023,
		name: '某单位',
		township: { county: null, prefecture: null, province: null },
	}),
];
const tracker = buildTracker(buildSiteIndex(entries).townships, table);

describe('yearSpan', () => {
	it('fills the years between the first and last, so a year with no report is a visible gap', () => {
		expect(yearSpan([2023, 2021])).toEqual([2021, 2022, 2023]);
		expect(yearSpan([])).toEqual([]);
	});
});

describe('buildTracker', () => {
	it('lists only counties the collection reaches, with all their townships from the division table', () => {
		expect(tracker.counties.map((c) => c.code)).toEqual(['610881']);
		expect(tracker.counties[0]!.townships.map((t) => [t.code, t.name, t.inDivisionTable])).toEqual([
			['610881101', '滨河新区街道', true],
			['610881102', '店塔镇', true],
			['610881103', '孙家岔镇', true],
			['610881999', '新设镇', false],
		]);
	});
	it('marks which township has a report in which year, and counts coverage per year', () => {
		const county = tracker.counties[0]!;
		const dianta = county.townships.find((t) => t.code === '610881102')!;
		expect([...dianta.reports.keys()]).toEqual([2021, 2023]);
		expect(county.coverage).toEqual([
			{ year: 2021, published: 1, of: 4 },
			{ year: 2022, published: 1, of: 4 },
			{ year: 2023, published: 2, of: 4 },
		]);
	});
	it('keeps townships without a known county apart instead of dropping them', () => {
		expect(tracker.unplaced.map((t) => t.township.code)).toEqual(['x-unplaced']);
	});
});

describe('trackerCsv', () => {
	it('writes one row per township and year, with the report where there is one', () => {
		const rows = readCsvObjects(trackerCsv(tracker));
		expect(rows).toHaveLength(4 * 3);
		expect(rows.find((r) => r.townshipCode === '610881102' && r.year === '2023')).toMatchObject({
			published: 'true',
			reportId: '610881102-2023',
			reportUrl: '/townships/610881102/2023/',
			countyName: '神木市',
			provinceName: '陕西省',
		});
		expect(rows.find((r) => r.townshipCode === '610881101' && r.year === '2022')).toMatchObject({
			published: 'false',
			reportId: '',
			inDivisionTable: 'true',
		});
	});
});
