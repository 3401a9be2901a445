/**
 * Draws each `canvas[data-chart]` when it comes near the viewport. Chart.js (about 60 KB
 * gzipped) is fetched on the first such moment only, so pages whose charts are never
 * scrolled to never pay for it; the data table beside each chart works without any of this.
 */
import type { ChartSpec } from '../lib/site/chart-config.ts';

async function draw(canvas: HTMLCanvasElement) {
	const spec = JSON.parse(canvas.dataset.chart ?? 'null') as ChartSpec | null;
	if (!spec) return;
	const { drawChart } = await import('./chart-setup.ts');
	drawChart(canvas, spec);
	canvas.dataset.drawn = 'true';
}

const canvases = document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]');
if ('IntersectionObserver' in window) {
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue;
				observer.unobserve(entry.target);
				void draw(entry.target as HTMLCanvasElement);
			}
		},
		{ rootMargin: '200px' },
	);
	canvases.forEach((c) => observer.observe(c));
} else {
	canvases.forEach((c) => void draw(c));
}
