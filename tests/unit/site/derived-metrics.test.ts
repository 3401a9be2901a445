import { describe, expect, it } from 'vitest';
import {
	completeness,
	COMPLETENESS_WEIGHTS,
	DERIVED,
	DERIVED_KEYS,
	derived,
	EXPECTED_CELLS,
	formatDerived,
	MIN_DENOMINATOR,
	ratio,
} from '../../../src/lib/site/derived-metrics.ts';
import { makeEntry } from './entry-factory.ts';

const record = (set: Record<string, unknown>) => makeEntry({ set }).record;

/** A Table 3 where 20 applications were concluded: 6 granted, 4 partly, 3 denied, 2 unable, 5 not handled. */
const handled = {
	'table3.newReceived.total': 22,
	'table3.carriedOver.total': 3,
	'table3.granted.total': 6,
	'table3.partiallyGranted.total': 4,
	'table3.deniedStateSecret.total': 1,
	'table3.deniedThirdParty.total': 2,
	'table3.unableNotHeld.total': 2,
	'table3.notHandledPetition.total': 4,
	'table3.notHandledRepeat.total': 1,
	'table3.resultsTotal.total': 20,
	'table3.carriedForward.total': 5,
};

describe('ratio', () => {
	it('divides and scales when the denominator reaches the minimum', () => {
		expect(ratio(3, 12)).toEqual({ value: 0.25, numerator: 3, denominator: 12, status: 'ok' });
		expect(ratio(3, 12, { scale: 100 }).value).toBe(25);
		expect(ratio(1, MIN_DENOMINATOR).status).toBe('ok');
	});
	it('withholds the value below the minimum sample but keeps both parts', () => {
		expect(ratio(1, MIN_DENOMINATOR - 1)).toEqual({
			value: null,
			numerator: 1,
			denominator: 9,
			status: 'insufficient',
		});
	});
	it('is unavailable, not infinite or NaN, when the denominator is zero', () => {
		expect(ratio(0, 0)).toEqual({
			value: null,
			numerator: 0,
			denominator: 0,
			status: 'unavailable',
		});
		expect(ratio(3, 0).status).toBe('unavailable');
	});
	it('is unavailable when either part is unknown', () => {
		expect(ratio(null, 20).status).toBe('unavailable');
		expect(ratio(2, null).status).toBe('unavailable');
	});
	it('is unavailable for a negative denominator (a source error H5 reports)', () => {
		expect(ratio(1, -12).status).toBe('unavailable');
	});
});

describe('rates of Table 3', () => {
	const r = record(handled);
	it('实质公开率 = (granted + partiallyGranted) / resultsTotal', () => {
		expect(derived('disclosureRate', r)).toEqual({
			value: 0.5,
			numerator: 10,
			denominator: 20,
			status: 'ok',
		});
	});
	it('不予公开率 sums the eight denied rows', () => {
		expect(derived('denialRate', r)).toMatchObject({ value: 0.15, numerator: 3, denominator: 20 });
	});
	it('无法提供率 and 不予处理率 sum their groups', () => {
		expect(derived('unableRate', r)).toMatchObject({ value: 0.1, numerator: 2 });
		expect(derived('notHandledRate', r)).toMatchObject({ value: 0.25, numerator: 5 });
	});
	it('结转率 = carriedForward / (newReceived + carriedOver)', () => {
		expect(derived('backlogRate', r)).toEqual({
			value: 0.2,
			numerator: 5,
			denominator: 25,
			status: 'ok',
		});
	});
	it('one unknown denied row makes 不予公开率 unavailable rather than understated', () => {
		const partial = record({ ...handled, 'table3.deniedProcessInfo.total': null });
		expect(derived('denialRate', partial)).toMatchObject({
			status: 'unavailable',
			numerator: null,
			value: null,
		});
		// The other rates do not depend on that row.
		expect(derived('disclosureRate', partial).status).toBe('ok');
	});
	it('an all-zero Table 3 has no rates (division by zero), not 0 %', () => {
		const zero = record({});
		for (const key of [
			'disclosureRate',
			'denialRate',
			'unableRate',
			'notHandledRate',
			'backlogRate',
		] as const) {
			expect(derived(key, zero), key).toMatchObject({
				value: null,
				denominator: 0,
				status: 'unavailable',
			});
		}
	});
	it('a township with 4 concluded applications gets 样本不足', () => {
		const few = record({ 'table3.granted.total': 4, 'table3.resultsTotal.total': 4 });
		expect(derived('disclosureRate', few)).toEqual({
			value: null,
			numerator: 4,
			denominator: 4,
			status: 'insufficient',
		});
		expect(formatDerived('disclosureRate', derived('disclosureRate', few))).toBe('样本不足');
	});
	it('is unavailable when Table 3 is missing', () => {
		expect(derived('disclosureRate', record({ table3: null })).status).toBe('unavailable');
	});
	it('uses the single 2019 （六） row without disturbing the other rates', () => {
		const r2019 = record({
			...handled,
			'table3.otherCombined': {
				naturalPerson: 0,
				commercialEnterprise: 0,
				researchInstitution: 0,
				publicInterestOrg: 0,
				legalServiceOrg: 0,
				otherOrg: 0,
				total: 0,
			},
		});
		expect(derived('disclosureRate', r2019).value).toBe(0.5);
	});
});

describe('reviews and lawsuits', () => {
	const cases = {
		'table3.newReceived.total': 40,
		'table4.reconsideration': { upheld: 2, corrected: 1, otherResult: 0, pending: 1, total: 4 },
		'table4.litigationDirect': { upheld: 3, corrected: 2, otherResult: 1, pending: 2, total: 8 },
		'table4.litigationAfterReconsideration': {
			upheld: 1,
			corrected: 0,
			otherResult: 0,
			pending: 0,
			total: 1,
		},
	};
	const r = record(cases);
	it('counts reviews and lawsuits per 100 new applications', () => {
		expect(derived('reconsiderationPer100', r)).toEqual({
			value: 10,
			numerator: 4,
			denominator: 40,
			status: 'ok',
		});
		expect(derived('litigationPer100', r)).toMatchObject({
			value: 22.5,
			numerator: 9,
			denominator: 40,
		});
	});
	it('纠错率 = corrected / (total − pending) over all three groups', () => {
		// decided: (4−1) + (8−2) + (1−0) = 10; corrected: 1 + 2 + 0 = 3
		expect(derived('correctionRate', r)).toEqual({
			value: 0.3,
			numerator: 3,
			denominator: 10,
			status: 'ok',
		});
	});
	it('纠错率 over fewer than the minimum decided cases is 样本不足', () => {
		const few = record({
			'table4.reconsideration': { upheld: 1, corrected: 1, otherResult: 0, pending: 5, total: 7 },
		});
		expect(derived('correctionRate', few)).toMatchObject({
			numerator: 1,
			denominator: 2,
			status: 'insufficient',
		});
	});
	it('纠错率 with every case still pending divides by zero → unavailable', () => {
		const pending = record({
			'table4.reconsideration': { upheld: 0, corrected: 0, otherResult: 0, pending: 3, total: 3 },
		});
		expect(derived('correctionRate', pending)).toMatchObject({
			denominator: 0,
			status: 'unavailable',
		});
	});
	it('an unknown pending cell makes 纠错率 unavailable', () => {
		const unknown = record({
			...cases,
			'table4.litigationDirect': { ...cases['table4.litigationDirect'], pending: null },
		});
		expect(derived('correctionRate', unknown)).toMatchObject({
			denominator: null,
			status: 'unavailable',
		});
	});
	it('no new applications: per-100 figures cannot be computed', () => {
		expect(
			derived('reconsiderationPer100', record({ 'table4.reconsideration.total': 2 })).status,
		).toBe('unavailable');
	});
});

describe('completeness', () => {
	const passing = (id: string, status: 'pass' | 'fail' | 'skip' = 'pass') => ({
		id,
		severity: 'error',
		status,
		scope: 's',
		formula: 'f',
		cells: [],
		expected: null,
		actual: null,
		message: '',
		line: null,
	});

	it('asks for 200 cells in the 2021 format and 198 in the 2019 format', () => {
		expect(EXPECTED_CELLS).toEqual({ '2021': 200, '2019': 198 });
	});
	it('weights add up to 100', () => {
		expect(
			COMPLETENESS_WEIGHTS.sections + COMPLETENESS_WEIGHTS.cells + COMPLETENESS_WEIGHTS.hardChecks,
		).toBe(100);
	});
	it('is 100 for a full report whose hard checks all pass', () => {
		const r = record({ checks: [passing('H1'), passing('H3'), passing('S1', 'fail')] });
		expect(completeness(r)).toMatchObject({
			value: 100,
			status: 'ok',
			parts: { cells: { filled: 200, of: 200 }, hardChecks: { passed: 2, of: 2 } },
		});
	});
	it('loses points for a missing section, blank cells and failed or skipped hard checks', () => {
		const r = record({
			'sections.otherMatters.present': false,
			'table3.newReceived': {
				naturalPerson: null,
				commercialEnterprise: null,
				researchInstitution: null,
				publicInterestOrg: null,
				legalServiceOrg: null,
				otherOrg: null,
				total: null,
			},
			checks: [passing('H1'), passing('H2', 'fail'), passing('H3', 'skip'), passing('H4')],
		});
		const c = completeness(r);
		expect(c.parts).toEqual({
			sections: { present: 5, of: 6 },
			cells: { filled: 193, of: 200 },
			hardChecks: { passed: 2, of: 4 },
		});
		// 30 × 5/6 + 40 × 193/200 + 30 × 2/4 = 25 + 38.6 + 15
		expect(c.value).toBe(78.6);
	});
	it('counts a whole missing table as unfilled cells', () => {
		const c = completeness(record({ table4: null }));
		expect(c.parts.cells).toEqual({ filled: 185, of: 200 });
	});
	it('expects the 2019 shape (Table 2 of 22 cells, one （六） row) from a 2019 report', () => {
		const row = {
			naturalPerson: 0,
			commercialEnterprise: 0,
			researchInstitution: 0,
			publicInterestOrg: 0,
			legalServiceOrg: 0,
			otherOrg: 0,
			total: 0,
		};
		const none = {
			naturalPerson: null,
			commercialEnterprise: null,
			researchInstitution: null,
			publicInterestOrg: null,
			legalServiceOrg: null,
			otherOrg: null,
			total: null,
		};
		const decisions = { priorYearItems: 0, netChange: 0, decisions: 0 };
		const documents = { newlyMade: 0, newlyPublished: 0, totalPublished: 0 };
		const r = record({
			table2: null,
			table2v2019: {
				regulations: documents,
				normativeDocuments: documents,
				licensing: decisions,
				otherExternalServices: decisions,
				penalty: decisions,
				coercion: decisions,
				fees: { priorYearItems: 0, netChange: null },
				procurement: { projects: 0, totalAmount: 0, totalAmountUnitRaw: null },
				extraRows: [],
			},
			'table3.otherCombined': row,
			'table3.otherNoCorrection': none,
			'table3.otherFeeUnpaid': none,
			'table3.otherOther': none,
		});
		// The three n/a rows of the 2021 shape are not counted against it; the one blank fee cell is.
		expect(completeness(r).parts.cells).toEqual({ filled: 197, of: 198 });
	});
	it('gives no check points when no hard check was run', () => {
		expect(completeness(record({})).value).toBe(70);
	});
});

describe('definitions', () => {
	it('every metric has a label, a formula and a reading note', () => {
		for (const key of DERIVED_KEYS) {
			expect(DERIVED[key].key).toBe(key);
			expect(DERIVED[key].formula.length, key).toBeGreaterThan(5);
			expect(DERIVED[key].reading.length, key).toBeGreaterThan(5);
		}
	});
	it('formats percentages, per-100 figures and scores', () => {
		expect(
			formatDerived('disclosureRate', {
				value: 0.4286,
				numerator: 3,
				denominator: 7,
				status: 'ok',
			}),
		).toBe('42.9%');
		expect(
			formatDerived('litigationPer100', {
				value: 22.5,
				numerator: 9,
				denominator: 40,
				status: 'ok',
			}),
		).toBe('22.5');
		expect(
			formatDerived('completeness', {
				value: 78.6,
				numerator: 78.6,
				denominator: 100,
				status: 'ok',
			}),
		).toBe('78.6 分');
		expect(
			formatDerived('denialRate', {
				value: null,
				numerator: 0,
				denominator: 0,
				status: 'unavailable',
			}),
		).toBe('无法计算');
	});
});
