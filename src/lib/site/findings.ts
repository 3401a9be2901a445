/**
 * 要点: what one report says, in plain Chinese sentences built from fixed templates over the
 * record — never free text. Every figure carries the cells it adds up, so the page can link it to
 * where it was printed and a test can add the cells up again. `null` reads 未填报, never 0.
 */
import type { ReportEntry } from '../model/entry.ts';
import { cellAnchor } from './cell-anchor.ts';
import { kindCounts } from './check-kind.ts';
import { formatCount } from './format.ts';
import { METRICS, metric, type MetricKey } from './key-figures.ts';
import { metricCells } from './metric-cells.ts';

/** One printed cell of one report: `report` is the entry id (`<code>-<year>`). */
export interface CellRef {
	report: string;
	path: string;
}

/** A number quoted in a sentence: the sum of `cells`, unknown (null) when any of them is. */
export interface Figure {
	kind: 'figure';
	value: number | null;
	/** As shown: 1,234 or 未填报. */
	text: string;
	/** Measure word shown after a known value, e.g. 件. */
	unit: string;
	href: string;
	cells: CellRef[];
}

/** Words that lead somewhere (a report, the checks) without being a figure. */
export interface Link {
	kind: 'link';
	text: string;
	href: string;
}

export type FindingPart = string | Figure | Link;
/** One sentence. */
export type Finding = FindingPart[];

export const link = (text: string, href: string): Link => ({ kind: 'link', text, href });

/** A key figure of one report, linked to its first cell on the report page at `base`. */
export function figureOf(entry: ReportEntry, key: MetricKey, base: string): Figure {
	return cellsFigure(entry, metricCells(key, entry.record), metric(key, entry.record), base);
}

export function cellsFigure(
	entry: ReportEntry,
	paths: readonly string[],
	value: number | null,
	base: string,
	unit = '件',
): Figure {
	return {
		kind: 'figure',
		value,
		text: formatCount(value),
		unit,
		href: paths.length > 0 ? `${base}#${cellAnchor(paths[0]!)}` : base || '#',
		cells: paths.map((path) => ({ report: entry.id, path })),
	};
}

/** "a、b 和 c"; a single item alone. */
export function joinParts(items: FindingPart[][], last = '和'): FindingPart[] {
	return items.flatMap((item, i) => [
		...(i === 0 ? [] : [i === items.length - 1 ? last : '、']),
		...item,
	]);
}

const OUTCOMES: MetricKey[] = [
	'granted',
	'partiallyGranted',
	'denied',
	'unable',
	'notHandled',
	'otherHandled',
];

/** Table 3 in one sentence: received, carried over, the non-zero outcomes, carried forward. */
export function applicationsFinding(entry: ReportEntry, base: string): Finding {
	const { record, year } = entry;
	if (!record.table3)
		return ['报告中未找到表三（收到和处理政府信息公开申请情况），无法读出申请数字。'];
	const fig = (k: MetricKey) => figureOf(entry, k, base);
	const parts: Finding = [
		`${year} 年新收政府信息公开申请 `,
		fig('applicationsReceived'),
		'，上年结转 ',
		fig('applicationsCarriedOver'),
	];
	const nothing = (
		['applicationsReceived', 'applicationsCarriedOver', 'resultsTotal'] as const
	).every((k) => metric(k, record) === 0);
	if (nothing) return [...parts, '，本年没有需要办理的申请。'];
	const outcomes = OUTCOMES.filter((k) => metric(k, record) !== 0);
	parts.push('；办理结果合计 ', fig('resultsTotal'));
	if (outcomes.length === 0) parts.push('，各类办理结果都是 0');
	else parts.push('，其中', ...joinParts(outcomes.map((k) => [`${METRICS[k].label} `, fig(k)])));
	parts.push('；结转下年度继续办理 ', fig('carriedForward'), '。');
	return parts;
}

/** Table 2's decisions on licences, penalties and coercive measures. */
export function decisionsFinding(entry: ReportEntry, base: string): Finding {
	const { record, year } = entry;
	if (!record.table2 && !record.table2v2019)
		return ['报告中未找到表二（主动公开政府信息情况），无法读出行政许可、处罚、强制的数字。'];
	const fig = (k: MetricKey) => figureOf(entry, k, base);
	return [
		`${year} 年作出行政许可决定 `,
		fig('licensing'),
		'、行政处罚决定 ',
		fig('penalty'),
		'、行政强制决定 ',
		fig('coercion'),
		'。',
	];
}

/** Table 4: reviews and lawsuits about disclosure, and how many decisions were corrected. */
export function reviewsFinding(entry: ReportEntry, base: string): Finding {
	const { record, year } = entry;
	const t4 = record.table4;
	if (!t4) return ['报告中未找到表四（行政复议、行政诉讼情况）。'];
	const reviews = figureOf(entry, 'reconsideration', base);
	const lawsuits = figureOf(entry, 'litigation', base);
	if (reviews.value === 0 && lawsuits.value === 0)
		return [
			`${year} 年未因政府信息公开被申请行政复议或提起行政诉讼（行政复议 `,
			reviews,
			'，行政诉讼 ',
			lawsuits,
			'）。',
		];
	const parts: Finding = [
		`${year} 年因政府信息公开被申请行政复议 `,
		reviews,
		'，被提起行政诉讼 ',
		lawsuits,
	];
	const correctedPaths = (
		['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const
	).map((g) => `table4.${g}.corrected`);
	const corrected = correctedPaths.map((p) => {
		const [, g] = p.split('.') as [string, keyof typeof t4];
		return t4[g].corrected;
	});
	const value = corrected.includes(null)
		? null
		: corrected.reduce<number>((a, b) => a + (b ?? 0), 0);
	if (value !== 0) parts.push('，其中结果被纠正 ', cellsFigure(entry, correctedPaths, value, base));
	parts.push('。');
	return parts;
}

/**
 * What the checks found, told apart: only numbers the report itself printed that do not add up
 * are called 不一致; reading notes and editorial oddities are mentioned as such.
 */
export function checksFinding(entry: ReportEntry, base: string): Finding {
	const counts = kindCounts([...entry.record.checks, ...entry.crossYearChecks], entry.record.cells);
	const checks = `${base}#checks`;
	const notes: Finding[] = [];
	if (counts.reading > 0) notes.push([link(`识别提示 ${counts.reading} 条`, checks)]);
	if (counts.editorial > 0) notes.push([link(`其他提示 ${counts.editorial} 条`, checks)]);
	const tail: Finding =
		notes.length > 0 ? ['；另有', ...joinParts(notes), '，不表示原报告有误'] : [];
	if (counts.contradiction > 0)
		return [
			'原报告中有 ',
			link(`${counts.contradiction} 处数字不一致`, checks),
			'（按表格自身的勾稽关系相加不符），页面照原样显示',
			...tail,
			'。',
		];
	return ['按表格自身的勾稽关系核对，原报告的数字没有发现不一致', ...tail, '。'];
}

/** The 要点 of one report page (`base` ''), or of a report linked from elsewhere (`base` its URL). */
export function reportFindings(entry: ReportEntry, base = ''): Finding[] {
	return [
		applicationsFinding(entry, base),
		decisionsFinding(entry, base),
		reviewsFinding(entry, base),
		checksFinding(entry, base),
	];
}

/** Plain text of a sentence, for descriptions and tests. */
export function findingText(finding: Finding): string {
	return finding
		.map((p) =>
			typeof p === 'string'
				? p
				: p.kind === 'figure'
					? p.value === null
						? p.text
						: `${p.text} ${p.unit}`.trimEnd()
					: p.text,
		)
		.join('');
}
