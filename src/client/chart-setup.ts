/**
 * The only place Chart.js is imported. Registers just the pieces the portal draws
 * (line and bar charts on category/linear axes, with legend and tooltip), not chart.js/auto,
 * and is loaded lazily by lazy-charts.ts when a chart scrolls into view.
 */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
} from 'chart.js';
import {
	buildChartConfig,
	CJK_FONT_STACK,
	spreadLabels,
	type ChartSpec,
} from '../lib/site/chart-config.ts';

Chart.register(
	LineController,
	BarController,
	LineElement,
	BarElement,
	PointElement,
	CategoryScale,
	LinearScale,
	Legend,
	Tooltip,
);
Chart.defaults.font.family = CJK_FONT_STACK;
Chart.defaults.color = '#333';

/** Each line's name beside its last point, in its colour, nudged apart where lines end together. */
const directLabels = {
	id: 'directLabels',
	afterDatasetsDraw(chart: Chart) {
		if (
			chart.options.plugins?.legend?.display !== false ||
			(chart.config as { type?: string }).type !== 'line'
		)
			return;
		const ends = chart.data.datasets.flatMap((d, i) => {
			const points = chart.getDatasetMeta(i).data;
			const values = d.data as (number | null)[];
			const last = values.findLastIndex((v) => v !== null);
			const point = last >= 0 ? points[last] : undefined;
			return point ? [{ x: point.x, y: point.y, text: d.label ?? '', colour: d.borderColor }] : [];
		});
		const ys = spreadLabels(
			ends.map((e) => e.y),
			14,
		);
		const { ctx } = chart;
		ctx.save();
		ctx.font = `12px ${CJK_FONT_STACK}`;
		ctx.textBaseline = 'middle';
		ends.forEach((e, i) => {
			ctx.fillStyle = typeof e.colour === 'string' ? e.colour : '#333';
			ctx.fillText(e.text, e.x + 8, ys[i]!);
		});
		ctx.restore();
	},
};
Chart.register(directLabels);

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
	const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	return new Chart(canvas, buildChartConfig(spec, { reducedMotion }));
}
