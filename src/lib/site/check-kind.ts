/**
 * What a check result means for a reader, in three kinds that must not look alike:
 * the report contradicts itself (a hard rule fails on numbers it printed: 原报告数字不一致),
 * the portal's reading needed care (table-structure warnings, sums over inferred cells: 识别提示),
 * and editorial oddities (dates, signatures, plausibility: 其他提示). Only the first is a fault
 * of the report. Classified by the rule's kind in the registry (model/rules.ts), the status and
 * the cells it read, in this one function.
 */
import type { CellProvenance, CheckResult } from '../model/record.ts';
import { isRuleId, ruleOf } from '../model/rules.ts';

export type CheckKind = 'contradiction' | 'reading' | 'editorial' | 'pass' | 'skip';

export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
	contradiction: '原报告数字不一致',
	reading: '识别提示',
	editorial: '其他提示',
	pass: '通过',
	skip: '未检查',
};

/** One line on what each kind means, for legends beside the badges. */
export const CHECK_KIND_NOTES: Record<CheckKind, string> = {
	contradiction: '原报告印出的数字按表格自身的勾稽关系相加不符。',
	reading: '本站识别表格时需要留意的地方（单元格缺失、推定等），不表示原报告有误。',
	editorial: '日期、落款、数值量级等方面值得留意之处，不表示数字有误。',
	pass: '核对相符。',
	skip: '有单元格未填报或不适用，无法核对。',
};

/** Hard rules over printed numbers (FORMAT.md §6.1); H7 is about the table's shape, not its sums. */
const isNumberRule = (id: string) => isRuleId(id) && ruleOf(id).kind === 'hard' && id !== 'H7';
/** Cells whose value the report did not print as such. */
const NOT_PRINTED = new Set<CellProvenance['status']>(['inferred', 'missing', 'blank']);

export function checkKind(
	check: Pick<CheckResult, 'id' | 'severity' | 'status' | 'cells'>,
	cells: Readonly<Record<string, CellProvenance>> = {},
): CheckKind {
	if (check.status !== 'fail') return check.status;
	if (check.id === 'H7') return 'reading';
	if (!isNumberRule(check.id) || check.severity !== 'error') return 'editorial';
	const printed = check.cells.every((p) => {
		const status = cells[p]?.status;
		return status === undefined || !NOT_PRINTED.has(status);
	});
	return printed ? 'contradiction' : 'reading';
}

export type KindCounts = Record<CheckKind, number>;

export function kindCounts(
	checks: readonly CheckResult[],
	cells: Readonly<Record<string, CellProvenance>> = {},
): KindCounts {
	const counts: KindCounts = { contradiction: 0, reading: 0, editorial: 0, pass: 0, skip: 0 };
	for (const c of checks) counts[checkKind(c, cells)]++;
	return counts;
}

/** Whether a report contradicts itself (its own or a cross-year number rule fails on printed cells). */
export function hasContradiction(entry: {
	record: { checks: CheckResult[]; cells: Record<string, CellProvenance> };
	crossYearChecks: CheckResult[];
}): boolean {
	return (
		kindCounts([...entry.record.checks, ...entry.crossYearChecks], entry.record.cells)
			.contradiction > 0
	);
}
