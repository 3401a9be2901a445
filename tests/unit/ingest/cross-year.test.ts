import { describe, expect, it } from 'vitest';
import {
	checkCarryOver,
	checkDocumentsInForce,
	crossYearChecksFor,
	type YearReport,
} from '../../../src/lib/ingest/cross-year.ts';
import { makeRecord } from './make-record.ts';

function yearReport(year: number, formatVersion: '2019' | '2021' = '2021'): YearReport {
	return {
		id: `610881102-${year}`,
		code: '610881102',
		year,
		record: makeRecord({ formatVersion }),
	};
}

describe('X1: carried over = carried forward the year before', () => {
	it('passes for every column when the counts agree', () => {
		const previous = yearReport(2022);
		const current = yearReport(2023);
		previous.record.table3!.carriedForward.naturalPerson = 3;
		previous.record.table3!.carriedForward.total = 3;
		current.record.table3!.carriedOver.naturalPerson = 3;
		current.record.table3!.carriedOver.total = 3;
		const results = checkCarryOver(previous, current);
		expect(results).toHaveLength(7);
		expect(
			results.every((r) => r.id === 'X1' && r.severity === 'warning' && r.status === 'pass'),
		).toBe(true);
	});

	it('fails the column that disagrees, with both values and the line of the cell', () => {
		const previous = yearReport(2022);
		const current = yearReport(2023);
		previous.record.table3!.carriedForward.total = 2;
		current.record.table3!.carriedOver.total = 5;
		current.record.cells['table3.carriedOver.total'] = { raw: '5', line: 42, col: 9, status: 'ok' };
		const failed = checkCarryOver(previous, current).filter((r) => r.status === 'fail');
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({
			scope: 'total',
			expected: 2,
			actual: 5,
			line: 42,
			cells: ['table3.carriedOver.total', '610881102-2022:table3.carriedForward.total'],
		});
		expect(failed[0]!.message).toContain('2022');
	});

	it('skips, never passes, when a count is not reported', () => {
		const previous = yearReport(2022);
		const current = yearReport(2023);
		current.record.table3!.carriedOver.otherOrg = null;
		previous.record.table3 = null;
		expect(checkCarryOver(previous, current).map((r) => r.status)).toEqual(Array(7).fill('skip'));
	});

	it('runs only between consecutive years and stores the result on the later one', () => {
		const reports = [yearReport(2020), yearReport(2022), yearReport(2023)];
		reports[1]!.record.table3!.carriedForward.total = 1;
		const checks = crossYearChecksFor(reports);
		expect(checks.get('610881102-2020')).toEqual([]);
		expect(checks.get('610881102-2022')).toEqual([]);
		const later = checks.get('610881102-2023')!;
		expect(later.filter((c) => c.id === 'X1' && c.status === 'fail').map((c) => c.scope)).toEqual([
			'total',
		]);
	});

	it('does not compare different townships', () => {
		const other: YearReport = { ...yearReport(2022), id: '140930104-2022', code: '140930104' };
		expect(crossYearChecksFor([other, yearReport(2023)]).get('610881102-2023')).toEqual([]);
	});
});

describe('X2: documents in force', () => {
	it('passes when in force = last year + issued − repealed, fails otherwise', () => {
		const previous = yearReport(2022);
		const current = yearReport(2023);
		previous.record.table2!.normativeDocuments.inForce = 4;
		current.record.table2!.normativeDocuments = { issued: 2, repealed: 1, inForce: 5 };
		current.record.table2!.regulations = { issued: 1, repealed: 0, inForce: 0 };
		const [regulations, normativeDocuments] = checkDocumentsInForce(previous, current);
		expect(normativeDocuments).toMatchObject({ status: 'pass', expected: 5, actual: 5 });
		expect(regulations).toMatchObject({ status: 'fail', expected: 1, actual: 0 });
	});

	it('is skipped when either year uses the 2019 format', () => {
		const results = checkDocumentsInForce(yearReport(2020, '2019'), yearReport(2021));
		expect(results.map((r) => r.status)).toEqual(['skip', 'skip']);
		expect(results[0]!.message).toContain('2019');
	});
});
