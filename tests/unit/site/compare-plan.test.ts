import { describe, expect, it } from 'vitest';
import { compareTrendPlan } from '../../../src/lib/site/compare-plan.ts';

const overlay = (labels: string[], rows: [string, (number | null)[], boolean[]][]) => ({
	spec: {
		kind: 'line' as const,
		labels,
		series: rows.map(([label, values]) => ({ label, values })),
	},
	hasReport: rows.map(([, , has]) => has),
});

describe('compareTrendPlan', () => {
	it('one report year per township: horizontal bars, one colour each, named with the year', () => {
		const plan = compareTrendPlan(
			overlay(
				['2022', '2023'],
				[
					['甲镇', [null, 3], [false, true]],
					['乙镇', [16, null], [true, false]],
				],
			),
			'行政处罚决定',
		);
		expect(plan.form).toBe('chart');
		if (plan.form !== 'chart') return;
		expect(plan.spec.kind).toBe('bar');
		expect(plan.spec.indexAxis).toBe('y');
		expect(plan.spec.colourByCategory).toBe(true);
		expect(plan.spec.labels).toEqual(['甲镇 2023 年', '乙镇 2022 年']);
		expect(plan.spec.series[0]!.values).toEqual([3, 16]);
		expect(plan.title).toBe('行政处罚决定：乙镇 2022 年最多（16 件）');
	});

	it('all zero is a sentence; several years are a line per township with direct labels', () => {
		expect(
			compareTrendPlan(
				overlay(
					['2023'],
					[
						['甲镇', [0], [true]],
						['乙镇', [null], [true]],
					],
				),
				'行政复议',
			),
		).toEqual({ form: 'words', title: '所选乡镇的行政复议都是 0 件；乙镇未填报' });
		const plan = compareTrendPlan(
			overlay(
				['2022', '2023'],
				[
					['甲镇', [1, 3], [true, true]],
					['乙镇', [0, 0], [true, true]],
				],
			),
			'行政复议',
		);
		expect(plan.form === 'chart' && plan.spec.kind === 'line' && plan.spec.directLabels).toBe(true);
	});
});
