/**
 * Cross-year checks (FORMAT.md §6.3) between consecutive reports of one township.
 * Results are stored on the later year's entry. Soft rules: offices correct and reclassify
 * between years, so a failure is a warning for the reader, not a rejection.
 */
import { cellAt } from '../model/cells.ts';
import type { CheckResult, ReportRecord } from '../model/record.ts';
import { ruleOf } from '../model/rules.ts';
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
		const here = cellAt(current.record, `table3.carriedOver.${column}`);
		const before = cellAt(previous.record, `table3.carriedForward.${column}`);
		const carriedOver = here.value;
		const carriedForward = before.value;
		const base = {
			id: 'X1',
			severity: ruleOf('X1').severity,
			scope: column,
			formula: ruleOf('X1').formula,
			// The previous report's cell is named with its entry id: `<code>-<year>:table3.…`.
			cells: [`table3.carriedOver.${column}`, `${previous.id}:table3.carriedForward.${column}`],
			expected: carriedForward,
			actual: carriedOver,
			line: here.provenance?.line ?? null,
		};
		const label = TABLE3_COLUMN_LABELS[column];
		if (carriedOver === null || carriedForward === null)
			return {
				...base,
				status: 'skip',
				message: `X1 ${label}：${carriedOver === null ? `${current.year} 年的上年结转` : `${previous.year} 年的结转下年度`}未填报，无法对照`,
			};
		const pass = carriedOver === carriedForward;
		return {
			...base,
			status: pass ? 'pass' : 'fail',
			message: pass
				? `X1 ${label}：上年结转 ${carriedOver}，与 ${previous.year} 年报告的结转下年度继续办理相同`
				: `X1 ${label}：上年结转为 ${carriedOver}，但 ${previous.year} 年报告的结转下年度继续办理为 ${carriedForward}`,
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
		const inForcePath = `table2.${key}.inForce` as const;
		const base = {
			id: 'X2',
			severity: ruleOf('X2').severity,
			scope: key,
			formula: ruleOf('X2').formula,
			cells: [
				inForcePath,
				`table2.${key}.issued`,
				`table2.${key}.repealed`,
				`${previous.id}:table2.${key}.inForce`,
			],
			line: cellAt(current.record, inForcePath).provenance?.line ?? null,
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
				message: `X2 ${label}：不适用，${previous.year} 年和 ${current.year} 年的报告并非都用 2021 年格式的表二（格式 ${previous.record.formatVersion} → ${current.record.formatVersion}）`,
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
				message: `X2 ${label}：有数未填报，无法对照`,
			};
		const expected = before.inForce + now.issued - now.repealed;
		const pass = now.inForce === expected;
		return {
			...base,
			status: pass ? 'pass' : 'fail',
			expected,
			actual: now.inForce,
			message: pass
				? `X2 ${label}：现行有效 ${now.inForce} = ${before.inForce} + ${now.issued} − ${now.repealed}`
				: `X2 ${label}：现行有效为 ${now.inForce}，按上年 ${before.inForce} + 本年制发 ${now.issued} − 本年废止 ${now.repealed} 应为 ${expected}；文件可能未经废止而失效`,
		};
	});
}
