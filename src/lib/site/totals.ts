/**
 * Totals over many reports (a year, a region). A sum only counts reports that state the
 * figure; how many did not is carried alongside so a page can say so.
 */
import type { ReportEntry } from '../model/entry.ts';
import { metric, type MetricKey } from './key-figures.ts';

export interface MetricTotal {
	/** Sum over the reports that state the figure. */
	sum: number;
	/** Reports that state it. */
	known: number;
	/** Reports that leave it unknown. */
	unknown: number;
}

export function totalOf(reports: readonly ReportEntry[], key: MetricKey): MetricTotal {
	let sum = 0;
	let known = 0;
	for (const r of reports) {
		const v = metric(key, r.record);
		if (v === null) continue;
		sum += v;
		known++;
	}
	return { sum, known, unknown: reports.length - known };
}

export interface YearTotals {
	year: number;
	reports: number;
	totals: Record<MetricKey, MetricTotal>;
	/** Reports with at least one failed check. */
	withFailures: number;
}

export function hasFailedCheck(entry: ReportEntry): boolean {
	return (
		entry.record.checks.some((c) => c.status === 'fail') ||
		entry.crossYearChecks.some((c) => c.status === 'fail')
	);
}

/** Totals per year, newest first. */
export function totalsByYear(
	reports: readonly ReportEntry[],
	keys: readonly MetricKey[],
): YearTotals[] {
	const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a);
	return years.map((year) => {
		const ofYear = reports.filter((r) => r.year === year);
		return {
			year,
			reports: ofYear.length,
			totals: Object.fromEntries(keys.map((k) => [k, totalOf(ofYear, k)])) as Record<
				MetricKey,
				MetricTotal
			>,
			withFailures: ofYear.filter(hasFailedCheck).length,
		};
	});
}
