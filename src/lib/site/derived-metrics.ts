/**
 * Rates and scores derived from one canonical record, for comparing townships of different size.
 * Every figure carries its numerator and denominator so a reader can check it, and a status:
 * a rate over a handful of applications says more about chance than about a township, so below
 * MIN_DENOMINATOR it is withheld as 样本不足 instead of being shown as 0 % or 100 %.
 *
 * The sums (granted, Σ denied*, …) come from the key figures in metrics.ts, so a sum is unknown
 * whenever one of its cells is, and a rate over an unknown sum is 'unavailable', never a guess.
 */
import type { ReportRecord } from '../model/record.ts';
import {
	SECTION_KEYS,
	TABLE2_ROWS,
	TABLE2V2019_ROWS,
	TABLE3_COLUMNS,
	TABLE3_OTHER_SUBROWS,
	TABLE3_ROWS,
	TABLE4_COLUMNS,
	TABLE4_GROUPS,
} from '../model/vocabulary.ts';
import { CELL_ADDRESSES, cellAt, type CellPath } from '../model/cells.ts';
import { metric, sumOrNull, type MetricKey } from './key-figures.ts';

/** Smallest denominator a rate is shown for. Chosen so one application moves a rate by at most 10 points. */
export const MIN_DENOMINATOR = 10;

export type DerivedStatus = 'ok' | 'insufficient' | 'unavailable';

export interface DerivedValue {
	/** The figure, or null unless status is 'ok'. */
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	status: DerivedStatus;
}

export type DerivedKey =
	| 'disclosureRate'
	| 'denialRate'
	| 'unableRate'
	| 'notHandledRate'
	| 'backlogRate'
	| 'reconsiderationPer100'
	| 'litigationPer100'
	| 'correctionRate'
	| 'completeness';

export type DerivedUnit = 'percent' | 'per100' | 'score';

export interface DerivedDefinition {
	key: DerivedKey;
	label: string;
	unit: DerivedUnit;
	/** The formula in the report's own words, shown on the metrics page and beside every figure. */
	formula: string;
	/** Why the figure is worth looking at and what it cannot tell. */
	reading: string;
	of: (record: ReportRecord, passedElsewhere: PassedElsewhere) => DerivedValue;
}

const STATUS_LABELS: Record<DerivedStatus, string> = {
	ok: '',
	insufficient: '样本不足',
	unavailable: '无法计算',
};
export const derivedStatusLabel = (status: DerivedStatus) => STATUS_LABELS[status];

/**
 * numerator ÷ denominator × scale, with the status rules in one place: any unknown part or a
 * denominator ≤ 0 → 'unavailable'; a denominator below the minimum → 'insufficient'.
 */
export function ratio(
	numerator: number | null,
	denominator: number | null,
	{ scale = 1, minDenominator = MIN_DENOMINATOR }: { scale?: number; minDenominator?: number } = {},
): DerivedValue {
	if (numerator === null || denominator === null || denominator <= 0) {
		return { value: null, numerator, denominator, status: 'unavailable' };
	}
	if (denominator < minDenominator)
		return { value: null, numerator, denominator, status: 'insufficient' };
	return { value: (numerator / denominator) * scale, numerator, denominator, status: 'ok' };
}

const m = (key: MetricKey) => (r: ReportRecord) => metric(key, r);
const sumOf =
	(...keys: MetricKey[]) =>
	(r: ReportRecord) =>
		sumOrNull(keys.map((k) => metric(k, r)));

/** Cases of Table 4 that ended this year: total − pending, summed over review and both kinds of lawsuit. */
export function decidedCases(record: ReportRecord): number | null {
	const t4 = record.table4;
	if (!t4) return null;
	const decided = TABLE4_GROUPS.map((g) => {
		const { total, pending } = t4[g];
		return total === null || pending === null ? null : total - pending;
	});
	return sumOrNull(decided);
}

export function correctedCases(record: ReportRecord): number | null {
	const t4 = record.table4;
	return t4 ? sumOrNull(TABLE4_GROUPS.map((g) => t4[g].corrected)) : null;
}

/* ---------- Completeness ---------- */

/** Points out of 100 for each part of the completeness score. */
export const COMPLETENESS_WEIGHTS = { sections: 30, cells: 40, hardChecks: 30 } as const;

export interface CompletenessParts {
	sections: { present: number; of: number };
	cells: { filled: number; of: number };
	hardChecks: { passed: number; of: number };
}

const columnCount = (rows: Record<string, { columns: readonly string[] }>) =>
	Object.values(rows).reduce((n, row) => n + row.columns.length, 0);

/** Cells the report's format asks for: Table 2 of its format, Table 3 (23 or 25 rows × 7) and Table 4 (15). */
function expectedCellPaths(record: ReportRecord): CellPath[] {
	const use2019 = record.table2v2019 !== null && record.table2 === null;
	// The 2019 shape prints one （六）其他处理 row where 2021 prints three.
	const combined = record.table3?.otherCombined !== undefined;
	return CELL_ADDRESSES.filter((a) => {
		if (a.table === 'table2') return !use2019;
		if (a.table === 'table2v2019') return use2019;
		if (a.table === 'table3')
			return combined ? !TABLE3_OTHER_SUBROWS.includes(a.row) : a.row !== 'otherCombined';
		return true;
	}).map((a) => a.path);
}

/** Sanity anchor for tests: 2021 asks for 10 + 175 + 15 cells, 2019 for 22 + 161 + 15. */
export const EXPECTED_CELLS = {
	'2021':
		columnCount(TABLE2_ROWS) +
		25 * TABLE3_COLUMNS.length +
		TABLE4_GROUPS.length * TABLE4_COLUMNS.length,
	'2019':
		columnCount(TABLE2V2019_ROWS) +
		23 * TABLE3_COLUMNS.length +
		TABLE4_GROUPS.length * TABLE4_COLUMNS.length,
};

/**
 * Passed checks counted instead of listed: a collection entry keeps only its failed and skipped
 * checks in `record.checks` and counts the passed ones by rule id (entry.passedChecks).
 */
export type PassedElsewhere = Readonly<Record<string, number>>;

const isHard = (id: string) => /^H\d+$/.test(id);

export function completenessParts(
	record: ReportRecord,
	passedElsewhere: PassedElsewhere = {},
): CompletenessParts {
	const paths = expectedCellPaths(record);
	const hard = record.checks.filter((c) => isHard(c.id));
	const hardPassedElsewhere = Object.entries(passedElsewhere)
		.filter(([id]) => isHard(id))
		.reduce((n, [, count]) => n + count, 0);
	return {
		sections: {
			present: SECTION_KEYS.filter((k) => record.sections[k].present).length,
			of: SECTION_KEYS.length,
		},
		cells: {
			filled: paths.filter((p) => cellAt(record, p).value !== null).length,
			of: paths.length,
		},
		// A skipped check verified nothing, so it counts as not passed.
		hardChecks: {
			passed: hard.filter((c) => c.status === 'pass').length + hardPassedElsewhere,
			of: hard.length + hardPassedElsewhere,
		},
	};
}

/** 0–100: 30 × sections present/6 + 40 × cells filled/expected + 30 × hard checks passed/evaluated. */
export function completeness(
	record: ReportRecord,
	passedElsewhere: PassedElsewhere = {},
): DerivedValue & { parts: CompletenessParts } {
	const parts = completenessParts(record, passedElsewhere);
	const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
	const score =
		COMPLETENESS_WEIGHTS.sections * share(parts.sections.present, parts.sections.of) +
		COMPLETENESS_WEIGHTS.cells * share(parts.cells.filled, parts.cells.of) +
		COMPLETENESS_WEIGHTS.hardChecks * share(parts.hardChecks.passed, parts.hardChecks.of);
	const value = Math.round(score * 10) / 10;
	return { value, numerator: value, denominator: 100, status: 'ok', parts };
}

/* ---------- The definitions ---------- */

/** A share of the applications concluded this year (表三（七）总计). */
const resultsRate = (numerator: (r: ReportRecord) => number | null) => (r: ReportRecord) =>
	ratio(numerator(r), metric('resultsTotal', r));

export const DERIVED: Record<DerivedKey, DerivedDefinition> = {
	disclosureRate: {
		key: 'disclosureRate',
		label: '实质公开率',
		unit: 'percent',
		formula: '（予以公开 + 部分公开）÷ 办理结果总计（表三“总计”列）',
		reading: '已办结的申请中，申请人实际得到信息（全部或部分）的比例。',
		of: resultsRate(sumOf('granted', 'partiallyGranted')),
	},
	denialRate: {
		key: 'denialRate',
		label: '不予公开率',
		unit: 'percent',
		formula: '不予公开 8 项之和 ÷ 办理结果总计（表三“总计”列）',
		reading: '已办结的申请中，以国家秘密、第三方权益、过程性信息等理由拒绝公开的比例。',
		of: resultsRate(m('denied')),
	},
	unableRate: {
		key: 'unableRate',
		label: '无法提供率',
		unit: 'percent',
		formula: '无法提供 3 项之和 ÷ 办理结果总计（表三“总计”列）',
		reading: '已办结的申请中，因本机关不掌握、需另行制作或内容不明确而无法提供的比例。',
		of: resultsRate(m('unable')),
	},
	notHandledRate: {
		key: 'notHandledRate',
		label: '不予处理率',
		unit: 'percent',
		formula: '不予处理 5 项之和 ÷ 办理结果总计（表三“总计”列）',
		reading: '已办结的申请中，作为信访举报、重复申请等不予处理的比例。',
		of: resultsRate(m('notHandled')),
	},
	backlogRate: {
		key: 'backlogRate',
		label: '结转率',
		unit: 'percent',
		formula: '结转下年度继续办理 ÷（本年新收 + 上年结转）（表三“总计”列）',
		reading: '本年应办理的申请中，到年底仍未办结、转入下一年的比例。',
		of: (r) =>
			ratio(
				metric('carriedForward', r),
				sumOf('applicationsReceived', 'applicationsCarriedOver')(r),
			),
	},
	reconsiderationPer100: {
		key: 'reconsiderationPer100',
		label: '每百件申请的行政复议',
		unit: 'per100',
		formula: '行政复议总计（表四）÷ 本年新收申请（表三“总计”列）× 100',
		reading:
			'复议也可能针对主动公开，不一定来自本年的申请，因此只是相对规模，不是申请被复议的比例。',
		of: (r) =>
			ratio(metric('reconsideration', r), metric('applicationsReceived', r), { scale: 100 }),
	},
	litigationPer100: {
		key: 'litigationPer100',
		label: '每百件申请的行政诉讼',
		unit: 'per100',
		formula: '（未经复议直接起诉 + 复议后起诉）总计（表四）÷ 本年新收申请（表三“总计”列）× 100',
		reading: '诉讼也可能针对主动公开或往年的申请，因此只是相对规模，不是申请被起诉的比例。',
		of: (r) => ratio(metric('litigation', r), metric('applicationsReceived', r), { scale: 100 }),
	},
	correctionRate: {
		key: 'correctionRate',
		label: '纠错率',
		unit: 'percent',
		formula: '结果纠正 ÷（总计 − 尚未审结），行政复议与两类行政诉讼合计（表四）',
		reading: '已审结的复议和诉讼中，机关的决定被纠正的比例；尚未审结的案件不计入分母。',
		of: (r) => ratio(correctedCases(r), decidedCases(r)),
	},
	completeness: {
		key: 'completeness',
		label: '完整度',
		unit: 'score',
		formula: `${COMPLETENESS_WEIGHTS.sections} × 六个部分齐全的比例 + ${COMPLETENESS_WEIGHTS.cells} × 表格单元格有数的比例 + ${COMPLETENESS_WEIGHTS.hardChecks} × 硬性检查（H1–H7）通过的比例，满分 100`,
		reading: '衡量报告是否按格式写全、填全、算对，不衡量公开工作本身做得好坏。',
		of: completeness,
	},
};

export const DERIVED_KEYS = Object.keys(DERIVED) as DerivedKey[];

export const derived = (
	key: DerivedKey,
	record: ReportRecord,
	passedElsewhere: PassedElsewhere = {},
): DerivedValue => DERIVED[key].of(record, passedElsewhere);

export function allDerived(
	record: ReportRecord,
	passedElsewhere: PassedElsewhere = {},
): Record<DerivedKey, DerivedValue> {
	return Object.fromEntries(
		DERIVED_KEYS.map((k) => [k, derived(k, record, passedElsewhere)]),
	) as Record<DerivedKey, DerivedValue>;
}

/** As shown on pages: 42.9%, 3.5, 87.5 分, or the status word. */
export function formatDerived(key: DerivedKey, v: DerivedValue): string {
	if (v.status !== 'ok' || v.value === null) return STATUS_LABELS[v.status] || '无法计算';
	switch (DERIVED[key].unit) {
		case 'percent':
			return `${(v.value * 100).toFixed(1)}%`;
		case 'per100':
			return v.value.toFixed(1);
		case 'score':
			return `${v.value.toFixed(1)} 分`;
	}
}

/** "3 / 7" for the note beside a figure; unknown parts read 未填报. */
export function fractionText(v: DerivedValue): string {
	const part = (n: number | null) => (n === null ? '未填报' : String(n));
	return `${part(v.numerator)} / ${part(v.denominator)}`;
}
