/**
 * The compare page's data and the pure logic behind it, shared by the build (which writes the
 * JSON files) and the browser script (which reads the selection from the URL and lays out
 * tables and charts). The selection lives in the URL: /compare/?t=610881102,140930104&y=2023.
 */
import type { ChartSpec } from './chart-config.ts';
import { allDerived, type DerivedKey, type DerivedValue } from './derived-metrics.ts';
import { placeName, type TownshipSummary } from './indexes.ts';
import { KEY_FIGURES, metric, type MetricKey } from './key-figures.ts';
import { reportUrl } from './urls.ts';

export const MIN_SELECTION = 2;
export const MAX_SELECTION = 6;

/** Figures drawn as overlaid trend lines, one chart each. */
export const COMPARE_TRENDS: MetricKey[] = [
	'applicationsReceived',
	'resultsTotal',
	'licensing',
	'penalty',
	'reconsideration',
	'litigation',
];

/**
 * One township in the picker, built in the browser from a province file or a name bucket
 * (compare-chunks.ts): the picker never holds the national list.
 */
export interface CompareTownship {
	code: string;
	/** Name with its county, e.g. 神木市店塔镇: township names repeat across counties. */
	name: string;
	/** Province › prefecture › county, for the suggestion list. */
	place: string;
	province: string | null;
	prefecture: string | null;
	county: string | null;
	/** Lower-case name, county, pinyin without spaces and initials, matched by substring. */
	search: string;
}

export interface FigureYear {
	year: number;
	url: string;
	figures: Record<MetricKey, number | null>;
	derived: Record<DerivedKey, DerivedValue>;
}

/** One township's figures by year (/compare/townships/<code>.json), oldest first. */
export interface TownshipFigures {
	code: string;
	name: string;
	years: FigureYear[];
}

export function townshipFigures(summary: TownshipSummary): TownshipFigures {
	return {
		code: summary.township.code,
		name: placeName(summary.township),
		years: summary.reports.map((r) => ({
			year: r.year,
			url: reportUrl(r.township.code, r.year),
			figures: Object.fromEntries(KEY_FIGURES.map((k) => [k, metric(k, r.record)])) as Record<
				MetricKey,
				number | null
			>,
			derived: allDerived(r.record, r.passedChecks),
		})),
	};
}

/* ---------- The selection in the URL ---------- */

const CODE = /^(?:\d{9}|x-[\w-]+)$/;

export interface Selection {
	codes: string[];
	/** A report year to compare, or null for each township's latest report. */
	year: number | null;
}

/** Reads ?t=a,b&y=2023: unknown shapes and repeats dropped, at most MAX_SELECTION kept in order. */
export function parseSelection(search: string): Selection {
	const params = new URLSearchParams(search);
	const codes: string[] = [];
	for (const code of (params.get('t') ?? '').split(',').map((c) => c.trim())) {
		if (CODE.test(code) && !codes.includes(code) && codes.length < MAX_SELECTION) codes.push(code);
	}
	const y = Number(params.get('y'));
	return { codes, year: Number.isInteger(y) && y > 1900 ? y : null };
}

/** The query string for a selection; commas kept readable rather than %2C. */
export function selectionSearch({ codes, year }: Selection): string {
	const parts = [];
	if (codes.length > 0) parts.push(`t=${codes.map(encodeURIComponent).join(',')}`);
	if (year !== null) parts.push(`y=${year}`);
	return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export const compareUrl = (codes: readonly string[], year: number | null = null) =>
	`/compare/${selectionSearch({ codes: codes.slice(0, MAX_SELECTION), year })}`;

/**
 * Townships whose name, county, pinyin or initials contain the term; those that start with it
 * first. `startsOnly` keeps only those (a name bucket holds every township starting with its key,
 * but only some that merely contain it).
 */
export function findTownships(
	index: readonly CompareTownship[],
	term: string,
	limit = 10,
	startsOnly = false,
): CompareTownship[] {
	const needle = term.trim().toLowerCase().replace(/\s+/g, '');
	if (needle === '') return [];
	const words = (t: CompareTownship) => t.search.split(' ');
	const starts = (t: CompareTownship) => words(t).some((w) => w.startsWith(needle));
	const hits = index.filter((t) => words(t).some((w) => w.includes(needle)));
	const rest = startsOnly ? [] : hits.filter((t) => !starts(t));
	return [...hits.filter(starts), ...rest].slice(0, limit);
}

/* ---------- What the page lays out ---------- */

/** The report compared for a township: the given year's, or its latest when year is null. */
export function reportFor(t: TownshipFigures, year: number | null): FigureYear | undefined {
	return year === null ? t.years[t.years.length - 1] : t.years.find((y) => y.year === year);
}

/** Every year any selected township has a report, oldest first. */
export function unionYears(selected: readonly TownshipFigures[]): number[] {
	return [...new Set(selected.flatMap((t) => t.years.map((y) => y.year)))].sort((a, b) => a - b);
}

export interface OverlayTrend {
	spec: ChartSpec;
	/** [series][label]: false where the township has no report that year (as against a report that leaves the figure blank). */
	hasReport: boolean[][];
}

/** One line per township over the union of their report years; a year without a report is a gap. */
export function overlayTrend(
	selected: readonly TownshipFigures[],
	key: MetricKey,
	xTitle = '年度',
): OverlayTrend {
	const years = unionYears(selected);
	const at = (t: TownshipFigures, year: number) => t.years.find((y) => y.year === year);
	return {
		spec: {
			kind: 'line',
			labels: years.map(String),
			series: selected.map((t) => ({
				label: t.name,
				values: years.map((year) => at(t, year)?.figures[key] ?? null),
			})),
			xTitle,
			yTitle: '件',
		},
		hasReport: selected.map((t) => years.map((year) => at(t, year) !== undefined)),
	};
}
