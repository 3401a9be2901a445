/**
 * The open-data downloads under /data/: every report as one wide CSV row, every cell as one
 * tidy CSV row, every check result, and everything as JSON. The endpoints, the /data/ page
 * (for file sizes), the data dictionary and the tests all call these functions, so what is
 * documented and tested is exactly what is served.
 *
 * CSV: RFC 4180 (quoted where needed, CRLF line ends), UTF-8 with a BOM so Excel reads the
 * Chinese. An empty field is null: the report does not say (see cells.csv's status for why).
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { ReportEntry } from '../model/entry.ts';
import { reportRecordSchema, type CheckResult } from '../model/record.ts';
import {
	SECTION_KEYS,
	SECTION_LABELS,
	TABLE2_ROWS,
	TABLE2V2019_ROWS,
	TABLE3_COLUMNS,
	TABLE3_ROWS,
	TABLE4_COLUMNS,
	TABLE4_GROUPS,
} from '../model/vocabulary.ts';
import { cellName, valueAt } from './cells.ts';
import { checkName, passedCount } from './checks.ts';
import {
	allDerived,
	DERIVED,
	DERIVED_KEYS,
	type DerivedKey,
	type DerivedValue,
} from './derived-metrics.ts';
import { tableCells } from './csv.ts';
import { narrativeSimilarity, type NarrativeSimilarity } from './similarity.ts';
import { reportUrl } from './urls.ts';
import { LICENCE_NOTE } from '../../consts.ts';

export type CsvValue = string | number | boolean | null;

/** A report with what the portal derives from it. */
export interface OpenDataReport {
	entry: ReportEntry;
	derived: Record<DerivedKey, DerivedValue>;
	similarity: NarrativeSimilarity & { previousId: string | null };
}

/** One report's derived figures; similarity is against `previous`, the township's latest earlier report. */
export function openDataReport(
	entry: ReportEntry,
	previous: ReportEntry | undefined,
): OpenDataReport {
	return {
		entry,
		derived: allDerived(entry.record, entry.passedChecks),
		similarity: {
			...narrativeSimilarity(entry.record, previous?.record),
			previousId: previous?.id ?? null,
		},
	};
}

/** Derived figures for every entry; similarity is against the same township's latest earlier report. */
export function openDataReports(entries: readonly ReportEntry[]): OpenDataReport[] {
	const byTownship = new Map<string, ReportEntry[]>();
	for (const e of entries) {
		const list = byTownship.get(e.township.code);
		if (list) list.push(e);
		else byTownship.set(e.township.code, [e]);
	}
	return entries.map((entry) => {
		const earlier = (byTownship.get(entry.township.code) ?? []).filter((e) => e.year < entry.year);
		const previous = earlier.sort((a, b) => b.year - a.year)[0];
		return openDataReport(entry, previous);
	});
}

/** RFC 4180 text with a BOM; booleans as true/false so that false is not an empty (null) field. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	return stringify([header as CsvValue[], ...(rows as CsvValue[][])], {
		bom: true,
		record_delimiter: '\r\n',
		// csv-stringify only quotes the record delimiter itself (CRLF); a bare LF in a field must be
		// quoted too.
		quoted_match: /[\r\n]/,
		cast: { boolean: (v) => (v ? 'true' : 'false') },
	});
}

/* ---------- Columns ---------- */

/** One column of a CSV download, with what the data dictionary says about it. */
export interface Column<R> {
	key: string;
	/** Short Chinese name. */
	label: string;
	meaning: string;
	/** Path in a reports.json entry whose JSON Schema gives the type; absent when `type` is given. */
	schemaPath?: string;
	type?: string;
	/** What an empty field means. */
	nullMeans: string;
	value: (row: R) => CsvValue;
}

/** A dotted path into an entry (valueAt in cells.ts reads records only). */
function fieldAt(object: unknown, path: string): unknown {
	let current = object;
	for (const key of path.split('.'))
		current =
			current === null || typeof current !== 'object'
				? null
				: (current as Record<string, unknown>)[key];
	return current ?? null;
}

const NOT_STATED = '原文未写明';
const COUNT_NULL =
	'报告未给出此数：单元格空白或丢失、没有这张表，或报告所用格式没有此项（原因见 cells.csv 的 status）';

const entryColumn = (
	key: string,
	label: string,
	meaning: string,
	nullMeans = '—',
): Column<OpenDataReport> => ({
	key,
	label,
	meaning,
	schemaPath: key,
	nullMeans,
	value: (r) => fieldAt(r.entry, key) as CsvValue,
});

const recordColumn = (
	key: string,
	label: string,
	meaning: string,
	nullMeans = NOT_STATED,
): Column<OpenDataReport> => ({
	key,
	label,
	meaning,
	schemaPath: `record.${key}`,
	nullMeans,
	value: (r) => (valueAt(r.entry.record, key) ?? null) as CsvValue,
});

const IDENTITY_COLUMNS: Column<OpenDataReport>[] = [
	entryColumn(
		'id',
		'报告编号',
		'区划代码-报告年度，本站报告页面的地址即 /townships/<区划代码>/<年度>/',
	),
	entryColumn('year', '报告年度', '报告所统计的年份'),
	entryColumn(
		'township.code',
		'区划代码',
		'乡镇的 9 位统计用区划代码（2023 年）；不是乡镇的单位以 x- 开头',
	),
	entryColumn('township.name', '乡镇名称', '区划表中的正式名称'),
	entryColumn('township.kind', '乡镇类别', '乡、镇、街道等', '无法判断类别'),
	entryColumn('township.county.code', '区县代码', '所属县级行政区的 6 位代码', '未能确定所属区县'),
	entryColumn('township.county.name', '区县', '所属县级行政区', '未能确定所属区县'),
	entryColumn(
		'township.prefecture.code',
		'地市代码',
		'所属地级行政区的 4 位代码',
		'直辖市、省直辖县等没有地级，或未能确定',
	),
	entryColumn(
		'township.prefecture.name',
		'地市',
		'所属地级行政区',
		'直辖市、省直辖县等没有地级，或未能确定',
	),
	entryColumn('township.province.code', '省份代码', '所属省级行政区的 2 位代码', '未能确定'),
	entryColumn('township.province.name', '省份', '所属省级行政区', '未能确定'),
	entryColumn('township.pinyin', '拼音', '乡镇名称的拼音，用于排序和检索'),
	entryColumn('sourceFile', '原文文件', '报告原文在本站数据仓库中的路径'),
	entryColumn('replaces', '更正的文件', '本报告作为更正版本时，被它替代的原文文件', '不是更正版本'),
];

const METADATA_COLUMNS: Column<OpenDataReport>[] = [
	recordColumn(
		'formatVersion',
		'格式版本',
		'表格所用格式：2021（现行）、2019（试行）、mixed（混用）、none（未找到表格）；依据表格标签判断，不依据年份',
		'—',
	),
	recordColumn('source.encoding', '原文编码', '读取原文所用的字符编码', '—'),
	recordColumn('source.lineCount', '原文行数', '原文的行数，行号从 1 开始', '—'),
	recordColumn('metadata.title', '标题', '原文标题'),
	recordColumn('metadata.titleForm', '标题形式', '“年度报告”“年报”等'),
	recordColumn('metadata.issuingBody', '发布机关', '标题或正文中的机关全称'),
	recordColumn('metadata.township', '原文乡镇名', '原文写的乡镇名称'),
	recordColumn('metadata.townshipKind', '原文乡镇类别', '原文名称中的乡、镇、街道等'),
	recordColumn('metadata.county', '原文区县名', '原文写的区县名称'),
	recordColumn('metadata.prefecture', '原文地市名', '原文写的地市名称'),
	recordColumn('metadata.province', '原文省份名', '原文写的省份名称'),
	recordColumn('metadata.reportYear', '原文报告年度', '从标题、统计期限或正文读出的年度'),
	{
		key: 'metadata.reportYearEvidence',
		label: '年度依据',
		meaning:
			'报告年度从哪里读出：title（标题）、statisticsPeriod（统计期限）、overview（总体情况），多项以分号分隔',
		schemaPath: 'record.metadata.reportYearEvidence',
		nullMeans: '没有找到依据',
		value: (r) => r.entry.record.metadata.reportYearEvidence.join(';') || null,
	},
	recordColumn(
		'metadata.statisticsPeriod.start',
		'统计期限起',
		'原文所写统计期限的起始日期（YYYY-MM-DD）',
	),
	recordColumn(
		'metadata.statisticsPeriod.end',
		'统计期限止',
		'原文所写统计期限的截止日期（YYYY-MM-DD）',
	),
	recordColumn('metadata.publicationDate', '发布日期', '落款或印发日期（YYYY-MM-DD）'),
	recordColumn(
		'metadata.publicationDateKind',
		'日期来源',
		'signature（落款）、printed（印发日期）、web（网页发布日期）',
	),
	recordColumn('metadata.documentNumber', '文号', '如 店政字〔2024〕28号'),
	recordColumn('metadata.addressee', '主送机关', '如 神木市人民政府办公室'),
	recordColumn('metadata.signatureBody', '落款机关', '文末落款的机关名称'),
	...SECTION_KEYS.map((k) =>
		recordColumn(
			`sections.${k}.present`,
			`${SECTION_LABELS[k]}`,
			`报告是否有“${SECTION_LABELS[k]}”这一部分`,
			'—',
		),
	),
];

const countChecks = (checks: CheckResult[], status: CheckResult['status']) =>
	checks.filter((c) => c.status === status).length;

const CHECK_COLUMNS: Column<OpenDataReport>[] = [
	{
		key: 'checks.passed',
		label: '通过的检查',
		meaning: '本报告内检查（H1–H7、S1–S10）通过的次数',
		type: '整数',
		nullMeans: '—',
		value: (r) => passedCount(r.entry),
	},
	{
		key: 'checks.failed',
		label: '未通过的检查',
		meaning: '本报告内检查未通过的次数（明细见 checks.csv）',
		type: '整数',
		nullMeans: '—',
		value: (r) => countChecks(r.entry.record.checks, 'fail'),
	},
	{
		key: 'checks.skipped',
		label: '未检查',
		meaning: '因涉及的单元格未填报而无法检查的次数',
		type: '整数',
		nullMeans: '—',
		value: (r) => countChecks(r.entry.record.checks, 'skip'),
	},
	{
		key: 'crossYearChecks.failed',
		label: '跨年度检查未通过',
		meaning: '与同一乡镇上一年度报告对照（X1–X5）未通过的次数',
		type: '整数',
		nullMeans: '—',
		value: (r) => countChecks(r.entry.crossYearChecks, 'fail'),
	},
];

/** Every numeric table cell of both formats, in the record's order: the column set never depends on the data. */
export function allCellPaths(): string[] {
	const paths: string[] = [];
	for (const [row, def] of Object.entries(TABLE2_ROWS))
		for (const c of def.columns) paths.push(`table2.${row}.${c}`);
	for (const [row, def] of Object.entries(TABLE2V2019_ROWS))
		for (const c of def.columns) paths.push(`table2v2019.${row}.${c}`);
	for (const row of TABLE3_ROWS) for (const c of TABLE3_COLUMNS) paths.push(`table3.${row}.${c}`);
	for (const g of TABLE4_GROUPS) for (const c of TABLE4_COLUMNS) paths.push(`table4.${g}.${c}`);
	return paths;
}

export const cellLabelOf = (path: string) => {
	const n = cellName(path);
	return `${n.table} ${n.row} · ${n.column}`;
};

const CELL_COLUMNS: Column<OpenDataReport>[] = allCellPaths().map((path) => ({
	key: path,
	label: cellLabelOf(path),
	meaning: path.startsWith('table2v2019')
		? '2019 年试行格式表二的单元格'
		: path === 'table2.fees.amountWan'
			? '行政事业性收费金额，单位万元（原文写法见 cells.csv 的 raw，保留末尾的 0）'
			: path.startsWith('table3.otherCombined')
				? '2019 年格式只有一行“（六）其他处理”；2021 年格式分三行，此列为空'
				: `${cellName(path).table}的单元格`,
	schemaPath: `record.${path}`,
	nullMeans: COUNT_NULL,
	value: (r) => (valueAt(r.entry.record, path) ?? null) as number | null,
}));

const DERIVED_PARTS = [
	[
		'value',
		'值',
		'指标值；比率为 0–1 的小数（0.5 即 50%），“每百件”为件数，完整度为 0–100 分。只有 status 为 ok 时才有值',
	],
	['numerator', '分子', '计算所用的分子'],
	['denominator', '分母', '计算所用的分母'],
	[
		'status',
		'状态',
		'ok（已计算）、insufficient（分母小于 10，样本不足）、unavailable（有数未填报或分母为 0）',
	],
] as const;

const DERIVED_COLUMNS: Column<OpenDataReport>[] = DERIVED_KEYS.flatMap((key) =>
	DERIVED_PARTS.map(([part, partLabel, meaning]) => ({
		key: `derived.${key}.${part}`,
		label: `${DERIVED[key].label}·${partLabel}`,
		meaning: part === 'value' ? `${DERIVED[key].formula}。${meaning}` : meaning,
		type: part === 'status' ? '取值：ok、insufficient、unavailable' : '数值',
		nullMeans: part === 'status' ? '—' : part === 'value' ? 'status 不是 ok' : '所需的数未填报',
		value: (r: OpenDataReport) => r.derived[key][part],
	})),
);

const SIMILARITY_COLUMNS: Column<OpenDataReport>[] = [
	{
		key: 'similarity.previousId',
		label: '对照的上一份报告',
		meaning: '同一乡镇较早年度中最近的一份报告的编号',
		type: '文本',
		nullMeans: '没有更早的报告',
		value: (r) => r.similarity.previousId,
	},
	{
		key: 'similarity.repeated',
		label: '重复句数',
		meaning:
			'正文中与上一份报告相同的句子数（按 。！？； 断句，年份不计差别，少于 8 字的句子不计）',
		type: '整数',
		nullMeans: '—',
		value: (r) => r.similarity.repeated,
	},
	{
		key: 'similarity.total',
		label: '句数',
		meaning: '本报告正文中参与比较的句子数',
		type: '整数',
		nullMeans: '—',
		value: (r) => r.similarity.total,
	},
	{
		key: 'similarity.share',
		label: '重复句比例',
		meaning: '重复句数 ÷ 句数（0–1）',
		type: '数值',
		nullMeans: '没有更早的报告，或正文没有可比较的句子',
		value: (r) => r.similarity.share,
	},
];

export const REPORT_COLUMNS: Column<OpenDataReport>[] = [
	...IDENTITY_COLUMNS,
	...METADATA_COLUMNS,
	...CHECK_COLUMNS,
	...CELL_COLUMNS,
	...DERIVED_COLUMNS,
	...SIMILARITY_COLUMNS,
];

export function reportsCsv(reports: readonly OpenDataReport[]): string {
	return toCsv(
		REPORT_COLUMNS.map((c) => c.key),
		reports.map((r) => REPORT_COLUMNS.map((c) => c.value(r))),
	);
}

/* ---------- cells.csv: one row per cell ---------- */

export interface CellRow {
	entry: ReportEntry;
	path: string;
}

/** The parser's cell inventory (every cell of the tables the format asks for, with provenance), plus any numeric leaf it lacks. */
export function cellRows(entry: ReportEntry): CellRow[] {
	const paths = new Set(Object.keys(entry.record.cells));
	for (const c of tableCells(entry.record)) paths.add(c.path);
	return [...paths].map((path) => ({ entry, path }));
}

export const CELL_CSV_COLUMNS: Column<CellRow>[] = [
	{
		key: 'reportId',
		label: '报告编号',
		meaning: '同 reports.csv 的 id',
		type: '文本',
		nullMeans: '—',
		value: (c) => c.entry.id,
	},
	{
		key: 'townshipCode',
		label: '区划代码',
		meaning: '乡镇的 9 位区划代码',
		type: '文本',
		nullMeans: '—',
		value: (c) => c.entry.township.code,
	},
	{
		key: 'year',
		label: '报告年度',
		meaning: '报告所统计的年份',
		type: '整数',
		nullMeans: '—',
		value: (c) => c.entry.year,
	},
	{
		key: 'path',
		label: '单元格路径',
		meaning: '单元格在记录中的路径，与 reports.csv 的列名、reports.json 的键一致',
		type: '文本',
		nullMeans: '—',
		value: (c) => c.path,
	},
	{
		key: 'table',
		label: '表',
		meaning: '表二、表三、表四',
		type: '文本',
		nullMeans: '—',
		value: (c) => cellName(c.path).table,
	},
	{
		key: 'row',
		label: '行',
		meaning: '官方格式中的行标签',
		type: '文本',
		nullMeans: '—',
		value: (c) => cellName(c.path).row,
	},
	{
		key: 'column',
		label: '列',
		meaning: '官方格式中的列标签',
		type: '文本',
		nullMeans: '—',
		value: (c) => cellName(c.path).column,
	},
	{
		key: 'value',
		label: '数值',
		meaning: '本站读出的数；“—”“/”“无”读作 0',
		type: '数值',
		nullMeans: COUNT_NULL,
		value: (c) => (valueAt(c.entry.record, c.path) ?? null) as number | null,
	},
	{
		key: 'raw',
		label: '原文',
		meaning: '单元格在原文中的写法，含原样的空白',
		schemaPath: 'record.cells.*.raw',
		nullMeans: '原文中没有这个单元格',
		value: (c) => c.entry.record.cells[c.path]?.raw ?? null,
	},
	{
		key: 'status',
		label: '状态',
		meaning:
			'ok（读出）、marker（“—”等表示无，按 0 计）、blank（空白）、inferred（按规则推定，见 rule）、missing（丢失）、n/a（本格式无此项）',
		schemaPath: 'record.cells.*.status',
		nullMeans: '—',
		value: (c) => c.entry.record.cells[c.path]?.status ?? null,
	},
	{
		key: 'rule',
		label: '推定依据',
		meaning: '推定数值所依据的检查规则，如 H3',
		schemaPath: 'record.cells.*.rule',
		nullMeans: '不是推定的数',
		value: (c) => c.entry.record.cells[c.path]?.rule ?? null,
	},
	{
		key: 'line',
		label: '原文行号',
		meaning: '单元格所在原文的行（从 1 开始），报告页面上 #L<行号> 可跳转',
		schemaPath: 'record.cells.*.line',
		nullMeans: '原文中没有这个单元格',
		value: (c) => c.entry.record.cells[c.path]?.line ?? null,
	},
	{
		key: 'col',
		label: '原文列号',
		meaning: '单元格在该行的起始字符位置（从 1 开始）',
		schemaPath: 'record.cells.*.col',
		nullMeans: '原文中没有这个单元格',
		value: (c) => c.entry.record.cells[c.path]?.col ?? null,
	},
];

export function cellsCsv(entries: readonly ReportEntry[]): string {
	return toCsv(
		CELL_CSV_COLUMNS.map((c) => c.key),
		entries.flatMap((e) => cellRows(e).map((row) => CELL_CSV_COLUMNS.map((c) => c.value(row)))),
	);
}

/* ---------- checks.csv: one row per rule evaluation ---------- */

export interface CheckRow {
	entry: ReportEntry;
	kind: 'report' | 'crossYear';
	check: CheckResult;
}

export const CHECK_CSV_COLUMNS: Column<CheckRow>[] = [
	{
		key: 'reportId',
		label: '报告编号',
		meaning: '同 reports.csv 的 id',
		type: '文本',
		nullMeans: '—',
		value: (c) => c.entry.id,
	},
	{
		key: 'townshipCode',
		label: '区划代码',
		meaning: '乡镇的 9 位区划代码',
		type: '文本',
		nullMeans: '—',
		value: (c) => c.entry.township.code,
	},
	{
		key: 'year',
		label: '报告年度',
		meaning: '报告所统计的年份',
		type: '整数',
		nullMeans: '—',
		value: (c) => c.entry.year,
	},
	{
		key: 'kind',
		label: '类别',
		meaning: 'report（本报告内的检查）或 crossYear（与上一年度报告对照）',
		type: '取值：report、crossYear',
		nullMeans: '—',
		value: (c) => c.kind,
	},
	{
		key: 'id',
		label: '规则编号',
		meaning: 'H1–H7 硬性规则，S1–S10 合理性提醒，X1–X5 跨年度（见方法说明）',
		schemaPath: 'record.checks.*.id',
		nullMeans: '—',
		value: (c) => c.check.id,
	},
	{
		key: 'name',
		label: '规则名称',
		meaning: '规则的中文名称',
		type: '文本',
		nullMeans: '—',
		value: (c) => checkName(c.check.id),
	},
	{
		key: 'severity',
		label: '严重程度',
		meaning: 'error（错误）、warning（提醒）、info（说明）',
		schemaPath: 'record.checks.*.severity',
		nullMeans: '—',
		value: (c) => c.check.severity,
	},
	{
		key: 'status',
		label: '结果',
		meaning: 'pass（通过）、fail（未通过）、skip（有单元格未填报，无法检查）',
		schemaPath: 'record.checks.*.status',
		nullMeans: '—',
		value: (c) => c.check.status,
	},
	{
		key: 'scope',
		label: '范围',
		meaning: '检查针对的列、行或字段',
		schemaPath: 'record.checks.*.scope',
		nullMeans: '—',
		value: (c) => c.check.scope,
	},
	{
		key: 'formula',
		label: '公式',
		meaning: '以记录的键名写出的公式',
		schemaPath: 'record.checks.*.formula',
		nullMeans: '—',
		value: (c) => c.check.formula,
	},
	{
		key: 'cells',
		label: '涉及单元格',
		meaning: '公式涉及的单元格路径，以空格分隔',
		schemaPath: 'record.checks.*.cells',
		nullMeans: '—',
		value: (c) => c.check.cells.join(' '),
	},
	{
		key: 'expected',
		label: '应为',
		meaning: '按公式应得的值',
		schemaPath: 'record.checks.*.expected',
		nullMeans: '无法计算（有单元格未填报）',
		value: (c) => c.check.expected,
	},
	{
		key: 'actual',
		label: '实为',
		meaning: '报告中的值',
		schemaPath: 'record.checks.*.actual',
		nullMeans: '报告未填报',
		value: (c) => c.check.actual,
	},
	{
		key: 'message',
		label: '说明',
		meaning: '识别程序的说明',
		schemaPath: 'record.checks.*.message',
		nullMeans: '—',
		value: (c) => c.check.message,
	},
	{
		key: 'line',
		label: '原文行号',
		meaning: '相关内容在原文中的行',
		schemaPath: 'record.checks.*.line',
		nullMeans: '不针对某一行',
		value: (c) => c.check.line,
	},
];

/** `reportChecks`: the record's every check, from the report's detail file (the entry keeps only the failed and skipped). */
export function checkRows(
	entry: ReportEntry,
	reportChecks: readonly CheckResult[] = entry.record.checks,
): CheckRow[] {
	return [
		...reportChecks.map((check) => ({ entry, kind: 'report' as const, check })),
		...entry.crossYearChecks.map((check) => ({ entry, kind: 'crossYear' as const, check })),
	];
}

/** `reportChecks`: each entry's every check (its detail file's); the entry itself keeps the failed and skipped. */
export function checksCsv(
	entries: readonly ReportEntry[],
	reportChecks: (entry: ReportEntry) => readonly CheckResult[] = (e) => e.record.checks,
): string {
	return toCsv(
		CHECK_CSV_COLUMNS.map((c) => c.key),
		entries.flatMap((e) =>
			checkRows(e, reportChecks(e)).map((row) => CHECK_CSV_COLUMNS.map((c) => c.value(row))),
		),
	);
}

/* ---------- JSON ---------- */

export const SCHEMA_URL = '/data/schema.json';

/** reports.json up to its first report: written piece by piece, it never becomes one string. */
export function reportsJsonHead(): string {
	const head = JSON.stringify({
		licence: LICENCE_NOTE,
		recordSchema: SCHEMA_URL,
		note: '每份报告的 record 符合 recordSchema；null 表示报告未给出，0 表示报告写明为零。原文全文见各报告的 record.json。',
	});
	return `${head.slice(0, -1)},"reports":[`;
}

export const REPORTS_JSON_TAIL = ']}';

/** One report of reports.json: the entry (no source text, passed checks counted), with its URL and derived figures. */
export function reportsJsonItem({ entry, derived, similarity }: OpenDataReport): string {
	return JSON.stringify({
		...entry,
		url: reportUrl(entry.township.code, entry.year),
		derived,
		similarity,
	});
}

/** reports.json: every entry without its source text (it is on each report page and in record.json), with derived figures. */
export function reportsJson(reports: readonly OpenDataReport[]): string {
	return reportsJsonHead() + reports.map(reportsJsonItem).join(',') + REPORTS_JSON_TAIL;
}

/** The canonical record's JSON Schema, from the one zod schema (src/lib/model/record.ts). */
export function recordJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(reportRecordSchema),
		$id: SCHEMA_URL,
		title: '乡镇政府信息公开工作年度报告：规范记录',
		description:
			'一份年度报告的规范记录（FORMAT.md §7）。null 表示报告未给出，0 表示报告写明为零；cells 记录每个单元格的原文、行号和状态。',
	};
}
