/**
 * When a ranking means something: one league per report year (never mixing years), and only
 * when at least MIN_RANKABLE reports have a computable figure; otherwise the page says how many
 * could be computed and why the rest could not, instead of a table of 无法计算.
 */
import type { ReportEntry } from '../model/entry.ts';
import {
	derived,
	DERIVED,
	MIN_DENOMINATOR,
	type DerivedKey,
	type DerivedValue,
} from './derived-metrics.ts';

/** Fewest reports with a computable figure for a ranking to be shown. */
export const MIN_RANKABLE = 5;

export interface RankedRow {
	entry: ReportEntry;
	value: DerivedValue;
}

export interface League {
	year: number;
	/** Highest first; empty when there are too few to rank. */
	ranked: RankedRow[];
	/** Reports with a computable figure (ranked or not). */
	rankable: number;
	/** Reports whose figure is 样本不足 / 无法计算. */
	insufficient: number;
	unavailable: number;
	/** When there is no ranking, the sentence that says why. */
	instead: string | null;
}

/** One league per year, newest first. */
export function leagues(key: DerivedKey, reports: readonly ReportEntry[]): League[] {
	const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a);
	const label = DERIVED[key].label;
	return years.map((year) => {
		const rows = reports
			.filter((r) => r.year === year)
			.map((entry) => ({ entry, value: derived(key, entry.record, entry.passedChecks) }));
		const ok = rows
			.filter((r) => r.value.status === 'ok')
			.sort((a, b) => (b.value.value ?? 0) - (a.value.value ?? 0));
		const insufficient = rows.filter((r) => r.value.status === 'insufficient').length;
		const unavailable = rows.filter((r) => r.value.status === 'unavailable').length;
		const enough = ok.length >= MIN_RANKABLE;
		const why = [
			insufficient > 0 ? `${insufficient} 份样本不足（分母小于 ${MIN_DENOMINATOR}）` : '',
			unavailable > 0 ? `${unavailable} 份无法计算（分母为 0 或有数未填报）` : '',
		]
			.filter(Boolean)
			.map((w) => `；${w}`)
			.join('');
		return {
			year,
			ranked: enough ? ok : [],
			rankable: ok.length,
			insufficient,
			unavailable,
			instead: enough
				? null
				: `${year} 年的 ${rows.length} 份报告中，能计算${label}的有 ${ok.length} 份${why}。少于 ${MIN_RANKABLE} 份，不排名。`,
		};
	});
}
