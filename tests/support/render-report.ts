/**
 * Test support: renders a "table truth" (the values a report should parse to) as a complete,
 * plausible report text in one of the layouts seen in the wild (FORMAT.md §3–§5, §8).
 *
 * Labels are written out here from FORMAT.md on purpose, not imported from the parser's
 * vocabulary: a wrong label in the parser must make these fixtures fail, not follow along.
 *
 * Every table is first built as an HTML-like grid of origin cells (colspan/rowspan), then each
 * layout flattens that grid its own way. Numbers a layout prints that belong to no canonical cell
 * (page markers, group subtotals, zero-filled merged cells) are returned in `allowedUnassigned`.
 */
import type { Table2, Table2v2019, Table3, Table4 } from '../../src/lib/model/record.ts';

// ---------------------------------------------------------------------------------------------
// Truth

export type Layout = 'pipe' | 'tsv' | 'cellPerLine' | 'pdfText' | 'glued' | 'html';

export interface ReportMeta {
	/** County-level unit printed in the title, or null when the report never names it. */
	county: string | null;
	/** Township name with its kind, e.g. 柳溪镇. */
	township: string;
	year: number;
}

export interface ReportTruth {
	meta: ReportMeta;
	formatVersion: '2019' | '2021' | 'mixed';
	table2: Table2 | null;
	table2v2019: Table2v2019 | null;
	table3: Table3;
	table4: Table4;
}

export const TABLE3_COLUMN_KEYS = [
	'naturalPerson',
	'commercialEnterprise',
	'researchInstitution',
	'publicInterestOrg',
	'legalServiceOrg',
	'otherOrg',
	'total',
] as const;
export const ORG_COLUMN_KEYS = TABLE3_COLUMN_KEYS.slice(1, 6);
export const TABLE4_GROUP_KEYS = [
	'reconsideration',
	'litigationDirect',
	'litigationAfterReconsideration',
] as const;
export const TABLE4_COLUMN_KEYS = [
	'upheld',
	'corrected',
	'otherResult',
	'pending',
	'total',
] as const;

type Group = '' | 'results' | 'denied' | 'unable' | 'notHandled' | 'other';

/** Table 3 rows in printed order (2021 format), with the official labels of FORMAT.md §4.2. */
export const TABLE3_ROWS_2021: { key: string; label: string; group: Group }[] = [
	{ key: 'newReceived', label: '一、本年新收政府信息公开申请数量', group: '' },
	{ key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', group: '' },
	{ key: 'granted', label: '（一）予以公开', group: 'results' },
	{
		key: 'partiallyGranted',
		label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
		group: 'results',
	},
	{ key: 'deniedStateSecret', label: '1.属于国家秘密', group: 'denied' },
	{ key: 'deniedLawProhibited', label: '2.其他法律行政法规禁止公开', group: 'denied' },
	{ key: 'deniedSecurityStability', label: '3.危及“三安全一稳定”', group: 'denied' },
	{ key: 'deniedThirdParty', label: '4.保护第三方合法权益', group: 'denied' },
	{ key: 'deniedInternalAffairs', label: '5.属于三类内部事务信息', group: 'denied' },
	{ key: 'deniedProcessInfo', label: '6.属于四类过程性信息', group: 'denied' },
	{ key: 'deniedEnforcementFile', label: '7.属于行政执法案卷', group: 'denied' },
	{ key: 'deniedAdminQuery', label: '8.属于行政查询事项', group: 'denied' },
	{ key: 'unableNotHeld', label: '1.本机关不掌握相关政府信息', group: 'unable' },
	{ key: 'unableNeedsCreation', label: '2.没有现成信息需要另行制作', group: 'unable' },
	{ key: 'unableUnclear', label: '3.补正后申请内容仍不明确', group: 'unable' },
	{ key: 'notHandledPetition', label: '1.信访举报投诉类申请', group: 'notHandled' },
	{ key: 'notHandledRepeat', label: '2.重复申请', group: 'notHandled' },
	{ key: 'notHandledPublication', label: '3.要求提供公开出版物', group: 'notHandled' },
	{ key: 'notHandledExcessive', label: '4.无正当理由大量反复申请', group: 'notHandled' },
	{
		key: 'notHandledReissue',
		label: '5.要求行政机关确认或重新出具已获取信息',
		group: 'notHandled',
	},
	{
		key: 'otherNoCorrection',
		label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
		group: 'other',
	},
	{
		key: 'otherFeeUnpaid',
		label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
		group: 'other',
	},
	{ key: 'otherOther', label: '3.其他', group: 'other' },
	{ key: 'resultsTotal', label: '（七）总计', group: 'results' },
	{ key: 'carriedForward', label: '四、结转下年度继续办理', group: '' },
];

/** The 2019 shape: rows 21–23 replaced by the single （六）其他处理 data row. */
export const TABLE3_ROWS_2019 = [
	...TABLE3_ROWS_2021.filter(
		(r) => r.group !== 'other' && r.key !== 'resultsTotal' && r.key !== 'carriedForward',
	),
	{ key: 'otherCombined', label: '（六）其他处理', group: 'results' as Group },
	...TABLE3_ROWS_2021.filter((r) => r.key === 'resultsTotal' || r.key === 'carriedForward'),
];

const GROUP_LABELS: Record<Exclude<Group, ''>, string> = {
	results: '三、本年度办理结果',
	denied: '（三）不予公开',
	unable: '（四）无法提供',
	notHandled: '（五）不予处理',
	other: '（六）其他处理',
};

// ---------------------------------------------------------------------------------------------
// Options

export interface RenderOptions {
	layout: Layout;
	/**
	 * Table 3 with an extra 法人或其他组织 小计 column (8 numbers per row): `true` after 自然人,
	 * named in the organisations' header row; `'afterOther'` after 其他, as a column of its own
	 * spanning both header rows, so its name is printed on the row above the 其他 it follows.
	 */
	subtotalColumn?: boolean | 'afterOther';
	/** （三）（四）（五） printed as rows with their own 7 numbers, the sums of their children. */
	groupSubtotalRows?: boolean;
	/** Replace a label: key is `table3.<row>`, `table3.group.<group>`, `table3.col.<col>`, `table3.note`,
	 * `table2.caption.<n>`, `table2.row.<row>`, `table2.col.<col>`, `table4.col.<col>`. */
	labels?: Record<string, string>;
	/** Applied to every label and header text of the three tables (e.g. simplified → traditional). */
	labelTransform?: (label: string) => string;
	/** Printed text for a value cell instead of the plain number; key is the dotted path. */
	printed?: Record<string, string>;
	/** ASCII digits in the tables become full-width ０-９ (and `.` becomes `．`). */
	fullWidthDigits?: boolean;
	/** pdfText/glued: cells separated by U+3000 instead of ASCII spaces. */
	ideographicSpaces?: boolean;
	/** Title lines replacing the default `{county}{township}人民政府{year}年…年度报告`. */
	titleLines?: string[];
	/** Lines printed before the title (red header, document number, addressee…). */
	preamble?: string[];
	/** Heading text per section index 0–5 (e.g. with markdown hashes or Word numbering). */
	headings?: string[];
	/** Paragraphs appended to 一、总体情况 (e.g. inner items numbered like headings, seed 004). */
	overviewExtra?: string[];
	/** Signature lines replacing `{county}{township}人民政府` / `{year+1}年1月20日`. */
	signatureLines?: string[];
	/** Lines appended after the signature (print line, `(此页无正文)`…). */
	trailer?: string[];
	/** Where a page break falls inside Table 3: after this row key. */
	table3BreakAfter?: string;
	/** tsv: three blank lines at the Table 3 page break (seed 000). pipe: split the table (seed 002). */
	pageBreakStyle?: 'blankLines' | 'splitTable';
	/** pipe: merged Table 2 value cells printed as `0` (seed 002). */
	zeroFillMergedTable2?: boolean;
	/** Table 4 data row gains a 16th cell `0` (seed 002). */
	table4ExtraCell?: boolean;
	/** tsv/pipe: per-row damage of the label columns seen in seeds 000/001/002/004 (by row key). */
	rowTweaks?: Record<string, RowTweak>;
	/** tsv: seed 004's （三）不予 / 公开 split with row 1's numbers on the next line. */
	splitDeniedGroupLabel?: boolean;
	/** Table 4 header labels split by a space, e.g. `结果 维持` (seed 001). */
	spacedTable4Headers?: boolean;
}

/** Damage to the label cells of one tsv row; the 7 values stay intact. */
export interface RowTweak {
	/** Drop this many leading cells (the row is shifted left). */
	dropLeading?: number;
	/** Add this many empty leading cells (shifted right). */
	addLeading?: number;
	/** An extra empty cell right after the label. */
	emptyAfterLabel?: boolean;
	/** Drop this many cells right after the label (the label's merged cells vanish). */
	dropAfterLabel?: number;
	/** Extra empty cells at the end. */
	trailing?: number;
}

export interface RenderedReport {
	text: string;
	/** Numbers printed in table sections that belong to no canonical cell. `line` is 1-based. */
	allowedUnassigned: { line: number; raw: string; reason: string }[];
}

// ---------------------------------------------------------------------------------------------
// Grid model

interface Cell {
	text: string;
	colspan?: number;
	rowspan?: number;
	role: 'caption' | 'header' | 'label' | 'group' | 'value';
	/** Why a printed number here belongs to no canonical cell. */
	unassigned?: string;
}

interface GridRow {
	kind: 'caption' | 'header' | 'data';
	/** Table 3 row key, Table 2 row key, or '' for header rows. */
	key: string;
	cells: Cell[];
	/** pdfText: header row printed as two lines with every cell split in half (`商业` / `企业`). */
	wrapHeader?: boolean;
}

interface Grid {
	name: 'table2' | 'table3' | 'table4';
	width: number;
	rows: GridRow[];
	/** Index of the row after which a page break falls, or -1. */
	breakAfter: number;
	/** The page number printed at that break. */
	page: number;
}

/** A cell's place in the expanded rectangular grid. */
interface Slot {
	cell: Cell;
	/** origin: where the cell starts; right: covered by a colspan; below: covered by a rowspan. */
	kind: 'origin' | 'right' | 'below';
}

function expand(grid: Grid): Slot[][] {
	const out: Slot[][] = grid.rows.map(() => []);
	grid.rows.forEach((row, r) => {
		let c = 0;
		for (const cell of row.cells) {
			while (out[r]![c]) c++;
			const rs = cell.rowspan ?? 1;
			const cs = cell.colspan ?? 1;
			for (let dr = 0; dr < rs; dr++) {
				for (let dc = 0; dc < cs; dc++) {
					const kind = dr === 0 && dc === 0 ? 'origin' : dr === 0 ? 'right' : 'below';
					out[r + dr]![c + dc] = { cell, kind };
				}
			}
			c += cs;
		}
	});
	const blank: Cell = { text: '', role: 'label' };
	return out.map((row) =>
		Array.from({ length: grid.width }, (_, i) => row[i] ?? { cell: blank, kind: 'origin' }),
	);
}

// ---------------------------------------------------------------------------------------------
// Building the three tables

class LabelBook {
	private readonly options: RenderOptions;
	constructor(options: RenderOptions) {
		this.options = options;
	}
	get(id: string, fallback: string): string {
		const text = this.options.labels?.[id] ?? fallback;
		return this.options.labelTransform ? this.options.labelTransform(text) : text;
	}
}

const FULL_WIDTH: Record<string, string> = { '.': '．' };
for (let d = 0; d <= 9; d++) FULL_WIDTH[String(d)] = String.fromCharCode(0xff10 + d);

function toFullWidth(s: string): string {
	return s.replace(/[0-9.]/g, (ch) => FULL_WIDTH[ch] ?? ch);
}

class ValuePrinter {
	private readonly options: RenderOptions;
	constructor(options: RenderOptions) {
		this.options = options;
	}
	print(path: string, value: number | null, fallback?: string): string {
		const text = this.options.printed?.[path] ?? fallback ?? (value === null ? '' : String(value));
		return this.options.fullWidthDigits ? toFullWidth(text) : text;
	}
	/** Numbers that only some layouts print (subtotals): same digit style as the rest. */
	plain(value: number): string {
		return this.options.fullWidthDigits ? toFullWidth(String(value)) : String(value);
	}
}

function valueCell(text: string, colspan = 1, unassigned?: string): Cell {
	return { text, colspan, role: 'value', unassigned };
}

function buildTable2(
	truth: ReportTruth,
	labels: LabelBook,
	values: ValuePrinter,
	options: RenderOptions,
): Grid {
	const rows: GridRow[] = [];
	const caption = (n: string) =>
		rows.push({
			kind: 'caption',
			key: '',
			cells: [
				{
					text: labels.get(`table2.caption.${n}`, `第二十条第（${n}）项`),
					colspan: 4,
					role: 'caption',
				},
			],
		});
	const header = (cols: [string, string, number][]) =>
		rows.push({
			kind: 'header',
			key: '',
			cells: [
				{ text: labels.get('table2.col.content', '信息内容'), role: 'header' },
				...cols.map(([id, text, colspan]) => ({
					text: labels.get(`table2.col.${id}`, text),
					colspan,
					role: 'header' as const,
				})),
			],
		});
	const data = (key: string, label: string, cells: Cell[]) =>
		rows.push({
			kind: 'data',
			key,
			cells: [{ text: labels.get(`table2.row.${key}`, label), role: 'label' }, ...cells],
		});
	const zeroFill = options.zeroFillMergedTable2 ? 'zero-filled merged cell' : undefined;

	if (truth.table2v2019) {
		const t = truth.table2v2019;
		const p = (path: string, v: number | null) => values.print(`table2v2019.${path}`, v);
		caption('一');
		header([
			['newlyMade', '本年新制作数量', 1],
			['newlyPublished', '本年新公开数量', 1],
			['totalPublished', '对外公开总数量', 1],
		]);
		for (const [key, label] of [
			['regulations', '规章'],
			['normativeDocuments', '规范性文件'],
		] as const) {
			const r = t[key];
			data(key, label, [
				valueCell(p(`${key}.newlyMade`, r.newlyMade)),
				valueCell(p(`${key}.newlyPublished`, r.newlyPublished)),
				valueCell(p(`${key}.totalPublished`, r.totalPublished)),
			]);
		}
		const decisionsBlock = (
			n: string,
			entries: readonly (readonly [
				'licensing' | 'otherExternalServices' | 'penalty' | 'coercion',
				string,
			])[],
		) => {
			caption(n);
			header([
				['priorYearItems', '上一年项目数量', 1],
				['netChange', '本年增/减', 1],
				['decisions', '处理决定数量', 1],
			]);
			for (const [key, label] of entries) {
				const r = t[key];
				data(key, label, [
					valueCell(p(`${key}.priorYearItems`, r.priorYearItems)),
					valueCell(p(`${key}.netChange`, r.netChange)),
					valueCell(p(`${key}.decisions`, r.decisions)),
				]);
			}
		};
		decisionsBlock('五', [
			['licensing', '行政许可'],
			['otherExternalServices', '其他对外管理服务事项'],
		]);
		decisionsBlock('六', [
			['penalty', '行政处罚'],
			['coercion', '行政强制'],
		]);
		caption('八');
		header([
			['priorYearItems', '上一年项目数量', 1],
			['netChange', '本年增/减', 2],
		]);
		data('fees', '行政事业性收费', [
			valueCell(p('fees.priorYearItems', t.fees.priorYearItems)),
			valueCell(p('fees.netChange', t.fees.netChange), 2),
		]);
		caption('九');
		header([
			['projects', '采购项目数量', 1],
			['totalAmount', '采购总金额', 2],
		]);
		data('procurement', '政府集中采购', [
			valueCell(p('procurement.projects', t.procurement.projects)),
			valueCell(p('procurement.totalAmount', t.procurement.totalAmount), 2),
		]);
	} else if (truth.table2) {
		const t = truth.table2;
		const p = (path: string, v: number | null, fallback?: string) =>
			values.print(`table2.${path}`, v, fallback);
		caption('一');
		header([
			['issued', '本年制发件数', 1],
			['repealed', '本年废止件数', 1],
			['inForce', '现行有效件数', 1],
		]);
		for (const [key, label] of [
			['regulations', '规章'],
			['normativeDocuments', '行政规范性文件'],
		] as const) {
			const r = t[key];
			data(key, label, [
				valueCell(p(`${key}.issued`, r.issued)),
				valueCell(p(`${key}.repealed`, r.repealed)),
				valueCell(p(`${key}.inForce`, r.inForce)),
			]);
		}
		const mergedValue = (text: string): Cell[] =>
			zeroFill
				? [
						valueCell(text),
						valueCell(values.plain(0), 1, zeroFill),
						valueCell(values.plain(0), 1, zeroFill),
					]
				: [valueCell(text, 3)];
		caption('五');
		header([['decisions', '本年处理决定数量', 3]]);
		data('licensing', '行政许可', mergedValue(p('licensing.decisions', t.licensing.decisions)));
		caption('六');
		header([['decisions', '本年处理决定数量', 3]]);
		data('penalty', '行政处罚', mergedValue(p('penalty.decisions', t.penalty.decisions)));
		data('coercion', '行政强制', mergedValue(p('coercion.decisions', t.coercion.decisions)));
		caption('八');
		header([['amountWan', '本年收费金额（单位：万元）', 3]]);
		data(
			'fees',
			'行政事业性收费',
			mergedValue(p('fees.amountWan', t.fees.amountWan, t.fees.amountRaw ?? undefined)),
		);
	}
	const breakAfter = rows.findIndex((r) => r.key === 'coercion');
	return { name: 'table2', width: 4, rows, breakAfter, page: 2 };
}

function buildTable3(
	truth: ReportTruth,
	labels: LabelBook,
	values: ValuePrinter,
	options: RenderOptions,
): Grid {
	const t3 = truth.table3 as Record<string, Record<string, number | null>>;
	const rowDefs =
		'otherCombined' in truth.table3 && truth.table3.otherCombined
			? TABLE3_ROWS_2019
			: TABLE3_ROWS_2021;
	const subtotalColumn = options.subtotalColumn !== undefined && options.subtotalColumn !== false;
	const subtotalAfterOther = options.subtotalColumn === 'afterOther';
	const nValues = subtotalColumn ? 8 : 7;
	const col = (key: string, text: string) => labels.get(`table3.col.${key}`, text);

	const rows: GridRow[] = [
		{
			kind: 'header',
			key: '',
			cells: [
				{
					text: labels.get(
						'table3.note',
						'（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
					),
					colspan: 3,
					rowspan: 3,
					role: 'header',
				},
				{ text: labels.get('table3.applicant', '申请人情况'), colspan: nValues, role: 'header' },
			],
		},
		{
			kind: 'header',
			key: '',
			cells: [
				{ text: col('naturalPerson', '自然人'), rowspan: 2, role: 'header' },
				{
					text: labels.get('table3.orgGroup', '法人或其他组织'),
					colspan: subtotalAfterOther ? nValues - 3 : nValues - 2,
					role: 'header',
				},
				...(subtotalAfterOther
					? [{ text: col('orgSubtotal', '小计'), rowspan: 2, role: 'header' as const }]
					: []),
				{ text: col('total', '总计'), rowspan: 2, role: 'header' },
			],
		},
		{
			kind: 'header',
			key: '',
			wrapHeader: true,
			cells: [
				...(subtotalColumn && !subtotalAfterOther
					? [{ text: col('orgSubtotal', '小计'), role: 'header' as const }]
					: []),
				{ text: col('commercialEnterprise', '商业企业'), role: 'header' },
				{ text: col('researchInstitution', '科研机构'), role: 'header' },
				{ text: col('publicInterestOrg', '社会公益组织'), role: 'header' },
				{ text: col('legalServiceOrg', '法律服务机构'), role: 'header' },
				{ text: col('otherOrg', '其他'), role: 'header' },
			],
		},
	];

	const rowValues = (
		key: string,
		row: Record<string, number | null>,
		unassigned?: string,
	): Cell[] => {
		const cells = TABLE3_COLUMN_KEYS.map((c) =>
			valueCell(
				unassigned ? values.plain(row[c] ?? 0) : values.print(`table3.${key}.${c}`, row[c] ?? null),
				1,
				unassigned,
			),
		);
		if (subtotalColumn) {
			const orgs = ORG_COLUMN_KEYS.map((c) => row[c]);
			const subtotal = orgs.some((v) => v === null)
				? ''
				: values.plain(orgs.reduce<number>((a, v) => a + (v ?? 0), 0));
			cells.splice(
				subtotalAfterOther ? 6 : 1,
				0,
				valueCell(subtotal, 1, 'organisation subtotal column'),
			);
		}
		return cells;
	};
	const groupSum = (group: Group): Record<string, number | null> => {
		const members = rowDefs.filter((r) => r.group === group);
		return Object.fromEntries(
			TABLE3_COLUMN_KEYS.map((c) => [c, members.reduce((a, r) => a + (t3[r.key]?.[c] ?? 0), 0)]),
		);
	};

	const subtotalGroups: Group[] = options.groupSubtotalRows
		? ['denied', 'unable', 'notHandled']
		: [];
	const resultRows = rowDefs.filter((r) => r.group !== '');
	const resultsSpan = resultRows.length + subtotalGroups.length;
	let resultsOpened = false;
	const opened = new Set<Group>();

	for (const def of rowDefs) {
		const label = labels.get(`table3.${def.key}`, def.label);
		const data = t3[def.key]!;
		const cells: Cell[] = [];
		if (def.group === '') {
			cells.push({ text: label, colspan: 3, role: 'label' });
			rows.push({ kind: 'data', key: def.key, cells: [...cells, ...rowValues(def.key, data)] });
			continue;
		}
		if (!resultsOpened) {
			cells.push({
				text: labels.get('table3.group.results', GROUP_LABELS.results),
				rowspan: resultsSpan,
				role: 'group',
			});
			resultsOpened = true;
		}
		if (def.group === 'results') {
			cells.push({ text: label, colspan: 2, role: 'label' });
		} else if (subtotalGroups.includes(def.group)) {
			if (!opened.has(def.group)) {
				opened.add(def.group);
				const groupLabel = labels.get(`table3.group.${def.group}`, GROUP_LABELS[def.group]);
				rows.push({
					kind: 'data',
					key: `group.${def.group}`,
					cells: [
						...cells,
						{ text: groupLabel, colspan: 2, role: 'label' },
						...rowValues('', groupSum(def.group), 'group subtotal row'),
					],
				});
				cells.length = 0;
			}
			cells.push({ text: label, colspan: 2, role: 'label' });
		} else {
			if (!opened.has(def.group)) {
				opened.add(def.group);
				const span = rowDefs.filter((r) => r.group === def.group).length;
				cells.push({
					text: labels.get(`table3.group.${def.group}`, GROUP_LABELS[def.group]),
					rowspan: span,
					role: 'group',
				});
			}
			cells.push({ text: label, role: 'label' });
		}
		rows.push({ kind: 'data', key: def.key, cells: [...cells, ...rowValues(def.key, data)] });
	}
	const breakKey = options.table3BreakAfter ?? 'deniedThirdParty';
	return {
		name: 'table3',
		width: 3 + nValues,
		rows,
		breakAfter: rows.findIndex((r) => r.key === breakKey),
		page: 3,
	};
}

function buildTable4(
	truth: ReportTruth,
	labels: LabelBook,
	values: ValuePrinter,
	options: RenderOptions,
): Grid {
	const colLabel = (c: string, text: string) => {
		const l = labels.get(`table4.col.${c}`, text);
		return options.spacedTable4Headers && l.length === 4 ? `${l.slice(0, 2)} ${l.slice(2)}` : l;
	};
	const resultHeaders = (rowspan: number): Cell[] =>
		TABLE4_COLUMN_KEYS.map((c) => ({
			text: colLabel(
				c,
				{
					upheld: '结果维持',
					corrected: '结果纠正',
					otherResult: '其他结果',
					pending: '尚未审结',
					total: '总计',
				}[c],
			),
			rowspan,
			role: 'header' as const,
		}));
	const extra = options.table4ExtraCell === true;
	const width = extra ? 16 : 15;
	const valuesRow: Cell[] = TABLE4_GROUP_KEYS.flatMap((g) =>
		TABLE4_COLUMN_KEYS.map((c) => valueCell(values.print(`table4.${g}.${c}`, truth.table4[g][c]))),
	);
	if (extra) valuesRow.push(valueCell(values.plain(0), 1, 'extra 16th cell'));
	const rows: GridRow[] = [
		{
			kind: 'header',
			key: '',
			cells: [
				{ text: labels.get('table4.reconsideration', '行政复议'), colspan: 5, role: 'header' },
				{
					text: labels.get('table4.litigation', '行政诉讼'),
					colspan: extra ? 11 : 10,
					role: 'header',
				},
			],
		},
		{
			kind: 'header',
			key: '',
			cells: [
				...resultHeaders(2),
				{
					text: labels.get('table4.litigationDirect', '未经复议直接起诉'),
					colspan: 5,
					role: 'header',
				},
				{
					text: labels.get('table4.litigationAfterReconsideration', '复议后起诉'),
					colspan: extra ? 6 : 5,
					role: 'header',
				},
			],
		},
		{ kind: 'header', key: '', cells: [...resultHeaders(1), ...resultHeaders(1)] },
		{ kind: 'data', key: 'values', cells: valuesRow },
	];
	return { name: 'table4', width, rows, breakAfter: 2, page: 4 };
}

// ---------------------------------------------------------------------------------------------
// Layouts. Each returns lines; a line lists the unassigned numbers it prints.

interface Line {
	text: string;
	unassigned: { raw: string; reason: string }[];
}

const line = (text: string, unassigned: Line['unassigned'] = []): Line => ({ text, unassigned });

function unassignedOf(slots: Slot[]): Line['unassigned'] {
	return slots
		.filter((s) => s.kind === 'origin' && s.cell.unassigned && s.cell.text !== '')
		.map((s) => ({ raw: s.cell.text, reason: s.cell.unassigned! }));
}

function pageMarker(grid: Grid): Line {
	// Alternate the two footer styles seen in PDF text layers.
	const total = 6;
	const text = grid.page === 3 ? `第 ${grid.page} 页 共 ${total} 页` : `— ${grid.page} —`;
	const raws = grid.page === 3 ? [String(grid.page), String(total)] : [String(grid.page)];
	return line(
		text,
		raws.map((raw) => ({ raw, reason: 'page marker' })),
	);
}

function tweakSlots(texts: string[], tweak: RowTweak | undefined, labelIndex: number): string[] {
	if (!tweak) return texts;
	let out = [...texts];
	if (tweak.dropAfterLabel) out.splice(labelIndex + 1, tweak.dropAfterLabel);
	if (tweak.emptyAfterLabel) out.splice(labelIndex + 1, 0, '');
	if (tweak.dropLeading) out = out.slice(tweak.dropLeading);
	if (tweak.addLeading) out = [...Array<string>(tweak.addLeading).fill(''), ...out];
	if (tweak.trailing) out = [...out, ...Array<string>(tweak.trailing).fill('')];
	return out;
}

function renderTsv(grid: Grid, options: RenderOptions): Line[] {
	const out: Line[] = [];
	expand(grid).forEach((slots, r) => {
		const row = grid.rows[r]!;
		const texts = slots.map((s) => (s.kind === 'origin' ? s.cell.text : ''));
		const labelIndex = slots.findLastIndex((s) => s.kind === 'origin' && s.cell.role === 'label');
		if (
			options.splitDeniedGroupLabel &&
			grid.name === 'table3' &&
			row.key === 'deniedStateSecret'
		) {
			// Seed 004: `(三) 不予⇥1.属于国家秘密⇥⇥…` then the numbers on their own line.
			const valuesAt = labelIndex + 1;
			out.push(
				line(
					['', '(三) 不予', texts[labelIndex]!, ...texts.slice(valuesAt).map(() => '')].join('\t'),
				),
			);
			out.push(line(['', '', ...texts.slice(valuesAt)].join('\t'), unassignedOf(slots)));
			out.push(line(''));
		} else if (
			options.splitDeniedGroupLabel &&
			grid.name === 'table3' &&
			row.key === 'deniedLawProhibited'
		) {
			out.push(line(['公开', ...texts.slice(labelIndex), ''].join('\t'), unassignedOf(slots)));
		} else {
			const tweaked = tweakSlots(texts, options.rowTweaks?.[row.key], labelIndex);
			out.push(line(tweaked.join('\t'), unassignedOf(slots)));
		}
		if (
			r === grid.breakAfter &&
			grid.name === 'table3' &&
			options.pageBreakStyle === 'blankLines'
		) {
			out.push(line(''), line(''), line(''));
		}
	});
	return out;
}

function renderPipe(grid: Grid, options: RenderOptions): Line[] {
	const out: Line[] = [];
	const pipeRow = (texts: string[]) =>
		`|${texts.map((t) => (t === '' ? ' ' : ` ${t} `)).join('|')}|`;
	const separator = (width: number) => `|${'---|'.repeat(width)}`;
	expand(grid).forEach((slots, r) => {
		const texts = slots.map((s) => (s.kind === 'origin' ? s.cell.text : ''));
		const labelIndex = slots.findLastIndex((s) => s.kind === 'origin' && s.cell.role === 'label');
		const tweaked = tweakSlots(texts, options.rowTweaks?.[grid.rows[r]!.key], labelIndex);
		out.push(line(pipeRow(tweaked), unassignedOf(slots)));
		if (r === 0) out.push(line(separator(grid.width)));
		if (
			r === grid.breakAfter &&
			grid.name === 'table3' &&
			options.pageBreakStyle === 'splitTable'
		) {
			// Seed 002: the table continues as a second markdown table with an all-empty header.
			out.push(
				line(''),
				line(pipeRow(Array<string>(grid.width).fill(''))),
				line(separator(grid.width)),
			);
		}
	});
	return out;
}

/** Seed 003: each cell on its own line after a tab, rows separated by blank lines, NBSP padding. */
function renderCellPerLine(grid: Grid): Line[] {
	const out: Line[] = [];
	let padLeft = true;
	let mergedForm = 0;
	expand(grid).forEach((slots) => {
		for (const slot of slots) {
			if (slot.kind === 'right') continue;
			const cell = slot.cell;
			if (slot.kind === 'below' || cell.role !== 'value') {
				out.push(line(`\t${slot.kind === 'origin' ? cell.text : ''}`));
				continue;
			}
			const unassigned =
				cell.unassigned && cell.text ? [{ raw: cell.text, reason: cell.unassigned }] : [];
			if (cell.text === '') {
				out.push(line('\t\u3000'));
			} else if ((cell.colspan ?? 1) > 1) {
				// A merged Word cell holding an ideographic space and the number on separate lines.
				if (mergedForm++ % 2 === 0) out.push(line('\t\u3000'), line(cell.text, unassigned));
				else out.push(line(`\t${cell.text}`, unassigned), line('\u3000'));
			} else {
				out.push(line(padLeft ? `\t\u00a0${cell.text}` : `\t${cell.text}\u00a0`, unassigned));
				padLeft = !padLeft;
			}
		}
		out.push(line(''));
	});
	return out;
}

/** The text of a PDF page: cells joined by spaces, long labels wrapped, page footers between rows. */
function renderSpaced(grid: Grid, options: RenderOptions, style: 'pdfText' | 'glued'): Line[] {
	const out: Line[] = [];
	const sep = options.ideographicSpaces ? '\u3000' : ' ';
	const wrapWidth = 22;
	const expanded = expand(grid);
	// Group labels spanning rows: pdfText prints them alone at the middle of their span,
	// glued text prints them alone before their first row.
	const groupLineAt = new Map<number, string[]>();
	grid.rows.forEach((row, r) => {
		for (const cell of row.cells) {
			if (cell.role !== 'group') continue;
			const at = style === 'pdfText' ? r + Math.floor((cell.rowspan ?? 1) / 2) : r;
			groupLineAt.set(at, [...(groupLineAt.get(at) ?? []), cell.text]);
		}
	});
	expanded.forEach((slots, r) => {
		const row = grid.rows[r]!;
		for (const text of groupLineAt.get(r) ?? []) out.push(line(text));
		const origins = slots.filter(
			(s) => s.kind === 'origin' && s.cell.text !== '' && s.cell.role !== 'group',
		);
		const unassigned = unassignedOf(slots);
		if (row.kind !== 'data') {
			const texts = origins.map((s) => s.cell.text);
			if (style === 'pdfText' && row.wrapHeader && grid.name === 'table3') {
				// Cells of four or more characters wrap in half inside their narrow column.
				const half = (t: string) => (t.length >= 4 ? Math.ceil(t.length / 2) : t.length);
				out.push(line(texts.map((t) => t.slice(0, half(t))).join(sep)));
				out.push(
					line(
						texts
							.map((t) => t.slice(half(t)))
							.filter((t) => t)
							.join(sep),
					),
				);
			} else if (
				style === 'pdfText' &&
				texts.join(sep).length > wrapWidth &&
				grid.name === 'table3'
			) {
				const joined = texts.join(sep);
				out.push(line(joined.slice(0, wrapWidth)), line(joined.slice(wrapWidth)));
			} else {
				out.push(line(texts.join(sep)));
			}
		} else {
			const label = origins
				.filter((s) => s.cell.role === 'label')
				.map((s) => s.cell.text)
				.join(sep);
			const numbers = origins
				.filter((s) => s.cell.role === 'value')
				.map((s) => s.cell.text)
				.join(sep);
			if (style === 'glued') {
				out.push(line(`${label}${numbers}`, unassigned));
			} else if (label.length > wrapWidth) {
				// The label wraps mid-word; the numbers stay on the label's last line.
				out.push(line(label.slice(0, wrapWidth)));
				out.push(line(`${label.slice(wrapWidth)}${sep}${numbers}`, unassigned));
			} else {
				out.push(line(label ? `${label}${sep}${numbers}` : numbers, unassigned));
			}
		}
		if (style === 'pdfText' && r === grid.breakAfter) out.push(pageMarker(grid));
	});
	return out;
}

function renderHtml(grid: Grid): Line[] {
	const out: Line[] = [line('<table border="1" cellspacing="0">')];
	for (const row of grid.rows) {
		const tds = row.cells.map((cell) => {
			const attrs = `${(cell.colspan ?? 1) > 1 ? ` colspan="${cell.colspan}"` : ''}${(cell.rowspan ?? 1) > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
			return `<td${attrs}>${cell.text}</td>`;
		});
		const unassigned = row.cells
			.filter((c) => c.unassigned && c.text !== '')
			.map((c) => ({ raw: c.text, reason: c.unassigned! }));
		out.push(line(`<tr>${tds.join('')}</tr>`, unassigned));
	}
	out.push(line('</table>'));
	return out;
}

function renderTable(grid: Grid, options: RenderOptions): Line[] {
	switch (options.layout) {
		case 'tsv':
			return renderTsv(grid, options);
		case 'pipe':
			return renderPipe(grid, options);
		case 'cellPerLine':
			return renderCellPerLine(grid);
		case 'pdfText':
			return renderSpaced(grid, options, 'pdfText');
		case 'glued':
			return renderSpaced(grid, options, 'glued');
		case 'html':
			return renderHtml(grid);
	}
}

// ---------------------------------------------------------------------------------------------
// The document

export const DEFAULT_HEADINGS = [
	'一、总体情况',
	'二、主动公开政府信息情况',
	'三、收到和处理政府信息公开申请情况',
	'四、政府信息公开行政复议、行政诉讼情况',
	'五、存在的主要问题及改进情况',
	'六、其他需要报告的事项',
];

export function defaultTitle(meta: ReportMeta): string {
	return `${meta.county ?? ''}${meta.township}人民政府${meta.year}年政府信息公开工作年度报告`;
}

function narrative(truth: ReportTruth): string[][] {
	const { county, township, year } = truth.meta;
	const kind = township.slice(-1);
	const parent = county ? county.slice(-1) : '县';
	const t3 = truth.table3;
	const received = t3.newReceived.total;
	return [
		[
			`${year}年，${township}在${parent}委、${parent}政府的正确领导下，认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。`,
			'（一）主动公开。依托政府门户网站、政务公开栏和政务新媒体，及时公开政策文件、财政预决算、惠民补贴等信息。',
			`（二）依申请公开。全年共收到政府信息公开申请${received ?? '若干'}件，均依法依规在法定期限内答复。`,
			'（三）政府信息管理。严格落实公开前保密审查制度，动态调整主动公开目录。',
			'（四）政府信息公开平台建设。持续加强政务公开专区和政务新媒体建设，方便群众查阅。',
			'（五）监督保障。将政务公开纳入年度工作考核，本年度未发生责任追究情况。',
		],
		[],
		[],
		[],
		[
			`一是主动公开的深度和广度还需拓展；二是工作人员业务能力有待提升。下一步，我${kind}将加强业务培训，规范公开流程，提高公开质量。`,
		],
		[
			'本年度未收取信息处理费。',
			`本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
		],
	];
}

/** Renders a complete report. Line numbers in `allowedUnassigned` are 1-based. */
export function renderReport(truth: ReportTruth, options: RenderOptions): RenderedReport {
	const labels = new LabelBook(options);
	const values = new ValuePrinter(options);
	const grids = [
		buildTable2(truth, labels, values, options),
		buildTable3(truth, labels, values, options),
		buildTable4(truth, labels, values, options),
	];
	const headings = options.headings ?? DEFAULT_HEADINGS;
	const paragraphs = narrative(truth);
	// Seed 003 (one cell per line) has no blank lines between paragraphs; the others do.
	const compact = options.layout === 'cellPerLine';
	const lines: Line[] = [];
	const paragraph = (text: string) => {
		lines.push(line(text));
		if (!compact) lines.push(line(''));
	};

	for (const text of options.preamble ?? []) paragraph(text);
	for (const text of options.titleLines ?? [defaultTitle(truth.meta)]) paragraph(text);
	if (!compact) {
		paragraph(
			'本报告根据《中华人民共和国政府信息公开条例》要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成。',
		);
	}
	headings.forEach((heading, i) => {
		paragraph(heading);
		for (const text of paragraphs[i] ?? []) paragraph(text);
		if (i === 0) for (const text of options.overviewExtra ?? []) paragraph(text);
		const grid = i >= 1 && i <= 3 ? grids[i - 1] : undefined;
		if (grid) {
			if (options.layout === 'pdfText' && i === 1) paragraph('该部分以表格形式报告，表格如下：');
			lines.push(...renderTable(grid, options));
			lines.push(line(''));
		}
	});
	const { county, township, year } = truth.meta;
	for (const text of options.signatureLines ?? [
		`${county ?? ''}${township}人民政府`,
		`${year + 1}年1月20日`,
	])
		paragraph(text);
	for (const text of options.trailer ?? []) paragraph(text);

	// A label with a line break inside (a wrapped header cell) spans several physical lines;
	// the numbers of a line are on its last physical line.
	const physical = lines.flatMap((l) => {
		const parts = l.text.split('\n');
		return parts.map((text, i) => line(text, i === parts.length - 1 ? l.unassigned : []));
	});
	const allowedUnassigned = physical.flatMap((l, i) =>
		l.unassigned.map((u) => ({ line: i + 1, ...u })),
	);
	return { text: `${physical.map((l) => l.text).join('\n')}\n`, allowedUnassigned };
}
