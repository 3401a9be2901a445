/**
 * key-figures.csv from records built for the test: every figure is the sum of the cells the test
 * set (worked out here from those inputs, not from the code under test), an unknown part makes
 * the figure empty instead of a partial sum, and the identity and place columns are the entry's.
 */
import { describe, expect, it } from 'vitest';
import {
	KEY_FIGURE_COLUMNS,
	keyFiguresCsv,
	openDataReports,
} from '../../../src/lib/site/open-data.ts';
import type { CheckResult } from '../../../src/lib/model/record.ts';
import { readCsvObjects } from '../../support/read-csv.ts';
import { makeEntry } from './entry-factory.ts';

const check = (status: CheckResult['status']): CheckResult => ({
	id: 'H1',
	severity: 'error',
	status,
	scope: 'table3 column total',
	formula: 'f',
	cells: [],
	expected: 1,
	actual: 2,
	message: 'm',
	line: null,
});

const printed = {
	'table3.newReceived.total': 5,
	'table3.carriedOver.total': 2,
	'table3.granted.total': 3,
	'table3.deniedStateSecret.total': 1,
	'table3.deniedThirdParty.total': 2,
	'table3.otherOther.total': 2,
	'table3.resultsTotal.total': 8,
	'table3.carriedForward.total': 1,
	'table2.penalty.decisions': 16,
	'table2.licensing.decisions': 4,
	'table2.fees.amountWan': 1.5,
	'table4.reconsideration.total': 2,
	'table4.litigationDirect.total': 1,
	'table4.litigationAfterReconsideration.total': 3,
	'record.checks': [check('fail'), check('fail'), check('pass')],
};

function rowsOf(entries: ReturnType<typeof makeEntry>[]) {
	return readCsvObjects(keyFiguresCsv(openDataReports(entries)));
}

describe('key-figures.csv', () => {
	const { 'record.checks': checks, ...cells } = printed;
	const entry = makeEntry({ set: cells });
	entry.record.checks = checks;
	const row = rowsOf([entry])[0]!;

	it('has one row per report with the report key, names and 收录日期 columns', () => {
		expect(Object.keys(row).slice(0, 8)).toEqual([
			'reportId',
			'townshipCode',
			'year',
			'townshipName',
			'countyName',
			'prefectureName',
			'provinceName',
			'dateAdded',
		]);
		expect(row).toMatchObject({
			reportId: entry.id,
			townshipCode: entry.township.code,
			year: String(entry.year),
			townshipName: entry.township.name,
			countyName: entry.township.county!.name,
			provinceName: entry.township.province!.name,
			dateAdded: '',
		});
	});

	it('carries the figures as the cells add up', () => {
		expect(row).toMatchObject({
			applicationsReceived: String(cells['table3.newReceived.total']),
			applicationsCarriedOver: String(cells['table3.carriedOver.total']),
			applicationsTotal: String(
				cells['table3.newReceived.total'] + cells['table3.carriedOver.total'],
			),
			granted: String(cells['table3.granted.total']),
			denied: String(
				cells['table3.deniedStateSecret.total'] + cells['table3.deniedThirdParty.total'],
			),
			otherHandled: String(cells['table3.otherOther.total']),
			resultsTotal: String(cells['table3.resultsTotal.total']),
			carriedForward: String(cells['table3.carriedForward.total']),
			penalty: String(cells['table2.penalty.decisions']),
			licensing: String(cells['table2.licensing.decisions']),
			coercion: '0',
			feesWan: String(cells['table2.fees.amountWan']),
			reconsideration: String(cells['table4.reconsideration.total']),
			litigation: String(
				cells['table4.litigationDirect.total'] +
					cells['table4.litigationAfterReconsideration.total'],
			),
			checksFailed: String(checks.filter((c) => c.status === 'fail').length),
		});
	});

	it('leaves a figure empty when one of its parts is not reported, never a partial sum', () => {
		const gappy = makeEntry({
			set: {
				'table3.carriedOver.total': null,
				'table3.deniedLawProhibited.total': null,
				'table3.deniedStateSecret.total': 4,
			},
		});
		const r = rowsOf([gappy])[0]!;
		expect(r.applicationsCarriedOver).toBe('');
		expect(r.applicationsTotal).toBe('');
		expect(r.denied).toBe('');
		expect(r.applicationsReceived).toBe('0');
	});

	it('leaves the Table 2 figures empty when the report has no Table 2', () => {
		const r = rowsOf([makeEntry({ set: { table2: null } })])[0]!;
		expect(r.penalty).toBe('');
		expect(r.feesWan).toBe('');
	});

	it('states 收录日期 from the provenance the entry carries', () => {
		const added = makeEntry();
		added.provenance = {
			retrieval: 'file',
			retrievedAt: '2025-03-04T10:00:00+08:00',
			sha256: 'a'.repeat(64),
			size: 1,
			originalName: null,
		};
		expect(rowsOf([added])[0]!.dateAdded).toBe('2025-03-04');
	});

	it('has unique column keys, each with a Chinese label and meaning', () => {
		const keys = KEY_FIGURE_COLUMNS.map((c) => c.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const c of KEY_FIGURE_COLUMNS) {
			expect(c.label, c.key).toMatch(/\p{Script=Han}/u);
			expect(c.meaning, c.key).toMatch(/\p{Script=Han}/u);
		}
	});
});
