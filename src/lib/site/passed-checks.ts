/**
 * Passed checks as counts per rule, for the report page: a report has ~60 passed checks and
 * listing each (formula, both sides) was a fifth of its page (≈ 28 KB of ≈ 104 KB per report,
 * issue 12 item 5). A pass says only "the numbers add up"; the page lists what failed or was
 * skipped and counts the passes per rule, with a link to the complete list (checks.csv.gz).
 */
import type { CheckResult } from '../model/record.ts';

export interface PassedRule {
	/** Rule id (H1–H7, S1–S10, X1–X5). */
	id: string;
	count: number;
}

/**
 * Passes per rule, in rule order (H before S before X, then by number): those in `listed` with
 * status pass, plus `counted` (an entry's passedChecks: its passes are counted, not listed).
 */
export function passedByRule(
	listed: readonly CheckResult[],
	counted: Readonly<Record<string, number>> = {},
): PassedRule[] {
	const counts = new Map<string, number>(Object.entries(counted));
	for (const c of listed) if (c.status === 'pass') counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
	const order = (id: string) => 'HSX'.indexOf(id[0]!);
	return [...counts]
		.filter(([, count]) => count > 0)
		.map(([id, count]) => ({ id, count }))
		.sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** How many passed in all. */
export const passedTotal = (rules: readonly PassedRule[]) => rules.reduce((n, r) => n + r.count, 0);
