import { describe, expect, it } from 'vitest';
import {
	distributionPlan,
	listNames,
	trendPlan,
	trendTitle,
} from '../../../src/lib/site/chart-plan.ts';

describe('trendPlan', () => {
	it('one year is never a line chart: the figures, with a sentence naming the non-zero ones', () => {
		const plan = trendPlan({
			kind: 'line',
			labels: ['2023'],
			series: [
				{ label: '本年新收申请', values: [5] },
				{ label: '予以公开', values: [0] },
				{ label: '部分公开', values: [null] },
			],
		});
		expect(plan.form).toBe('figures');
		expect(plan.title).toBe(
			'2023 年（目前唯一的年度）：本年新收申请 5 件；予以公开为 0 件；部分公开未填报',
		);
	});

	it('all zeros over several years are said in words', () => {
		const plan = trendPlan({
			kind: 'line',
			labels: ['2021', '2022'],
			series: [
				{ label: '行政复议', values: [0, 0] },
				{ label: '行政诉讼', values: [0, 0] },
			],
		});
		expect(plan).toEqual({ form: 'words', title: '2021–2022 年：行政复议和行政诉讼都是 0 件' });
	});

	it('draws only the series that move, names the quiet ones, and labels lines directly', () => {
		const plan = trendPlan({
			kind: 'line',
			labels: ['2021', '2022', '2023'],
			series: [
				{ label: '本年新收申请', values: [3, 9, 5] },
				{ label: '予以公开', values: [1, 2, 2] },
				{ label: '不予处理', values: [0, 0, 0] },
			],
		});
		expect(plan.form).toBe('chart');
		if (plan.form !== 'chart') return;
		expect(plan.spec.series.map((s) => s.label)).toEqual(['本年新收申请', '予以公开']);
		expect(plan.spec.directLabels).toBe(true);
		expect(plan.quiet).toEqual(['不予处理']);
		expect(plan.title).toBe(
			'本年新收申请从 2021 年的 3 件增至 2023 年的 5 件，2022 年最多（9 件）',
		);
	});
});

describe('trendTitle', () => {
	it('says a fall, an unchanged figure, and skips unknown years', () => {
		expect(trendTitle({ label: 'a', values: [4, null, 1] }, ['2021', '2022', '2023'], '件')).toBe(
			'a从 2021 年的 4 件减至 2023 年的 1 件',
		);
		expect(trendTitle({ label: 'a', values: [2, 2] }, ['2022', '2023'], '件')).toBe(
			'a 2022 年和 2023 年都是 2 件',
		);
	});
});

describe('distributionPlan', () => {
	it('all in one range is a sentence, not a one-bar chart', () => {
		const plan = distributionPlan([0, 0, 0, null], '本年新收申请');
		expect(plan.form).toBe('words');
		expect(plan.title).toBe('3 份报告的本年新收申请都是 0 件，1 份未填报');
	});
	it('a spread is a bar chart whose title states the finding', () => {
		const plan = distributionPlan([0, 0, 16], '行政处罚决定');
		expect(plan.form).toBe('chart');
		expect(plan.title).toBe('行政处罚决定：3 份报告中 2 份为 0，最多 16 件');
		if (plan.form === 'chart') expect(plan.spec.series[0]!.values).toEqual([2, 0, 1, 0, 0]);
	});
});

describe('listNames', () => {
	it('joins with 、 and a final 和', () => {
		expect(listNames(['a'])).toBe('a');
		expect(listNames(['a', 'b', 'c'])).toBe('a、b和c');
	});
});
