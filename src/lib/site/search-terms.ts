/**
 * What the search index learns about a report's tables, and what a result card shows. The tables
 * themselves are left out of the index (a 25 × 7 grid of labels would make every report match
 * every table word, zeros included), so each report page carries one short generated sentence
 * naming only the table rows that print a non-zero figure ("表中非零项目：行政处罚 16 件；……"):
 * a table label then finds the reports that report something under it, and a row printed as 0 or
 * left blank is not indexed as if it were reported. Numbers are copied from the record, never summed
 * or inferred here.
 */
import type { ReportEntry, Township } from '../model/entry.ts';
import type { ReportRecord } from '../model/record.ts';
import {
	TABLE2_COLUMN_LABELS,
	TABLE2_ROWS,
	TABLE2V2019_ROWS,
	TABLE3_COLUMN_LABELS,
	TABLE3_COLUMNS,
	TABLE3_ROW_INFO,
	TABLE3_ROWS,
	TABLE4_COLUMN_LABELS,
	TABLE4_COLUMNS,
	TABLE4_GROUP_LABELS,
	TABLE4_GROUPS,
} from '../model/vocabulary.ts';
import { formatCount } from './format.ts';

/** One non-zero table row: its label as a reader would type it, and what it printed. */
export interface TableTerm {
	table: 'table2' | 'table3' | 'table4';
	label: string;
	/** "16 件", or "本年制发件数 2 件、现行有效件数 5 件" for rows with several value columns. */
	figures: string;
}

const nonZero = (v: number | null | undefined): v is number => typeof v === 'number' && v !== 0;

/** Drops the printed numbering ("1.", "（一）", "三、") and the bracketed notes of an official label. */
export function plainLabel(label: string): string {
	return label
		.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '')
		.replace(/（[^）]*）$/, '')
		.replace(/[“”]/g, '');
}

function table2Terms(record: ReportRecord): TableTerm[] {
	const terms: TableTerm[] = [];
	const t2 = record.table2;
	if (t2) {
		for (const [row, info] of Object.entries(TABLE2_ROWS) as [
			keyof typeof TABLE2_ROWS,
			(typeof TABLE2_ROWS)[keyof typeof TABLE2_ROWS],
		][]) {
			const values = t2[row] as Record<string, number | null>;
			const shown = info.columns.filter((c) => nonZero(values[c]));
			if (shown.length === 0) continue;
			const figures =
				row === 'fees'
					? `${t2.fees.amountRaw?.trim() || formatCount(t2.fees.amountWan)} 万元`
					: info.columns.length === 1
						? `${formatCount(values[shown[0]!]!)} 件`
						: shown.map((c) => `${TABLE2_COLUMN_LABELS[c]} ${formatCount(values[c]!)}`).join('、');
			terms.push({ table: 'table2', label: info.label, figures });
		}
	}
	const t19 = record.table2v2019;
	if (t19) {
		for (const [row, info] of Object.entries(TABLE2V2019_ROWS) as [
			keyof typeof TABLE2V2019_ROWS,
			(typeof TABLE2V2019_ROWS)[keyof typeof TABLE2V2019_ROWS],
		][]) {
			const values = t19[row] as Record<string, number | null>;
			const shown = (info.columns as readonly string[]).filter((c) => nonZero(values[c]));
			if (shown.length === 0) continue;
			const figures = shown
				.map((c) => `${TABLE2_COLUMN_LABELS[c]} ${formatCount(values[c]!)}`)
				.join('、');
			terms.push({ table: 'table2', label: info.label, figures });
		}
		for (const extra of t19.extraRows) {
			const shown = extra.values.filter(nonZero);
			if (shown.length === 0) continue;
			terms.push({
				table: 'table2',
				label: plainLabel(extra.label.trim()),
				figures: shown.map(formatCount).join('、'),
			});
		}
	}
	return terms;
}

function table3Terms(record: ReportRecord): TableTerm[] {
	const t3 = record.table3;
	if (!t3) return [];
	const terms: TableTerm[] = [];
	for (const row of TABLE3_ROWS) {
		const values = t3[row as keyof typeof t3] as Record<string, number | null> | undefined;
		if (!values) continue;
		const shown = TABLE3_COLUMNS.filter((c) => nonZero(values[c]));
		if (shown.length === 0) continue;
		// The total column when it is printed; otherwise the applicant columns that are.
		const figures = shown.includes('total')
			? `${formatCount(values.total!)} 件`
			: shown.map((c) => `${TABLE3_COLUMN_LABELS[c]} ${formatCount(values[c]!)}`).join('、');
		terms.push({ table: 'table3', label: plainLabel(TABLE3_ROW_INFO[row].label), figures });
	}
	return terms;
}

function table4Terms(record: ReportRecord): TableTerm[] {
	const t4 = record.table4;
	if (!t4) return [];
	const terms: TableTerm[] = [];
	for (const group of TABLE4_GROUPS) {
		const shown = TABLE4_COLUMNS.filter((c) => nonZero(t4[group][c]));
		if (shown.length === 0) continue;
		const figures = shown
			.map((c) => `${TABLE4_COLUMN_LABELS[c]} ${formatCount(t4[group][c])}`)
			.join('、');
		terms.push({ table: 'table4', label: TABLE4_GROUP_LABELS[group], figures });
	}
	return terms;
}

/** Every table row of the record that prints a non-zero figure, in table order. */
export function nonZeroTableTerms(record: ReportRecord): TableTerm[] {
	return [...table2Terms(record), ...table3Terms(record), ...table4Terms(record)];
}

/** The sentence the index reads; null when no table printed anything but zeros or blanks. */
export function tableTermsSentence(record: ReportRecord): string | null {
	const terms = nonZeroTableTerms(record);
	if (terms.length === 0) return null;
	return `表中非零项目：${terms.map((t) => `${t.label} ${t.figures}`).join('；')}。`;
}

/** The region a result card names: 省 › 市 › 县, or 地区未能确定. */
export function regionLine(township: Township): string {
	const names = [township.province, township.prefecture, township.county]
		.filter((p) => p !== null)
		.map((p) => p.name);
	return names.length > 0 ? names.join(' › ') : '地区未能确定';
}

/** A township page's hit reads as a sentence, not as its facts list: 收录 2 份年度报告（2022–2023 年）. */
export function townshipSummary(reports: readonly Pick<ReportEntry, 'year'>[]): string {
	const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
	if (years.length === 0) return '本站尚未收录年度报告。';
	const span = years.length === 1 ? `${years[0]} 年` : `${years[0]}–${years[years.length - 1]} 年`;
	return `本站收录 ${reports.length} 份年度报告（${span}）。`;
}
