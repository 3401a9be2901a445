/**
 * A township's figures across its years: chart series and the key-figure table with
 * the change from the previous report. Years without a report are not invented: the axis lists
 * report years only, and a change across a gap names the year it is measured from.
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
	/** The year of the report the change is measured from (the township's previous report). */
	since: number | null;
}

export interface KeyFigureRow {
	key: MetricKey;
	label: string;
	cells: KeyFigureCell[];
}

/** Reports of one township, oldest first: each compares with the one before it (ReportContext). */
export function keyFigureRows(
	reports: readonly ReportEntry[],
	keys: readonly MetricKey[],
): KeyFigureRow[] {
	return keys.map((key) => ({
		key,
		label: METRICS[key].label,
		cells: reports.map((r, i) => {
			const value = metric(key, r.record);
			const previous = reports[i - 1];
			return {
				year: r.year,
				value,
				change: yearOnYear(previous ? metric(key, previous.record) : undefined, value),
				since: previous?.year ?? null,
			};
		}),
	}));
}
