/**
 * The open-data downloads under /data/: every report as one wide CSV row, every cell as one
 * tidy CSV row, every check result, and everything as JSON. The endpoints, the /data/ page
 * (for file sizes), the data dictionary and the tests all call these functions, so what is
 * documented and tested is exactly what is served.
 *
 * CSV: RFC 4180 (quoted where needed, CRLF line ends), UTF-8 with a BOM so Excel reads the
 * Chinese. An empty field is null: the report does not say (see cells.csv's status for why).
 */
import { z } from 'zod';
import type { ReportEntry } from '../model/entry.ts';
import { reportRecordSchema, type CheckResult } from '../model/record.ts';
import { SECTION_KEYS, SECTION_LABELS } from '../model/vocabulary.ts';
import { CELL_PATHS, cellAt, recordCellPaths, type CellPath } from '../model/cells.ts';
import { cellName } from './cells.ts';
import { checkName } from './check-text.ts';
import { scopeName } from './check-scope.ts';
import { passedCount } from './checks.ts';
import { reportContext, reportContexts, type ReportContext } from './indexes.ts';
import { DERIVED, DERIVED_KEYS, type DerivedKey, type DerivedValue } from './derived-metrics.ts';
import { toCsv, type CsvValue } from './csv.ts';
import type { NarrativeSimilarity } from './similarity.ts';
import { originalUrl } from './provenance.ts';
import { reportUrl } from './urls.ts';
import { dateAdded } from './date-added.ts';
import { METRICS, sumOrNull, type MetricKey } from './key-figures.ts';
import { LICENCE_NOTE } from '../../consts.ts';

export { toCsv, type CsvValue };

/** A report with what the portal derives from it. */
export interface OpenDataReport {
	entry: ReportEntry;
	derived: Record<DerivedKey, DerivedValue>;
	similarity: NarrativeSimilarity & { previousId: string | null };
}

/** One report with what the portal derives from it (its ReportContext, see indexes.ts). */
export function openDataReport(entry: ReportEntry, context: ReportContext): OpenDataReport {
	return {
		entry,
		derived: context.derived,
		similarity: { ...context.similarity, previousId: context.previous?.id ?? null },
	};
}

/** Each entry with what the portal derives from it, computed once per report. */
export function openDataReports(
	entries: readonly ReportEntry[],
	contexts: Map<string, ReportContext> = reportContexts(entries),
): OpenDataReport[] {
	return entries.map((entry) => openDataReport(entry, contexts.get(entry.id)!));
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

/** A dotted path to a metadata or identity field of an entry (cells are read with cellAt). */
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
	value: (r) => fieldAt(r.entry.record, key) as CsvValue,
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

const NOT_RECORDED = '来源未记录（收录时没有保存来源）';
const web = (r: OpenDataReport) =>
	r.entry.provenance?.retrieval === 'web' ? r.entry.provenance : undefined;

/** Where the original came from (src/lib/model/provenance.ts), as on the report page. */
const PROVENANCE_COLUMNS: Column<OpenDataReport>[] = [
	{
		key: 'provenance.sourceUrl',
		label: '原文链接',
		meaning: '报告原文在政府网站上的地址（下载时请求的地址）',
		type: '文本（网址）',
		nullMeans: `${NOT_RECORDED}，或由维护者从本地文件添加`,
		value: (r) => web(r)?.sourceUrl ?? null,
	},
	{
		key: 'provenance.pageUrl',
		label: '发布页面',
		meaning: '报告作为附件发布时，链接它的政府网页',
		type: '文本（网址）',
		nullMeans: '原文链接本身就是报告，或来源未记录',
		value: (r) => web(r)?.pageUrl ?? null,
	},
	{
		key: 'provenance.siteName',
		label: '发布网站',
		meaning: '政府网站自己写明的网站名称，未写明时为主机名',
		type: '文本',
		nullMeans: NOT_RECORDED,
		value: (r) => web(r)?.siteName ?? null,
	},
	{
		key: 'provenance.retrievedAt',
		label: '获取时间',
		meaning: '本站下载（或添加）原始文件的时间，ISO 8601',
		type: '文本（日期时间）',
		nullMeans: NOT_RECORDED,
		value: (r) => r.entry.provenance?.retrievedAt ?? null,
	},
	{
		key: 'dateAdded',
		label: '收录日期',
		meaning:
			'报告加入本站的日期（北京时间，YYYY-MM-DD），取自收录时记录的获取时间；更正版本取最初收录的日期',
		type: '文本（日期）',
		nullMeans: '未记录（收录时没有保存来源，如随本站附带的示例报告）',
		value: (r) => dateAdded(r.entry),
	},
	{
		key: 'provenance.sha256',
		label: 'SHA-256',
		meaning: '原始文件的 SHA-256 指纹（64 位十六进制），可用下载的原始文件核对',
		type: '文本',
		nullMeans: NOT_RECORDED,
		value: (r) => r.entry.provenance?.sha256 ?? null,
	},
	{
		key: 'original',
		label: '原始文件',
		meaning: '本站保存的原始文件的下载地址（与下载时的字节完全相同）',
		type: '文本（网址）',
		nullMeans: NOT_RECORDED,
		value: (r) => originalUrl(r.entry),
	},
];

const METADATA_COLUMNS: Column<OpenDataReport>[] = [
	recordColumn(
		'formatVersion',
		'格式版本',
		'表格所用格式：2021（现行）、2019（试行）、mixed（混用）、none（未找到表格）；依据表格标签判断，不依据年份',
		'—',
	),
	recordColumn(
		'source.format',
		'原件形式',
		'text（纯文本）、html（网页）、pdf、docx（Word 文档）；不是 text 时，原文文字和行号来自从原件提取的文字',
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
			'报告年度从哪里读出：title（标题）、statisticsPeriod（统计期限）、overview（总体情况）、text（仅在点明报告的开头句子中），多项以分号分隔',
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

export const cellLabelOf = (path: CellPath) => {
	const n = cellName(path);
	return `${n.table} ${n.row} · ${n.column}`;
};

const CELL_COLUMNS: Column<OpenDataReport>[] = CELL_PATHS.map((path) => ({
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
	value: (r) => cellAt(r.entry.record, path).value,
}));

export const DERIVED_PARTS = [
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
	...PROVENANCE_COLUMNS,
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

/** The columns that say which report a row of cells.csv, checks.csv or key-figures.csv belongs to. */
function reportKeyColumns<R extends { entry: ReportEntry }>(): Column<R>[] {
	return [
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
	];
}

/* ---------- key-figures.csv: one row per report, the figures people ask for ---------- */

/** A key figure read from the record with the same definition as the pages' (key-figures.ts). */
const metricColumn = (key: MetricKey): Column<OpenDataReport> => ({
	key,
	label: METRICS[key].label,
	meaning: `${METRICS[key].source}`,
	type: '整数',
	nullMeans: '报告未给出所需的数（任一部分未填报即为空，不以部分之和代替）',
	value: (r) => METRICS[key].of(r.entry.record),
});

const placeColumn = (
	key: string,
	label: string,
	of: (e: ReportEntry) => string | null | undefined,
): Column<OpenDataReport> => ({
	key,
	label,
	meaning: `所属${label.replace(/名称$/, '')}（同 reports.csv）`,
	type: '文本',
	nullMeans: '未能确定',
	value: (r) => of(r.entry) ?? null,
});

/**
 * key-figures.csv: the slim companion of reports.csv, the dozen figures most questions start
 * from (applications, results, reviews and lawsuits, decisions, fees) with the report's identity,
 * place and 收录日期. Each figure is computed as on the pages, so the CSV and the site agree.
 */
export const KEY_FIGURE_COLUMNS: Column<OpenDataReport>[] = [
	...reportKeyColumns<OpenDataReport>(),
	{
		key: 'townshipName',
		label: '乡镇名称',
		meaning: '区划表中的正式名称',
		type: '文本',
		nullMeans: '—',
		value: (r) => r.entry.township.name,
	},
	placeColumn('countyName', '区县', (e) => e.township.county?.name),
	placeColumn('prefectureName', '地市', (e) => e.township.prefecture?.name),
	placeColumn('provinceName', '省份', (e) => e.township.province?.name),
	PROVENANCE_COLUMNS.find((c) => c.key === 'dateAdded')!,
	metricColumn('applicationsReceived'),
	metricColumn('applicationsCarriedOver'),
	{
		key: 'applicationsTotal',
		label: '申请总数',
		meaning: '本年新收申请 + 上年结转申请（表三两行的总计列之和）',
		type: '整数',
		nullMeans: '两者之一未填报',
		value: (r) =>
			sumOrNull([
				METRICS.applicationsReceived.of(r.entry.record),
				METRICS.applicationsCarriedOver.of(r.entry.record),
			]),
	},
	metricColumn('granted'),
	metricColumn('partiallyGranted'),
	metricColumn('denied'),
	metricColumn('unable'),
	metricColumn('notHandled'),
	metricColumn('otherHandled'),
	metricColumn('resultsTotal'),
	metricColumn('carriedForward'),
	metricColumn('reconsideration'),
	metricColumn('litigation'),
	metricColumn('licensing'),
	metricColumn('penalty'),
	metricColumn('coercion'),
	{
		key: 'feesWan',
		label: '行政事业性收费（万元）',
		meaning: '表二 第二十条第（八）项 行政事业性收费 · 本年收费金额（万元）；2019 年格式无此数',
		type: '数值',
		nullMeans: COUNT_NULL,
		value: (r) => r.entry.record.table2?.fees.amountWan ?? null,
	},
	{
		key: 'checksFailed',
		label: '未通过的检查',
		meaning:
			'本报告内检查（H1–H7、S1–S10）未通过的次数，同 reports.csv 的 checks.failed（明细见 checks.csv）',
		type: '整数',
		nullMeans: '—',
		value: (r) => countChecks(r.entry.record.checks, 'fail'),
	},
];

export function keyFiguresCsv(reports: readonly OpenDataReport[]): string {
	return toCsv(
		KEY_FIGURE_COLUMNS.map((c) => c.key),
		reports.map((r) => KEY_FIGURE_COLUMNS.map((c) => c.value(r))),
	);
}

/* ---------- cells.csv: one row per cell ---------- */

export interface CellRow {
	entry: ReportEntry;
	path: CellPath;
}

/** Every cell of the tables the report printed, in the record's order. */
export function cellRows(entry: ReportEntry): CellRow[] {
	return recordCellPaths(entry.record).map((path) => ({ entry, path }));
}

export const CELL_CSV_COLUMNS: Column<CellRow>[] = [
	...reportKeyColumns<CellRow>(),
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
		value: (c) => cellAt(c.entry.record, c.path).value,
	},
	{
		key: 'raw',
		label: '原文',
		meaning: '单元格在原文中的写法，含原样的空白',
		schemaPath: 'record.cells.*.raw',
		nullMeans: '原文中没有这个单元格',
		value: (c) => cellAt(c.entry.record, c.path).provenance?.raw ?? null,
	},
	{
		key: 'status',
		label: '状态',
		meaning:
			'ok（读出）、marker（“—”等表示无，按 0 计）、blank（空白）、inferred（按规则推定，见 rule）、missing（丢失）、n/a（本格式无此项）',
		schemaPath: 'record.cells.*.status',
		nullMeans: '—',
		value: (c) => cellAt(c.entry.record, c.path).provenance?.status ?? null,
	},
	{
		key: 'rule',
		label: '推定依据',
		meaning: '推定数值所依据的检查规则，如 H3',
		schemaPath: 'record.cells.*.rule',
		nullMeans: '不是推定的数',
		value: (c) => cellAt(c.entry.record, c.path).provenance?.rule ?? null,
	},
	{
		key: 'line',
		label: '原文行号',
		meaning: '单元格所在原文的行（从 1 开始），报告页面上 #L<行号> 可跳转',
		schemaPath: 'record.cells.*.line',
		nullMeans: '原文中没有这个单元格',
		value: (c) => cellAt(c.entry.record, c.path).provenance?.line ?? null,
	},
	{
		key: 'col',
		label: '原文列号',
		meaning: '单元格在该行的起始字符位置（从 1 开始）',
		schemaPath: 'record.cells.*.col',
		nullMeans: '原文中没有这个单元格',
		value: (c) => cellAt(c.entry.record, c.path).provenance?.col ?? null,
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
	...reportKeyColumns<CheckRow>(),
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
		key: 'scopeName',
		label: '范围名称',
		meaning: 'scope 的中文说明：表格、行、列或字段的官方名称',
		type: '文本',
		nullMeans: '—',
		value: (c) => scopeName(c.check.scope),
	},
	{
		key: 'formula',
		label: '公式',
		meaning: '规则的中文表述（与方法说明页相同）；涉及的单元格见 cells',
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
		note: '每份报告的 record 符合 recordSchema；null 表示报告未给出，0 表示报告写明为零。原文全文见各报告的 record.json.gz。',
	});
	return `${head.slice(0, -1)},"reports":[`;
}

export const REPORTS_JSON_TAIL = ']}';

/** One report of reports.json: the entry (no source text, passed checks counted), with its URL and derived figures. */
export function reportsJsonItem({ entry, derived, similarity }: OpenDataReport): string {
	return JSON.stringify({
		...entry,
		url: reportUrl(entry.township.code, entry.year),
		original: originalUrl(entry),
		derived,
		similarity,
	});
}

/** reports.json: every entry without its source text (it is on each report page and in record.json.gz), with derived figures. */
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
