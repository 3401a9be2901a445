/**
 * Cross-year checks (FORMAT.md §6.3) between consecutive reports of one township.
 * Results are stored on the later year's entry. Soft rules: offices correct and reclassify
 * between years, so a failure is a warning for the reader, not a rejection.
 */
import type { CheckResult, ReportRecord } from '../model/record.ts';
import { TABLE3_COLUMNS, TABLE3_COLUMN_LABELS } from '../model/vocabulary.ts';

export interface YearReport {
	/** Entry id `<code>-<year>`. */
	id: string;
	code: string;
	year: number;
	record: ReportRecord;
}

/** Checks for every report whose township also has a report for the year before, keyed by the later entry's id. */
export function crossYearChecksFor(reports: YearReport[]): Map<string, CheckResult[]> {
	const byCodeYear = new Map(reports.map((r) => [`${r.code}-${r.year}`, r]));
	const results = new Map<string, CheckResult[]>();
	for (const current of reports) {
		const previous = byCodeYear.get(`${current.code}-${current.year - 1}`);
		results.set(
			current.id,
			previous
				? [...checkCarryOver(previous, current), ...checkDocumentsInForce(previous, current)]
				: [],
		);
	}
	return results;
}

/** X1: applications carried over into year Y are those carried forward out of year Y−1, column by column. */
export function checkCarryOver(previous: YearReport, current: YearReport): CheckResult[] {
	return TABLE3_COLUMNS.map((column): CheckResult => {
		const carriedOverPath = `table3.carriedOver.${column}`;
		const carriedForwardPath = `${previous.id}:table3.carriedForward.${column}`;
		const carriedOver = current.record.table3?.carriedOver[column] ?? null;
		const carriedForward = previous.record.table3?.carriedForward[column] ?? null;
		const base = {
			id: 'X1',
			severity: 'warning' as const,
			scope: column,
			formula: `T3(${current.year}).carriedOver.${column} = T3(${previous.year}).carriedForward.${column}`,
			cells: [carriedOverPath, carriedForwardPath],
			expected: carriedForward,
			actual: carriedOver,
			line: current.record.cells[carriedOverPath]?.line ?? null,
		};
		const label = TABLE3_COLUMN_LABELS[column];
		if (carriedOver === null || carriedForward === null)
			return {
				...base,
				status: 'skip',
				message: `X1 ${label}: ${carriedOver === null ? `上年结转 (${current.year})` : `结转下年度 (${previous.year})`} not reported, cannot compare`,
			};
		const pass = carriedOver === carriedForward;
		return {
			...base,
			status: pass ? 'pass' : 'fail',
			message: pass
				? `X1 ${label}: 上年结转 ${carriedOver} equals ${previous.year}'s 结转下年度继续办理`
				: `X1 ${label}: 上年结转 is ${carriedOver} but the ${previous.year} report carried ${carriedForward} forward (结转下年度继续办理)`,
		};
	});
}

/**
 * X2: documents in force now ≈ in force last year + issued − repealed this year, for 规章 and
 * 行政规范性文件. Only when both years use the 2021 columns: the 2019 ones count other things.
 */
export function checkDocumentsInForce(previous: YearReport, current: YearReport): CheckResult[] {
	const rows = [
		{ key: 'regulations', label: '规章' },
		{ key: 'normativeDocuments', label: '行政规范性文件' },
	] as const;
	return rows.map(({ key, label }): CheckResult => {
		const inForcePath = `table2.${key}.inForce`;
		const base = {
			id: 'X2',
			severity: 'warning' as const,
			scope: key,
			formula: `table2(${current.year}).${key}.inForce = table2(${previous.year}).${key}.inForce + issued(${current.year}) − repealed(${current.year})`,
			cells: [
				inForcePath,
				`table2.${key}.issued`,
				`table2.${key}.repealed`,
				`${previous.id}:table2.${key}.inForce`,
			],
			line: current.record.cells[inForcePath]?.line ?? null,
		};
		const bothCurrentFormat =
			previous.record.formatVersion === '2021' && current.record.formatVersion === '2021';
		const now = current.record.table2?.[key];
		const before = previous.record.table2?.[key];
		if (!bothCurrentFormat || !now || !before)
			return {
				...base,
				status: 'skip',
				expected: null,
				actual: null,
				message: `X2 ${label}: not applicable, the ${previous.year} and ${current.year} reports do not both use the 2021 Table 2 (formats ${previous.record.formatVersion} → ${current.record.formatVersion})`,
			};
		if (
			before.inForce === null ||
			now.issued === null ||
			now.repealed === null ||
			now.inForce === null
		)
			return {
				...base,
				status: 'skip',
				expected: null,
				actual: now.inForce,
				message: `X2 ${label}: a count is not reported, cannot compare`,
			};
		const expected = before.inForce + now.issued - now.repealed;
		const pass = now.inForce === expected;
		return {
			...base,
			status: pass ? 'pass' : 'fail',
			expected,
			actual: now.inForce,
			message: pass
				? `X2 ${label}: 现行有效 ${now.inForce} = ${before.inForce} + ${now.issued} − ${now.repealed}`
				: `X2 ${label}: 现行有效 is ${now.inForce}, expected ${expected} (${previous.year}: ${before.inForce}, + ${now.issued} issued − ${now.repealed} repealed); documents may have expired without being repealed`,
		};
	});
}
