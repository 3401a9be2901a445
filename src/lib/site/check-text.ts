/**
 * The parser states each check's formula and scope with record keys and short English
 * phrases (its output is also the open data). Pages show them in Chinese; the JSON keeps the
 * original.
 */
import type { CheckResult } from '../model/record.ts';
import { translateKeys } from './key-labels.ts';

/** Whole phrases first, so their English words are not translated key by key. */
const PHRASES: [string, string][] = [
	[
		'Table 3: 7 values per row; Table 4: 15 values; Table 2: cells of §3',
		'表三每行 7 个数，表四 15 个数，表二按格式规定的单元格数',
	],
	['a township makes no 规章: regulations = 0', '乡镇不制定规章：规章各项 = 0'],
	['count is an integer ≥ 0', '每个数都是非负整数'],
	['Σ applicant columns', '各类申请人之和'],
	['at most 4 decimal places', '最多 4 位小数'],
	['reviews or lawsuits usually follow applications', '有行政复议或诉讼时，通常本年或上年有申请'],
	['signature body = issuing body', '落款机关 = 发布机关'],
	['narrative count of applications', '正文所述申请数'],
	['"no review or lawsuit" in the text ⇒ Table 4 all 0', '正文称没有行政复议、诉讼 ⇒ 表四全为 0'],
	['statistics period year = report year', '统计期限的年份 = 报告年度'],
	['published after 31 December of the report year', '发布日期晚于报告年度的 12 月 31 日'],
	['every label from one format version', '所有表格标签来自同一版本的格式'],
	['all counts', '全部数值'],
	['structure', '表格结构'],
	[' vs ', ' 与 '],
];

function translate(text: string): string {
	let out = text;
	for (const [en, zh] of PHRASES) out = out.split(en).join(zh);
	return translateKeys(out);
}

export const formulaText = (formula: string) => translate(formula);

/** "table3 column naturalPerson" → 表三「自然人」列; "table3 row granted" → 表三「予以公开」行; other scopes key by key. */
export function scopeText(scope: string): string {
	const m = /^(table\w+) (column|row) (\w+)$/.exec(scope);
	if (m)
		return `${translateKeys(m[1]!)}「${translateKeys(m[3]!)}」${m[2] === 'column' ? '列' : '行'}`;
	return translate(scope);
}

/** A check's result in one Chinese sentence; the numbers themselves are in their own columns. */
export function resultText(check: CheckResult): string {
	if (check.status === 'pass') return '相符';
	if (check.status === 'skip') return '有单元格未填报或不适用，无法检查';
	return check.expected !== null && check.actual !== null
		? `不符：应为 ${check.expected}，实为 ${check.actual}`
		: '不符';
}

/** Whether the parser's own message adds something the columns do not say. */
export function messageAddsDetail(check: CheckResult): boolean {
	return (
		check.status !== 'pass' &&
		!['H1', 'H2', 'H3', 'H4'].includes(check.id) &&
		check.message.trim() !== ''
	);
}

/** Messages are Chinese; one that still quotes record keys in Latin letters is marked for screen readers. */
export const messageLang = (message: string) => (/[A-Za-z]{3,}/.test(message) ? 'en' : undefined);
