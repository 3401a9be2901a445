/**
 * Check results as pages present them: failures first, then skipped (a null cell
 * means the rule could not be evaluated), then passes. Names come from FORMAT.md §6.
 */
import type { CheckResult } from '../model/record.ts';
import type { ReportEntry } from '../model/entry.ts';

export const CHECK_NAMES: Record<string, string> = {
	H1: '申请数量勾稽关系',
	H2: '办理结果合计',
	H3: '申请人各列之和',
	H4: '复议、诉讼合计',
	H5: '数值为非负整数',
	H6: '收费金额为非负数',
	H7: '表格结构完整',
	S1: '乡镇不制定规章',
	S2: '现行有效件数',
	S3: '正文与表格一致',
	S4: '收费金额量级',
	S5: '收费金额小数位数',
	S6: '报告年度与日期',
	S7: '格式版本一致',
	S8: '复议诉讼与申请',
	S9: '落款与标题一致',
	S10: '2019 年格式项目数',
	X1: '上年结转与上年报告一致',
	X2: '现行有效件数逐年衔接',
	X3: '未审结案件',
	X4: '2019 年格式项目数衔接',
	X5: '同一主体逐年一致',
};

export const checkName = (id: string) => CHECK_NAMES[id] ?? id;

export const STATUS_LABELS: Record<CheckResult['status'], string> = {
	pass: '通过',
	fail: '未通过',
	skip: '未检查',
};
export const SEVERITY_LABELS: Record<CheckResult['severity'], string> = {
	error: '错误',
	warning: '提醒',
	info: '说明',
};

export interface CheckSummary {
	pass: number;
	fail: number;
	skip: number;
	/** Failures first (errors before warnings), then skips, then passes; otherwise as the parser listed them. */
	ordered: CheckResult[];
}

const STATUS_ORDER = { fail: 0, skip: 1, pass: 2 } as const;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function summariseChecks(checks: readonly CheckResult[]): CheckSummary {
	const ordered = checks
		.map((c, i) => ({ c, i }))
		.sort(
			(a, b) =>
				STATUS_ORDER[a.c.status] - STATUS_ORDER[b.c.status] ||
				SEVERITY_ORDER[a.c.severity] - SEVERITY_ORDER[b.c.severity] ||
				a.i - b.i,
		)
		.map(({ c }) => c);
	const count = (s: CheckResult['status']) => checks.filter((c) => c.status === s).length;
	return { pass: count('pass'), fail: count('fail'), skip: count('skip'), ordered };
}

/** A check value as shown: numbers as printed, null as 未知 (the rule was skipped for it). */
export function checkValue(v: number | string | null): string {
	return v === null ? '未知' : String(v);
}

export interface RuleFailures {
	id: string;
	/** The most severe severity among the failures. */
	severity: CheckResult['severity'];
	checks: CheckResult[];
}

/** Failed checks grouped by rule id, errors before warnings, then in rule order. */
export function failuresByRule(checks: readonly CheckResult[]): RuleFailures[] {
	const groups = new Map<string, RuleFailures>();
	for (const c of checks) {
		if (c.status !== 'fail') continue;
		const group = groups.get(c.id) ?? { id: c.id, severity: c.severity, checks: [] };
		if (SEVERITY_ORDER[c.severity] < SEVERITY_ORDER[group.severity]) group.severity = c.severity;
		group.checks.push(c);
		groups.set(c.id, group);
	}
	return [...groups.values()].sort(
		(a, b) =>
			SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
			a.id.localeCompare(b.id, 'en', { numeric: true }),
	);
}

/** How many of a report's own checks passed: an entry counts them (passedChecks) instead of listing them. */
export const passedCount = (entry: Pick<ReportEntry, 'passedChecks'>) =>
	Object.values(entry.passedChecks).reduce((n, count) => n + count, 0);
