/**
 * The form of one compare chart (chart-plan.ts for the compare page): when every chosen township
 * has one report year there is no trend to draw, so each township's figure is a horizontal bar
 * (named with its year); several years give a line per township, labelled at its end; all zeros
 * are said in words.
 */
import type { ChartPlan } from './chart-plan.ts';
import { listNames } from './chart-plan.ts';
import type { OverlayTrend } from './compare.ts';
import { formatCount } from './format.ts';

export function compareTrendPlan({ spec, hasReport }: OverlayTrend, label: string): ChartPlan {
	const values = spec.series.flatMap((s, i) =>
		s.values.filter((_, j) => hasReport[i]![j]).map((v) => ({ v, name: s.label })),
	);
	const known = values.filter((x): x is { v: number; name: string } => x.v !== null);
	const unknown = [...new Set(values.filter((x) => x.v === null).map((x) => x.name))];
	const unknownNote = unknown.length > 0 ? `；${listNames(unknown)}未填报` : '';
	if (known.length === 0) return { form: 'words', title: `所选乡镇都未填报${label}` };
	if (known.every((x) => x.v === 0))
		return { form: 'words', title: `所选乡镇的${label}都是 0 件${unknownNote}` };

	const oneYearEach = hasReport.every((row) => row.filter(Boolean).length <= 1);
	if (oneYearEach) {
		const bars = spec.series.map((s, i) => {
			const j = hasReport[i]!.indexOf(true);
			return {
				name: j >= 0 ? `${s.label} ${spec.labels[j]} 年` : s.label,
				v: j >= 0 ? (s.values[j] ?? null) : null,
			};
		});
		const top = Math.max(...known.map((x) => x.v));
		const leaders = bars.filter((b) => b.v === top).map((b) => b.name);
		return {
			form: 'chart',
			title: `${label}：${listNames(leaders)}最多（${formatCount(top)} 件）${unknownNote}`,
			spec: {
				kind: 'bar',
				indexAxis: 'y',
				colourByCategory: true,
				labels: bars.map((b) => b.name),
				series: [{ label, values: bars.map((b) => b.v) }],
				yTitle: '',
				xTitle: '件',
			},
			quiet: [],
		};
	}
	return {
		form: 'chart',
		title: `${label}：各乡镇逐年有什么变化？`,
		spec: { ...spec, directLabels: true },
		quiet: [],
	};
}
