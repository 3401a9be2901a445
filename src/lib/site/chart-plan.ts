/**
 * Which form fits a chart's data, decided before anything is drawn: one year is not a trend
 * (the figures and a sentence, no line chart); all zeros are said in words, not drawn as a flat
 * line; series that stay at zero are named instead of drawn on top of each other. The title states
 * what the data shows, from a template.
 */
import type { ChartSeries, ChartSpec } from './chart-config.ts';
import { distribution } from './chart-config.ts';
import { formatCount } from './format.ts';

export type ChartPlan =
	/** Nothing to show. */
	| { form: 'none'; title: string }
	/** One category: the figures themselves (the data table) under a sentence. */
	| { form: 'figures'; title: string }
	/** Every value zero or unknown: a sentence is the whole story. */
	| { form: 'words'; title: string }
	/** A chart of the series that move; `quiet` names those left out because they are 0 throughout. */
	| { form: 'chart'; title: string; spec: ChartSpec; quiet: string[] };

const isZero = (s: ChartSeries) => s.values.every((v) => v === 0);
const isUnknown = (s: ChartSeries) => s.values.every((v) => v === null);
const amount = (v: number, unit: string) => `${formatCount(v)} ${unit}`;

/** "甲、乙和丙" for names in a sentence. */
export function listNames(names: readonly string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}

/** The change of one series from its first to its last known value, as a title. */
export function trendTitle(series: ChartSeries, labels: readonly string[], unit: string): string {
	const known = series.values
		.map((v, i) => ({ v, label: labels[i]! }))
		.filter((p): p is { v: number; label: string } => p.v !== null);
	if (known.length === 0) return `${series.label}：各年都未填报`;
	const first = known[0]!;
	const last = known[known.length - 1]!;
	if (known.length === 1)
		return `${series.label}：只有 ${first.label} 年有数字，为 ${amount(first.v, unit)}`;
	const peak = known.reduce((a, b) => (b.v > a.v ? b : a));
	const verb = last.v > first.v ? '增至' : last.v < first.v ? '减至' : '';
	const change = verb
		? `${series.label}从 ${first.label} 年的 ${amount(first.v, unit)}${verb} ${last.label} 年的 ${amount(last.v, unit)}`
		: `${series.label} ${first.label} 年和 ${last.label} 年都是 ${amount(last.v, unit)}`;
	return peak.v > Math.max(first.v, last.v)
		? `${change}，${peak.label} 年最多（${amount(peak.v, unit)}）`
		: change;
}

/** A township's figures over its report years. */
export function trendPlan(spec: ChartSpec, unit = '件'): ChartPlan {
	if (spec.labels.length === 0 || spec.series.length === 0)
		return { form: 'none', title: '没有数据' };
	const moving = spec.series.filter((s) => !isZero(s) && !isUnknown(s));
	const zero = spec.series.filter(isZero).map((s) => s.label);
	const unknown = spec.series.filter(isUnknown).map((s) => s.label);
	const rest = [
		zero.length > 0 ? `${listNames(zero)}${moving.length > 0 ? '为' : '都是'} 0 ${unit}` : '',
		unknown.length > 0 ? `${listNames(unknown)}未填报` : '',
	].filter(Boolean);
	if (spec.labels.length === 1) {
		const label = spec.labels[0]!;
		const stated = moving.map(
			(s) => `${s.label} ${s.values[0] === null ? '未填报' : amount(s.values[0]!, unit)}`,
		);
		return {
			form: 'figures',
			title: `${label} 年（目前唯一的年度）：${[...stated, ...rest].join('；')}`,
		};
	}
	const years = `${spec.labels[0]}–${spec.labels[spec.labels.length - 1]} 年`;
	if (moving.length === 0) return { form: 'words', title: `${years}：${rest.join('；')}` };
	return {
		form: 'chart',
		title: trendTitle(moving[0]!, spec.labels, unit),
		spec: { ...spec, series: moving, directLabels: moving.length > 1 },
		quiet: zero,
	};
}

/** How many reports of a year fall in each range of one figure. */
export function distributionPlan(
	values: readonly (number | null)[],
	label: string,
	unit = '件',
): ChartPlan & { unknown: number } {
	const d = distribution(values);
	const known = values.filter((v): v is number => v !== null);
	const unknownNote = d.unknown > 0 ? `，${d.unknown} 份未填报` : '';
	if (known.length === 0)
		return { form: 'words', title: `${d.unknown} 份报告都未填报${label}`, unknown: d.unknown };
	const filled = d.counts.filter((n) => n > 0).length;
	if (filled === 1) {
		const bucket = d.labels[d.counts.findIndex((n) => n > 0)]!;
		const where = bucket === '0' ? `都是 0 ${unit}` : `都在 ${bucket} ${unit}之间`;
		return {
			form: 'words',
			title: `${known.length} 份报告的${label}${where}${unknownNote}`,
			unknown: d.unknown,
		};
	}
	const zero = d.counts[d.labels.indexOf('0')] ?? 0;
	return {
		form: 'chart',
		title: `${label}：${known.length} 份报告中 ${zero} 份为 0，最多 ${amount(Math.max(...known), unit)}${unknownNote}`,
		spec: {
			kind: 'bar',
			labels: d.labels,
			series: [{ label: '报告数', values: d.counts }],
			xTitle: `${label}（${unit}）`,
		},
		quiet: [],
		unknown: d.unknown,
	};
}
