import { describe, expect, it } from 'vitest';
import {
	buildChartConfig,
	chartSummary,
	distribution,
	PALETTE,
	spreadLabels,
} from '../../../src/lib/site/chart-config.ts';

const spec = {
	kind: 'line' as const,
	labels: ['2021', '2022', '2023'],
	series: [
		{ label: '本年新收申请', values: [3, null, 0] },
		{ label: '予以公开', values: [2, 4, 0] },
	],
};

describe('buildChartConfig', () => {
	it('turns animation off when the reader prefers reduced motion', () => {
		expect(buildChartConfig(spec, { reducedMotion: true }).options?.animation).toBe(false);
		expect(buildChartConfig(spec, { reducedMotion: false }).options?.animation).not.toBe(false);
	});
	it('colours series from the palette and varies their point shapes', () => {
		const datasets = buildChartConfig(spec, { reducedMotion: true }).data.datasets as {
			borderColor: string;
			pointStyle: string;
		}[];
		expect(datasets.map((d) => d.borderColor)).toEqual([PALETTE[0], PALETTE[1]]);
		expect(datasets[0]!.pointStyle).not.toBe(datasets[1]!.pointStyle);
	});
	it('keeps unknown values as gaps', () => {
		const datasets = buildChartConfig(spec, { reducedMotion: true }).data.datasets as {
			data: unknown[];
			spanGaps: boolean;
		}[];
		expect(datasets[0]!.data).toEqual([3, null, 0]);
		expect(datasets[0]!.spanGaps).toBe(false);
	});
	it('draws bigger points when there is a single year', () => {
		const one = buildChartConfig(
			{ ...spec, labels: ['2023'], series: [{ label: 'x', values: [1] }] },
			{ reducedMotion: true },
		);
		expect((one.data.datasets[0] as { pointRadius: number }).pointRadius).toBeGreaterThan(4);
	});
});

describe('chartSummary', () => {
	it('gives first and last values, with 未填报 for gaps', () => {
		expect(chartSummary({ ...spec, series: [{ label: 'a', values: [null, 1, 2] }] })).toBe(
			'折线图：a 从 未填报（2021）到 2（2023）。数据见下表。',
		);
	});
});

describe('distribution', () => {
	it('counts values per bucket and unknowns apart', () => {
		const d = distribution([0, 0, 3, 17, 120, null]);
		expect(d.labels).toEqual(['0', '1–5', '6–20', '21–50', '51 以上']);
		expect(d.counts).toEqual([2, 1, 1, 0, 1]);
		expect(d.unknown).toBe(1);
	});
});

describe('spreadLabels and direct labels', () => {
	it('keeps labels at their lines when apart, and pushes labels of lines that end together apart', () => {
		expect(spreadLabels([10, 100, 50], 14)).toEqual([10, 100, 50]);
		const ys = spreadLabels([100, 100, 100], 14);
		const sorted = [...ys].sort((a, b) => a - b);
		expect(sorted[1]! - sorted[0]!).toBeGreaterThanOrEqual(14);
		expect(sorted[2]! - sorted[1]!).toBeGreaterThanOrEqual(14);
		// Centred on the shared end point, not drifting below it.
		expect((sorted[0]! + sorted[2]!) / 2).toBeCloseTo(100);
	});

	it('hides the legend and keeps room on the right when lines are labelled directly', () => {
		const config = buildChartConfig({ ...spec, directLabels: true }, { reducedMotion: true });
		const options = config.options as {
			plugins: { legend: { display: boolean } };
			layout: { padding: { right: number } };
		};
		expect(options.plugins.legend.display).toBe(false);
		expect(options.layout.padding.right).toBeGreaterThan(0);
		const legend = buildChartConfig(spec, { reducedMotion: true }).options as typeof options;
		expect(legend.plugins.legend.display).toBe(true);
	});

	it('draws bars sideways when asked', () => {
		const config = buildChartConfig(
			{ kind: 'bar', labels: ['a', 'b'], series: [{ label: 'x', values: [1, 2] }], indexAxis: 'y' },
			{ reducedMotion: true },
		);
		expect((config.options as { indexAxis: string }).indexAxis).toBe('y');
	});
});
