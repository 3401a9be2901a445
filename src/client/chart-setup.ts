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
import { buildChartConfig, CJK_FONT_STACK, type ChartSpec } from '../lib/site/chart-config.ts';

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

export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
	const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	return new Chart(canvas, buildChartConfig(spec, { reducedMotion }));
}
