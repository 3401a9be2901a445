import { describe, expect, it } from 'vitest';
import { metric, sumOrNull } from '../../../src/lib/site/key-figures.ts';
import { makeEntry } from './entry-factory.ts';

describe('sumOrNull', () => {
	it('is null when any part is unknown, or when there are no parts', () => {
		expect(sumOrNull([1, null, 2])).toBeNull();
		expect(sumOrNull([])).toBeNull();
		expect(sumOrNull([1, 2, 3])).toBe(6);
	});
});

describe('metric', () => {
	it('reads applications received from Table 3 row 一 总计', () => {
		const e = makeEntry({ set: { 'table3.newReceived.total': 7 } });
		expect(metric('applicationsReceived', e.record)).toBe(7);
	});
	it('sums the eight 不予公开 rows and is unknown if one of them is', () => {
		const e = makeEntry({
			set: { 'table3.deniedStateSecret.total': 1, 'table3.deniedAdminQuery.total': 2 },
		});
		expect(metric('denied', e.record)).toBe(3);
		const missing = makeEntry({ set: { 'table3.deniedThirdParty.total': null } });
		expect(metric('denied', missing.record)).toBeNull();
	});
	it('takes decisions from the 2019 table when the report used that format', () => {
		const e = makeEntry({
			set: {
				table2: null,
				table2v2019: {
					regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
					normativeDocuments: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
					licensing: { priorYearItems: 1, netChange: 0, decisions: 9 },
					otherExternalServices: { priorYearItems: 0, netChange: 0, decisions: 0 },
					penalty: { priorYearItems: 0, netChange: 0, decisions: 4 },
					coercion: { priorYearItems: 0, netChange: 0, decisions: 0 },
					fees: { priorYearItems: 0, netChange: 0 },
					procurement: { projects: null, totalAmount: null, totalAmountUnitRaw: null },
					extraRows: [],
				},
			},
		});
		expect(metric('licensing', e.record)).toBe(9);
		expect(metric('penalty', e.record)).toBe(4);
	});
	it('uses the single 2019 （六）其他处理 row when present', () => {
		const e = makeEntry({
			set: {
				'table3.otherCombined': {
					naturalPerson: 2,
					commercialEnterprise: 0,
					researchInstitution: 0,
					publicInterestOrg: 0,
					legalServiceOrg: 0,
					otherOrg: 0,
					total: 2,
				},
				'table3.otherOther.total': null,
			},
		});
		expect(metric('otherHandled', e.record)).toBe(2);
	});
	it('adds both kinds of lawsuit', () => {
		const e = makeEntry({
			set: { 'table4.litigationDirect.total': 1, 'table4.litigationAfterReconsideration.total': 2 },
		});
		expect(metric('litigation', e.record)).toBe(3);
	});
	it('is unknown when the table is missing altogether', () => {
		const e = makeEntry({ set: { table3: null, table4: null } });
		expect(metric('applicationsReceived', e.record)).toBeNull();
		expect(metric('reconsideration', e.record)).toBeNull();
	});
});
