/**
 * A township's figures across its years: chart series and the key-figure table with
 * year-on-year change. Years without a report are not invented: the axis lists report years only,
 * and a change is computed only between consecutive calendar years.
 */
import type { ReportEntry } from '../model/entry.ts';
import type { ChartSpec } from './chart-config.ts';
import { yearOnYear, type YearOnYear } from './format.ts';
import { METRICS, metric, type MetricKey } from './key-figures.ts';

/** Reports oldest first. */
export function trendSpec(reports: readonly ReportEntry[], keys: readonly MetricKey[]): ChartSpec {
	return {
		kind: 'line',
		labels: reports.map((r) => String(r.year)),
		series: keys.map((k) => ({
			label: METRICS[k].label,
			values: reports.map((r) => metric(k, r.record)),
		})),
		xTitle: '年度',
	};
}

export interface KeyFigureCell {
	year: number;
	value: number | null;
	change: YearOnYear;
}

export interface KeyFigureRow {
	key: MetricKey;
	label: string;
	cells: KeyFigureCell[];
}

export function keyFigureRows(
	reports: readonly ReportEntry[],
	keys: readonly MetricKey[],
): KeyFigureRow[] {
	const byYear = new Map(reports.map((r) => [r.year, r]));
	return keys.map((key) => ({
		key,
		label: METRICS[key].label,
		cells: reports.map((r) => {
			const value = metric(key, r.record);
			const previous = byYear.get(r.year - 1);
			return {
				year: r.year,
				value,
				change: yearOnYear(previous ? metric(key, previous.record) : undefined, value),
			};
		}),
	}));
}
