import { describe, expect, it } from 'vitest';
import {
	buildChartConfig,
	chartSummary,
	distribution,
	PALETTE,
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
