/**
 * Chart.js configurations built from plain data, kept free of the DOM so they can be
 * unit-tested. Colours: the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies), and every line also differs by point shape and dash so colour is never the only
 * cue.
 */
import type { ChartConfiguration, PointStyle } from 'chart.js';

export interface ChartSeries {
	label: string;
	values: (number | null)[];
}

export interface ChartSpec {
	kind: 'line' | 'bar';
	labels: string[];
	series: ChartSeries[];
	/** Axis titles, e.g. 年度 / 件. */
	xTitle?: string;
	yTitle?: string;
	/** Name each line at its last point instead of in a legend, so overlapping lines are told apart. */
	directLabels?: boolean;
	/** 'y' draws bars horizontally (one bar per township reads better sideways). */
	indexAxis?: 'x' | 'y';
	/** One colour per category (bar) instead of per series, e.g. each township its own colour. */
	colourByCategory?: boolean;
}

/** Okabe & Ito (2008), ordered for contrast on white; the yellow is left out for that reason. */
export const PALETTE = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#E69F00',
	'#56B4E9',
	'#000000',
] as const;
const POINT_STYLES: PointStyle[] = [
	'circle',
	'rect',
	'triangle',
	'rectRot',
	'star',
	'crossRot',
	'rectRounded',
];
const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [], [6, 3], [2, 2]];

export const CJK_FONT_STACK =
	'"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const colourOf = (i: number) => PALETTE[i % PALETTE.length]!;

const title = (text: string | undefined) => ({ display: Boolean(text), text: text ?? '' });
const categoryAxis = (text: string | undefined) => ({ title: title(text), offset: true });
const valueAxis = (text: string | undefined) => ({
	beginAtZero: true,
	suggestedMax: 1,
	ticks: { precision: 0 },
	title: title(text),
});

export function buildChartConfig(
	spec: ChartSpec,
	options: { reducedMotion: boolean },
): ChartConfiguration {
	// One category only: a visible point instead of a line that cannot be drawn.
	const single = spec.labels.length === 1;
	const datasets = spec.series.map((s, i) => {
		const colour = colourOf(i);
		return spec.kind === 'line'
			? {
					type: 'line' as const,
					label: s.label,
					data: s.values,
					borderColor: colour,
					backgroundColor: colour,
					borderWidth: 2,
					borderDash: DASHES[i % DASHES.length],
					pointStyle: POINT_STYLES[i % POINT_STYLES.length],
					pointRadius: single ? 6 : 4,
					pointHoverRadius: single ? 8 : 6,
					spanGaps: false,
				}
			: {
					type: 'bar' as const,
					label: s.label,
					data: s.values,
					backgroundColor: spec.colourByCategory ? spec.labels.map((_, j) => colourOf(j)) : colour,
					borderColor: spec.colourByCategory ? spec.labels.map((_, j) => colourOf(j)) : colour,
					borderWidth: 1,
				};
	});
	const direct = spec.kind === 'line' && spec.directLabels === true;
	const horizontal = spec.indexAxis === 'y';
	return {
		type: spec.kind,
		data: { labels: spec.labels, datasets },
		options: {
			indexAxis: spec.indexAxis ?? 'x',
			layout: { padding: { right: direct ? DIRECT_LABEL_ROOM : 0 } },
			animation: options.reducedMotion ? false : { duration: 400 },
			responsive: true,
			maintainAspectRatio: false,
			interaction: { mode: 'index', intersect: false },
			plugins: {
				legend: {
					display: spec.series.length > 1 && !direct,
					position: 'bottom',
					labels: { usePointStyle: true },
				},
				tooltip: { enabled: true },
			},
			// Horizontal bars swap the axes: categories run down y, counts along x.
			scales: horizontal
				? { x: valueAxis(spec.xTitle), y: categoryAxis(spec.yTitle) }
				: { x: categoryAxis(spec.xTitle), y: valueAxis(spec.yTitle) },
		},
	} as ChartConfiguration;
}

/** Pixels kept right of the plot for direct labels. */
export const DIRECT_LABEL_ROOM = 96;

/**
 * Vertical positions for direct labels: each label as near its line's end as possible, but at
 * least `gap` pixels from its neighbours, so labels of lines that end together stay readable.
 * Returns positions in the input order.
 */
export function spreadLabels(ys: readonly number[], gap: number): number[] {
	const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
	const placed: number[] = [];
	for (const [k, item] of order.entries()) {
		const min = k === 0 ? -Infinity : placed[k - 1]! + gap;
		placed.push(Math.max(item.y, min));
	}
	// Centre the block of pushed labels on the lines they name, so none drifts far below.
	const out = new Array<number>(ys.length);
	let start = 0;
	while (start < order.length) {
		let end = start;
		while (end + 1 < order.length && placed[end + 1]! - placed[end]! <= gap) end++;
		const wanted = order.slice(start, end + 1).reduce((n, o) => n + o.y, 0) / (end - start + 1);
		const actual = placed.slice(start, end + 1).reduce((n, y) => n + y, 0) / (end - start + 1);
		const shift = Math.min(0, wanted - actual);
		for (let k = start; k <= end; k++) out[order[k]!.i] = placed[k]! + shift;
		start = end + 1;
	}
	return out;
}

export interface Bucket {
	label: string;
	/** Inclusive bounds; `max` null means open-ended. */
	min: number;
	max: number | null;
}

export const COUNT_BUCKETS: Bucket[] = [
	{ label: '0', min: 0, max: 0 },
	{ label: '1–5', min: 1, max: 5 },
	{ label: '6–20', min: 6, max: 20 },
	{ label: '21–50', min: 21, max: 50 },
	{ label: '51 以上', min: 51, max: null },
];

/** How many values fall in each bucket, plus how many are unknown (未填报). */
export function distribution(
	values: readonly (number | null)[],
	buckets: readonly Bucket[] = COUNT_BUCKETS,
) {
	const counts = buckets.map(() => 0);
	let unknown = 0;
	for (const v of values) {
		if (v === null) {
			unknown++;
			continue;
		}
		const i = buckets.findIndex((b) => v >= b.min && (b.max === null || v <= b.max));
		if (i >= 0) counts[i]!++;
	}
	return { labels: buckets.map((b) => b.label), counts, unknown };
}

const shown = (v: number | null | undefined) =>
	v === null || v === undefined ? '未填报' : String(v);

/**
 * A one-sentence summary for the canvas's accessible name: first and last value of each series
 * (or the single value). The full data is in the table beside the chart.
 */
export function chartSummary(spec: ChartSpec): string {
	const kind = spec.kind === 'line' ? '折线图' : '柱状图';
	if (spec.labels.length === 0) return `${kind}：没有数据`;
	const first = spec.labels[0]!;
	const last = spec.labels[spec.labels.length - 1]!;
	const parts = spec.series.map((s) =>
		spec.labels.length === 1 || spec.kind === 'bar'
			? `${s.label} ${spec.labels.map((l, i) => `${l} ${shown(s.values[i])}`).join('，')}`
			: `${s.label} 从 ${shown(s.values[0])}（${first}）到 ${shown(s.values[s.values.length - 1])}（${last}）`,
	);
	return `${kind}：${parts.join('；')}。数据见下表。`;
}
