/**
 * 要点 over many reports — a township's years, a year, a region, the whole collection — from
 * fixed templates. Figures are sums of printed cells (linked to the report that printed them);
 * counts of reports are plain words. Years are never mixed in one comparison: a region's
 * findings are told year by year.
 */
import type { ReportEntry } from '../model/entry.ts';
import {
	applicationsFinding,
	decisionsFinding,
	figureOf,
	joinParts,
	link,
	reviewsFinding,
	type CellRef,
	type Figure,
	type Finding,
	type FindingPart,
} from './findings.ts';
import { formatCount } from './format.ts';
import { METRICS, metric, type MetricKey } from './key-figures.ts';
import { metricCells } from './metric-cells.ts';
import { reportUrl } from './urls.ts';

/** The figures a township's change and a group's "largest" sentences talk about. */
export const HEADLINE_METRICS: MetricKey[] = [
	'applicationsReceived',
	'licensing',
	'penalty',
	'coercion',
	'reconsideration',
	'litigation',
];

const urlOf = (e: ReportEntry) => reportUrl(e.township.code, e.year);
const span = (all: readonly number[]) => {
	const years = [...new Set(all)];
	return years.length === 0
		? ''
		: years.length === 1
			? `${years[0]} 年`
			: `${Math.min(...years)}–${Math.max(...years)} 年`;
};

/** What changed in a township's latest report against the year before, then what it says. */
export function townshipFindings(name: string, reports: readonly ReportEntry[]): Finding[] {
	if (reports.length === 0) return [];
	const sorted = [...reports].sort((a, b) => a.year - b.year);
	const latest = sorted[sorted.length - 1]!;
	const previous = sorted.find((r) => r.year === latest.year - 1);
	const out: Finding[] = [
		[`本站收录${name} ${sorted.length} 份年度报告（${span(sorted.map((r) => r.year))}）。`],
	];
	if (previous) out.push(changeFinding(previous, latest));
	else
		out.push([
			sorted.length === 1
				? '只有一个年度的报告，暂不能比较变化。'
				: `本站没有 ${latest.year - 1} 年的报告，暂不比较 ${latest.year} 年的变化。`,
		]);
	const base = urlOf(latest);
	out.push(
		applicationsFinding(latest, base),
		decisionsFinding(latest, base),
		reviewsFinding(latest, base),
	);
	return out;
}

/** "与 2022 年相比，2023 年新收申请从 3 件增至 5 件；…"; unchanged and unknown figures are named, not quoted. */
export function changeFinding(previous: ReportEntry, latest: ReportEntry): Finding {
	const changed: FindingPart[][] = [];
	const same: string[] = [];
	const unknown: string[] = [];
	for (const key of HEADLINE_METRICS) {
		const before = metric(key, previous.record);
		const now = metric(key, latest.record);
		const label = METRICS[key].label;
		if (before === null || now === null) unknown.push(label);
		else if (before === now) same.push(label);
		else
			changed.push([
				`${label}从 `,
				figureOf(previous, key, urlOf(previous)),
				now > before ? ' 增至 ' : ' 减至 ',
				figureOf(latest, key, urlOf(latest)),
			]);
	}
	const parts: Finding = [`与 ${previous.year} 年相比，${latest.year} 年`];
	if (changed.length > 0) parts.push(...joinParts(changed, '，'));
	if (same.length > 0)
		parts.push(
			`${changed.length > 0 ? '；' : ''}${same.join('、')}${changed.length > 0 ? '没有变化' : '都没有变化'}`,
		);
	if (unknown.length > 0) parts.push(`；${unknown.join('、')}有一年未填报，无法比较`);
	parts.push('。');
	return parts;
}

/**
 * Above this many reports a sum is printed as a plain number: naming every cell it adds would
 * grow a national or province page by ~40 bytes per report (issue 12: pages under 200 KB). Such a
 * sum is the total of the per-region rows beneath it, which do name their cells on county pages.
 */
export const FIGURE_CELLS_LIMIT = 200;

/** Sum of one figure over reports that state it (at least one), with every cell it adds; linked to the first. */
function sumFigure(reports: readonly ReportEntry[], key: MetricKey): Figure | string {
	const known = reports.filter((r) => metric(key, r.record) !== null);
	const value = known.reduce((n, r) => n + metric(key, r.record)!, 0);
	if (known.length > FIGURE_CELLS_LIMIT) return `${formatCount(value)} 件`;
	const cells: CellRef[] = known.flatMap((r) =>
		metricCells(key, r.record).map((path) => ({ report: r.id, path })),
	);
	const first = figureOf(known[0]!, key, urlOf(known[0]!));
	return { ...first, value, text: formatCount(value), cells };
}

/** How many reports received any application at all, and how many applications that was. */
export function applicationsSpread(reports: readonly ReportEntry[]): Finding {
	const values = reports.map((r) => metric('applicationsReceived', r.record));
	const some = reports.filter((_, i) => (values[i] ?? 0) > 0);
	const zero = values.filter((v) => v === 0).length;
	const unknown = values.filter((v) => v === null).length;
	const unknownText = unknown > 0 ? `，${unknown} 份未填报` : '';
	if (some.length === 0)
		return [
			zero === 0
				? `${reports.length} 份报告都未填报本年新收申请数量。`
				: reports.length === 1
					? '这份报告的本年新收政府信息公开申请是 0 件。'
					: `${zero} 份报告的本年新收政府信息公开申请都是 0 件${unknownText}。`,
		];
	return [
		`${some.length} 份报告收到了政府信息公开申请，共 `,
		sumFigure(some, 'applicationsReceived'),
		`；${zero} 份为 0 件${unknownText}。`,
	];
}

/** For each headline figure: who reported the most (ties named together); all-zero figures in one clause. */
export function largestFinding(reports: readonly ReportEntry[], withYear: boolean): Finding {
	const largest: FindingPart[][] = [];
	const zero: string[] = [];
	const zeroOrUnknown: string[] = [];
	for (const key of HEADLINE_METRICS) {
		const known = reports.filter((r) => metric(key, r.record) !== null);
		if (known.length === 0) continue;
		const top = Math.max(...known.map((r) => metric(key, r.record)!));
		const label = METRICS[key].label;
		if (top <= 0) {
			(known.length === reports.length ? zero : zeroOrUnknown).push(label);
			continue;
		}
		const leaders = known.filter((r) => metric(key, r.record) === top);
		if (reports.length === 1) {
			largest.push([`${label} `, figureOf(leaders[0]!, key, urlOf(leaders[0]!))]);
			continue;
		}
		const names = leaders
			.slice(0, 3)
			.map((r) => [link(withYear ? `${r.township.name} ${r.year} 年` : r.township.name, urlOf(r))]);
		largest.push([
			`${label}最多的是`,
			...joinParts(names),
			leaders.length > 3 ? ` 等 ${leaders.length} 份报告` : '',
			leaders.length > 1 ? '（各 ' : '（',
			figureOf(leaders[0]!, key, urlOf(leaders[0]!)),
			'）',
		]);
	}
	const parts: Finding = [];
	if (reports.length === 1 && largest.length > 0) {
		const only = reports[0]!;
		parts.push(
			link(withYear ? `${only.township.name} ${only.year} 年` : only.township.name, urlOf(only)),
			'：',
			...joinParts(largest, '、'),
		);
	} else if (largest.length > 0) parts.push(...joinParts(largest, '；'));
	if (zero.length > 0)
		parts.push(
			`${parts.length > 0 ? '；' : ''}${reports.length === 1 ? '' : '各报告的'}${zero.join('、')}都是 0 件`,
		);
	if (zeroOrUnknown.length > 0)
		parts.push(`${parts.length > 0 ? '；' : ''}${zeroOrUnknown.join('、')}为 0 件或未填报`);
	if (parts.length > 0) parts.push('。');
	return parts;
}

/** 要点 of a year page. */
export function yearFindings(year: number, reports: readonly ReportEntry[]): Finding[] {
	return [
		[`${year} 年共收录 ${formatCount(reports.length)} 份报告。`, ...applicationsSpread(reports)],
		largestFinding(reports, false),
	].filter((f) => f.length > 0);
}

/** 要点 of a region page: coverage against the division table, then each year on its own. */
export function regionFindings(
	name: string,
	reports: readonly ReportEntry[],
	divisionTownships: number,
): Finding[] {
	const townships = new Set(reports.map((r) => r.township.code)).size;
	const out: Finding[] = [
		[
			`本站收录${name} ${formatCount(townships)} / ${formatCount(divisionTownships)} 个乡镇的报告（区划数据列出 ${formatCount(divisionTownships)} 个乡镇），共 ${formatCount(reports.length)} 份。`,
		],
	];
	const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a);
	for (const year of years) {
		const ofYear = reports.filter((r) => r.year === year);
		out.push([`${year} 年 ${ofYear.length} 份报告：`, ...applicationsSpread(ofYear)]);
		const largest = largestFinding(ofYear, false);
		if (largest.length > 0) out.push(largest);
	}
	return out;
}

/** The home page's lead: what the collection holds and what its reports say. */
export function collectionFindings(reports: readonly ReportEntry[], provinces: number): Finding[] {
	if (reports.length === 0) return [['本站还没有收录报告。']];
	const townships = new Set(reports.map((r) => r.township.code)).size;
	const out: Finding[] = [
		[
			`本站收录 ${formatCount(townships)} 个乡镇的 ${formatCount(reports.length)} 份年度报告（报告年度 ${span(reports.map((r) => r.year))}，${formatCount(provinces)} 个省份）。`,
			...applicationsSpread(reports),
		],
	];
	const largest = largestFinding(reports, true);
	if (largest.length > 0) out.push(largest);
	return out;
}
