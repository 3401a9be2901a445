/**
 * Check results as pages present them: failures first, then skipped (a null cell
 * means the rule could not be evaluated), then passes. Rule names are in the registry
 * (model/rules.ts, read through check-text.ts).
 */
import type { CheckResult } from '../model/record.ts';
import type { ReportEntry } from '../model/entry.ts';

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
