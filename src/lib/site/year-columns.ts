/** The key figures the year and region list pages show per report and per region, in this order. */
import type { MetricKey } from './key-figures.ts';

export const YEAR_COLUMNS: MetricKey[] = [
	'applicationsReceived',
	'resultsTotal',
	'licensing',
	'penalty',
	'coercion',
	'reconsideration',
	'litigation',
];

/** Ranked rows shown on pages above a county; the full league is on each county's page. */
export const RANKING_TOP = 20;
