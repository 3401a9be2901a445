/**
 * A check result in the page's words. Rule names and formulas come from the registry
 * (model/rules.ts) and are already Chinese; only the scope is written with record keys
 * (`table3 column naturalPerson`), and it is named here with the tables' own labels.
 */
import type { CheckResult } from '../model/record.ts';
import { isRuleId, ruleOf } from '../model/rules.ts';
import { translateKeys } from './key-labels.ts';

/** The rule's Chinese name, or its id for a rule the registry does not know. */
export const checkName = (id: string) => (isRuleId(id) ? ruleOf(id).name : id);

/** Scopes that are not a table, row or column. */
const SCOPE_NAMES: Record<string, string> = { cells: '全部数值', structure: '表格结构' };

/** "table3 column naturalPerson" → 表三「自然人」列; "table3 row granted" → 表三「予以公开」行. */
export function scopeText(scope: string): string {
	const m = /^(table\w+) (column|row) (\w+)$/.exec(scope);
	if (m)
		return `${translateKeys(m[1]!)}「${translateKeys(m[3]!)}」${m[2] === 'column' ? '列' : '行'}`;
	return SCOPE_NAMES[scope] ?? translateKeys(scope);
}

/** A check's result in one Chinese sentence; the numbers themselves are in their own columns. */
export function resultText(check: CheckResult): string {
	if (check.status === 'pass') return '相符';
	if (check.status === 'skip') return '有单元格未填报或不适用，无法检查';
	return check.expected !== null && check.actual !== null
		? `不符：应为 ${check.expected}，实为 ${check.actual}`
		: '不符';
}

/** Whether the check's own message adds something the columns do not say. */
export function messageAddsDetail(check: CheckResult): boolean {
	return (
		check.status !== 'pass' &&
		!['H1', 'H2', 'H3', 'H4'].includes(check.id) &&
		check.message.trim() !== ''
	);
}

/** Messages are Chinese; one that still quotes record keys in Latin letters is marked for screen readers. */
export const messageLang = (message: string) => (/[A-Za-z]{3,}/.test(message) ? 'en' : undefined);
