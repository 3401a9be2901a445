/**
 * Key figures derived from one canonical record: the handful of numbers that trend charts,
 * year tables and region totals compare. Each is `null` when any cell it needs is unknown,
 * because a partial sum would understate the figure without saying so.
 */
import type { ReportRecord } from '../model/record.ts';
import { table3RowsInGroup, type Table3Row } from '../model/vocabulary.ts';

export type MetricKey =
	| 'applicationsReceived'
	| 'applicationsCarriedOver'
	| 'granted'
	| 'partiallyGranted'
	| 'denied'
	| 'unable'
	| 'notHandled'
	| 'otherHandled'
	| 'resultsTotal'
	| 'carriedForward'
	| 'licensing'
	| 'penalty'
	| 'coercion'
	| 'reconsideration'
	| 'litigation';

export interface MetricDefinition {
	key: MetricKey;
	/** Short Chinese label for charts and table rows. */
	label: string;
	/** Where it comes from, for the methodology note and table captions. */
	source: string;
}

/** Null if any part is unknown or there are no parts. */
export function sumOrNull(values: readonly (number | null | undefined)[]): number | null {
	if (values.length === 0) return null;
	let total = 0;
	for (const v of values) {
		if (v === null || v === undefined) return null;
		total += v;
	}
	return total;
}

const DENIED = table3RowsInGroup('（三）不予公开');
const UNABLE = table3RowsInGroup('（四）无法提供');
const NOT_HANDLED = table3RowsInGroup('（五）不予处理');
const OTHER_2021 = table3RowsInGroup('（六）其他处理');

/** The 总计 column of Table 3 rows, summed. */
function table3Total(record: ReportRecord, rows: readonly Table3Row[]): number | null {
	const t3 = record.table3;
	if (!t3) return null;
	return sumOrNull(
		rows.map((r) => (t3 as Record<string, Record<string, number | null> | undefined>)[r]?.total),
	);
}

/** （六）其他处理: the single 2019 row when printed, otherwise the three 2021 rows. */
function otherHandled(record: ReportRecord): number | null {
	const t3 = record.table3;
	if (!t3) return null;
	if (t3.otherCombined) return t3.otherCombined.total;
	return table3Total(record, OTHER_2021);
}

/** Table 2 decisions in whichever format the report used. */
function decisions(record: ReportRecord, row: 'licensing' | 'penalty' | 'coercion'): number | null {
	if (record.table2) return record.table2[row].decisions;
	if (record.table2v2019) return record.table2v2019[row].decisions;
	return null;
}

export const METRICS: Record<
	MetricKey,
	MetricDefinition & { of: (r: ReportRecord) => number | null }
> = {
	applicationsReceived: {
		key: 'applicationsReceived',
		label: '本年新收申请',
		source: '表三 一、本年新收政府信息公开申请数量 · 总计',
		of: (r) => table3Total(r, ['newReceived']),
	},
	applicationsCarriedOver: {
		key: 'applicationsCarriedOver',
		label: '上年结转申请',
		source: '表三 二、上年结转政府信息公开申请数量 · 总计',
		of: (r) => table3Total(r, ['carriedOver']),
	},
	granted: {
		key: 'granted',
		label: '予以公开',
		source: '表三 （一）予以公开 · 总计',
		of: (r) => table3Total(r, ['granted']),
	},
	partiallyGranted: {
		key: 'partiallyGranted',
		label: '部分公开',
		source: '表三 （二）部分公开 · 总计',
		of: (r) => table3Total(r, ['partiallyGranted']),
	},
	denied: {
		key: 'denied',
		label: '不予公开',
		source: '表三 （三）不予公开 8 项之和 · 总计',
		of: (r) => table3Total(r, DENIED),
	},
	unable: {
		key: 'unable',
		label: '无法提供',
		source: '表三 （四）无法提供 3 项之和 · 总计',
		of: (r) => table3Total(r, UNABLE),
	},
	notHandled: {
		key: 'notHandled',
		label: '不予处理',
		source: '表三 （五）不予处理 5 项之和 · 总计',
		of: (r) => table3Total(r, NOT_HANDLED),
	},
	otherHandled: {
		key: 'otherHandled',
		label: '其他处理',
		source: '表三 （六）其他处理 · 总计',
		of: otherHandled,
	},
	resultsTotal: {
		key: 'resultsTotal',
		label: '办理结果总计',
		source: '表三 （七）总计 · 总计',
		of: (r) => table3Total(r, ['resultsTotal']),
	},
	carriedForward: {
		key: 'carriedForward',
		label: '结转下年度',
		source: '表三 四、结转下年度继续办理 · 总计',
		of: (r) => table3Total(r, ['carriedForward']),
	},
	licensing: {
		key: 'licensing',
		label: '行政许可决定',
		source: '表二 第二十条第（五）项 行政许可 · 处理决定数量',
		of: (r) => decisions(r, 'licensing'),
	},
	penalty: {
		key: 'penalty',
		label: '行政处罚决定',
		source: '表二 第二十条第（六）项 行政处罚 · 处理决定数量',
		of: (r) => decisions(r, 'penalty'),
	},
	coercion: {
		key: 'coercion',
		label: '行政强制决定',
		source: '表二 第二十条第（六）项 行政强制 · 处理决定数量',
		of: (r) => decisions(r, 'coercion'),
	},
	reconsideration: {
		key: 'reconsideration',
		label: '行政复议',
		source: '表四 行政复议 · 总计',
		of: (r) => r.table4?.reconsideration.total ?? null,
	},
	litigation: {
		key: 'litigation',
		label: '行政诉讼',
		source: '表四 行政诉讼（未经复议直接起诉 + 复议后起诉）· 总计',
		of: (r) =>
			r.table4
				? sumOrNull([
						r.table4.litigationDirect.total,
						r.table4.litigationAfterReconsideration.total,
					])
				: null,
	},
};

export const metric = (key: MetricKey, record: ReportRecord): number | null =>
	METRICS[key].of(record);

/** The figures shown in key-figure tables, in reading order. */
export const KEY_FIGURES: MetricKey[] = [
	'applicationsReceived',
	'applicationsCarriedOver',
	'granted',
	'partiallyGranted',
	'denied',
	'unable',
	'notHandled',
	'otherHandled',
	'resultsTotal',
	'carriedForward',
	'licensing',
	'penalty',
	'coercion',
	'reconsideration',
	'litigation',
];

/** Chart groupings on the township page. */
export const TREND_GROUPS: { id: string; title: string; metrics: MetricKey[] }[] = [
	{
		id: 'applications',
		title: '依申请公开：收到的申请与办理结果',
		metrics: [
			'applicationsReceived',
			'granted',
			'partiallyGranted',
			'denied',
			'unable',
			'notHandled',
			'otherHandled',
		],
	},
	{
		id: 'decisions',
		title: '主动公开：行政许可、处罚、强制决定数量',
		metrics: ['licensing', 'penalty', 'coercion'],
	},
	{
		id: 'reviews',
		title: '因政府信息公开引起的行政复议与行政诉讼',
		metrics: ['reconsideration', 'litigation'],
	},
];
