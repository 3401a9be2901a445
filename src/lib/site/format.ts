/**
 * How numbers, changes and dates read on the pages. `null` (the report does not say)
 * must never look like 0 (the report says zero), so it gets its own word: 未填报.
 */

export const NOT_REPORTED = '未填报';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A count as shown in tables and text: 1,234, or 未填报 for null. */
export function formatCount(value: number | null | undefined): string {
	if (value === null || value === undefined) return NOT_REPORTED;
	return Number.isInteger(value) ? integer.format(value) : String(value);
}

/** A fee amount in 万元: the printed form (which keeps trailing zeros such as 0.0000) when there is one. */
export function formatAmountWan(value: number | null, raw?: string | null): string {
	if (value === null) return NOT_REPORTED;
	const printed = raw?.trim();
	return printed && Number(printed) === value ? printed : String(value);
}

export type ChangeKind = 'up' | 'down' | 'same' | 'unknown' | 'first';

export interface YearOnYear {
	kind: ChangeKind;
	/** current − previous, or null when either side is unknown. */
	delta: number | null;
	/** Short text for a table cell: +3, −2, 持平, 无法比较, or 首个年度. */
	text: string;
}

/**
 * Change from the previous year's value to this year's. `previous === undefined` means there is
 * no previous report; `null` on either side means a value was not reported, so no change can be
 * claimed.
 */
export function yearOnYear(
	previous: number | null | undefined,
	current: number | null,
): YearOnYear {
	if (previous === undefined) return { kind: 'first', delta: null, text: '首个年度' };
	if (previous === null || current === null)
		return { kind: 'unknown', delta: null, text: '无法比较' };
	const delta = current - previous;
	if (delta === 0) return { kind: 'same', delta, text: '持平' };
	// U+2212 MINUS SIGN reads better than a hyphen next to CJK text.
	const magnitude = formatCount(Math.abs(Number(delta.toFixed(4))));
	return delta > 0
		? { kind: 'up', delta, text: `+${magnitude}` }
		: { kind: 'down', delta, text: `−${magnitude}` };
}

/** ISO date 2024-01-17 → 2024年1月17日; anything else is shown as given. */
export function formatDate(iso: string | null): string | null {
	if (!iso) return null;
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** "3 份" style counts with a measure word. */
export function countOf(n: number, measure: string): string {
	return `${formatCount(n)} ${measure}`;
}
