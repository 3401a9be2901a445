/**
 * The published-form fixtures (tests/fixtures/forms/): reports with known truth rendered as web
 * pages, Word documents and PDFs (render-forms.ts). `formFixtureSpecs()` says what each fixture
 * is and what it must parse to; write-form-fixtures.ts renders them (PDF through Chromium) and
 * tests/unit/parser/forms.test.ts checks each parses to its truth exactly. The truths are the
 * renderer's input, never the parser's output.
 */
import { execFileSync } from 'node:child_process';
import type { Table2, Table2v2019, Table3, Table4 } from '../../src/lib/model/record.ts';
import { truth2019, truth2021 } from './layout-fixtures.ts';
import {
	defaultTitle,
	renderReport,
	type RenderOptions,
	type ReportTruth,
} from './render-report.ts';
import {
	docxOf,
	htmlVariant,
	type HtmlVariant,
	type PageInfo,
	type PdfStyle,
} from './render-forms.ts';

export type FormKind =
	{ form: 'html'; variant: HtmlVariant } | { form: 'pdf'; style: PdfStyle } | { form: 'docx' };

export interface FormFixtureSpec {
	name: string;
	/** File name with the extension a curator would have. */
	file: string;
	description: string;
	kind: FormKind;
	truth: ReportTruth;
	/** The page's information block (for pages), and whether the report text prints its own date. */
	info: PageInfo;
	signatureDate: boolean;
	/** Bytes on disk: UTF-8, or GBK for Word's gb2312 pages. */
	encoding: 'utf-8' | 'gbk';
	/** Table 3 printed with an extra 法人或其他组织 小计 column (its numbers are no cells). */
	subtotalColumn?: RenderOptions['subtotalColumn'];
}

export interface FormFixtureTruth {
	fixture: string;
	description: string;
	format: 'html' | 'pdf' | 'docx';
	formatVersion: ReportTruth['formatVersion'];
	metadata: {
		township: string;
		county: string | null;
		reportYear: number;
		publicationDate: string;
		publicationDateKind: 'signature' | 'web';
	};
	table2: Table2 | null;
	table2v2019: Table2v2019 | null;
	table3: Table3;
	table4: Table4;
	/** How many numbers are printed in no cell: the 小计 column's, one per Table 3 row. */
	subtotals?: number;
}

/** Null the given Table 3 cells of a truth (printed as empty cells: no glyph in a PDF). */
function withBlanks(truth: ReportTruth, cells: [string, string][]): ReportTruth {
	const rows = truth.table3 as unknown as Record<string, Record<string, number | null>>;
	for (const [row, column] of cells) rows[row]![column] = null;
	return truth;
}

/** Null the given Table 4 cells of a truth, or every zero cell (printed as empty cells). */
function withTable4Blanks(truth: ReportTruth, cells: [string, string][] | 'zeros'): ReportTruth {
	const groups = truth.table4 as unknown as Record<string, Record<string, number | null>>;
	const blanks =
		cells === 'zeros'
			? Object.entries(groups).flatMap(([group, row]) =>
					Object.keys(row)
						.filter((column) => row[column] === 0)
						.map((column) => [group, column] as [string, string]),
				)
			: cells;
	for (const [group, column] of blanks) groups[group]![column] = null;
	return truth;
}

function info(truth: ReportTruth, date: string): PageInfo {
	return {
		title: defaultTitle(truth.meta),
		publisher: `${truth.meta.county ?? ''}${truth.meta.township}人民政府`,
		date,
		indexNumber: `431126${String(truth.meta.year).slice(2)}/${truth.meta.year + 1}-00012`,
	};
}

export function formFixtureSpecs(): FormFixtureSpec[] {
	const specs: FormFixtureSpec[] = [];
	const add = (
		name: string,
		file: string,
		description: string,
		kind: FormKind,
		truth: ReportTruth,
		extra: Partial<Pick<FormFixtureSpec, 'signatureDate' | 'encoding' | 'subtotalColumn'>> = {},
	) =>
		specs.push({
			name,
			file,
			description,
			kind,
			truth,
			info: info(truth, `${truth.meta.year + 1}-01-2${specs.length}`),
			signatureDate: extra.signatureDate ?? true,
			encoding: extra.encoding ?? 'utf-8',
			...(extra.subtotalColumn ? { subtotalColumn: extra.subtotalColumn } : {}),
		});
	add(
		'html-page',
		'html-page.html',
		'A whole saved page: header, navigation, breadcrumb (当前位置), the 索引号/发布机构/标题/发布日期 table, the article heading and 发布时间 line, share bar, footer with numbers. The report prints no date of its own, so the page date is the publication date (web).',
		{ form: 'html', variant: 'page' },
		truth2021(41, { county: '宁远县', township: '白马镇', year: 2024 }),
		{ signatureDate: false },
	);
	add(
		'html-fragment',
		'html-fragment.htm',
		'Only the article markup (paragraphs and the three tables), 2019 format.',
		{ form: 'html', variant: 'fragment' },
		truth2019(42, { county: '安仁县', township: '龙市乡', year: 2020 }, 'A'),
	);
	add(
		'html-word',
		'html-word.htm',
		"Word's 'save as web page' in GBK (charset=gb2312): MsoNormal paragraphs, spans with mso- styles, <o:p>, <font> around numbers, long labels broken by <br> across spans, a hidden (mso-hide:all) paragraph with numbers.",
		{ form: 'html', variant: 'word' },
		truth2021(43, { county: '桂东县', township: '沤江镇', year: 2023 }),
		{ encoding: 'gbk' },
	);
	add(
		'html-script',
		'html-script.html',
		'A page whose article is an empty <div> filled by a script from a JSON string with \\u003c escapes.',
		{ form: 'html', variant: 'script' },
		truth2021(44, { county: '江华县', township: '涔天河镇', year: 2022 }),
	);
	add(
		'html-script-entities',
		'html-script-entities.html',
		'A page whose script keeps the article as an HTML-entity-escaped string (&lt;p&gt;…).',
		{ form: 'html', variant: 'script-entities' },
		truth2021(45, { county: '双牌县', township: '茶林镇', year: 2023 }),
	);
	add(
		'pdf-ruled',
		'pdf-ruled.pdf',
		'Chromium print-to-PDF of a ruled table (every cell bordered, text centred vertically): long labels wrap over two or three lines around their numbers, group labels centred on their rows, a running header and `- N -` page numbers on every page.',
		{ form: 'pdf', style: 'ruled' },
		truth2021(46, { county: '宁远县', township: '湾井镇', year: 2024 }),
	);
	add(
		'pdf-borderless',
		'pdf-borderless.pdf',
		'Chromium print-to-PDF of a borderless table with narrow label cells aligned to the top: labels and group labels wrap under their first line, one wrapped label crosses a page break.',
		{ form: 'pdf', style: 'borderless' },
		truth2021(47, { county: '道县', township: '祥霖铺镇', year: 2023 }),
	);
	// Blank cells: an empty cell prints no glyph, so only x positions say which column is empty.
	add(
		'pdf-ruled-blanks',
		'pdf-ruled-blanks.pdf',
		'Ruled table (as pdf-ruled) with empty Table 3 cells mid-row, two in one row, and at the end of rows: no glyph marks them, the columns do.',
		{ form: 'pdf', style: 'ruled' },
		withBlanks(truth2021(60, { county: '江永县', township: '粗石江镇', year: 2023 }), [
			['granted', 'researchInstitution'],
			['deniedThirdParty', 'commercialEnterprise'],
			['deniedThirdParty', 'legalServiceOrg'],
			['unableNotHeld', 'total'],
			['notHandledRepeat', 'naturalPerson'],
			['otherOther', 'otherOrg'],
		]),
	);
	add(
		'pdf-borderless-blanks',
		'pdf-borderless-blanks.pdf',
		'Borderless table with cells aligned left and top (as pdf-borderless) and empty Table 3 cells at the start, middle and end of rows.',
		{ form: 'pdf', style: 'borderless' },
		withBlanks(truth2021(61, { county: '新田县', township: '金陵镇', year: 2022 }), [
			['newReceived', 'publicInterestOrg'],
			['partiallyGranted', 'naturalPerson'],
			['deniedProcessInfo', 'total'],
			['unableUnclear', 'commercialEnterprise'],
			['unableUnclear', 'otherOrg'],
			['carriedForward', 'researchInstitution'],
		]),
	);
	// Table 4 is one row of 15 numbers under two-level spanning headers: with no second row of
	// numbers, only the header cells say where its columns are.
	add(
		'pdf-ruled-table4-blanks',
		'pdf-ruled-table4-blanks.pdf',
		'Ruled table with empty Table 4 cells in the first column, mid-row and in the last column: the 行政复议 result headers (two rows high) sit on a line of their own between the two litigation header rows.',
		{ form: 'pdf', style: 'ruled' },
		withTable4Blanks(truth2021(64, { county: '蓝山县', township: '塔峰镇', year: 2023 }), [
			['reconsideration', 'upheld'],
			['litigationDirect', 'pending'],
			['litigationAfterReconsideration', 'total'],
		]),
	);
	add(
		'pdf-fixed-table4-blanks',
		'pdf-fixed-table4-blanks.pdf',
		"Ruled tables with Word's fixed, equal column widths: the Table 4 column names wrap inside their narrow cells (结果 / 维持), with empty Table 4 cells at the start, in the middle and at the end and an empty Table 3 cell.",
		{ form: 'pdf', style: 'ruled-fixed' },
		withTable4Blanks(
			withBlanks(truth2021(74, { county: '江永县', township: '夏层铺镇', year: 2024 }), [
				['partiallyGranted', 'legalServiceOrg'],
			]),
			[
				['reconsideration', 'upheld'],
				['litigationDirect', 'otherResult'],
				['litigationAfterReconsideration', 'pending'],
				['litigationAfterReconsideration', 'total'],
			],
		),
	);
	add(
		'pdf-fixed-right-table4-blanks',
		'pdf-fixed-right-table4-blanks.pdf',
		'As pdf-fixed-table4-blanks, with every number aligned to the right of its cell under the centred column names, and two adjacent empty Table 4 cells.',
		{ form: 'pdf', style: 'ruled-fixed-right' },
		withTable4Blanks(
			withBlanks(truth2021(75, { county: '道县', township: '清塘镇', year: 2023 }), [
				['newReceived', 'otherOrg'],
			]),
			[
				['reconsideration', 'pending'],
				['litigationDirect', 'upheld'],
				['litigationDirect', 'corrected'],
			],
		),
	);
	add(
		'pdf-borderless-table4-blanks',
		'pdf-borderless-table4-blanks.pdf',
		'Borderless table (cells aligned left and top) with two adjacent empty Table 4 cells and one at the start of the 复议后起诉 group.',
		{ form: 'pdf', style: 'borderless' },
		withTable4Blanks(truth2021(65, { county: '祁阳县', township: '黎家坪镇', year: 2024 }), [
			['reconsideration', 'corrected'],
			['reconsideration', 'otherResult'],
			['litigationAfterReconsideration', 'upheld'],
		]),
	);
	add(
		'pdf-ruled-table4-zeros-blank',
		'pdf-ruled-table4-zeros-blank.pdf',
		'Ruled Table 4 that leaves every zero cell empty (only the non-zero numbers are printed).',
		{ form: 'pdf', style: 'ruled' },
		withTable4Blanks(
			truth2021(66, { county: '东安县', township: '芦洪市镇', year: 2022 }),
			'zeros',
		),
	);
	// A 小计 column after 其他, spanning both header rows: its name comes out of the text layer on
	// the line above the 其他 it follows, so the header's word order puts it first.
	add(
		'pdf-ruled-subtotal',
		'pdf-ruled-subtotal.pdf',
		'Ruled Table 3 with an extra 小计 column after 其他 that spans both header rows; the column names wrap inside their cells, so the text layer gives 小计 on a header line before the one holding 其他.',
		{ form: 'pdf', style: 'ruled' },
		truth2021(62, { county: '嘉禾县', township: '塘村镇', year: 2024 }),
		{ subtotalColumn: 'afterOther' },
	);
	add(
		'pdf-borderless-subtotal',
		'pdf-borderless-subtotal.pdf',
		'Borderless Table 3 (cells aligned to the top) with the extra 小计 column after 其他, its name on the first header line.',
		{ form: 'pdf', style: 'borderless' },
		truth2021(63, { county: '临武县', township: '汾市镇', year: 2023 }),
		{ subtotalColumn: 'afterOther' },
	);
	// An empty first value cell in an HTML table row: without its mark the row's numbers would
	// slide left one column. Word writes it as <o:p>&nbsp;</o:p>, a CMS as <td></td>.
	const firstCellBlanks = (truth: ReportTruth) => {
		// Table 2's 行政规范性文件 row with its 本年制发件数 cell empty.
		truth.table2!.normativeDocuments.issued = null;
		return withTable4Blanks(
			withBlanks(truth, [
				['newReceived', 'naturalPerson'],
				['granted', 'naturalPerson'],
				['deniedStateSecret', 'naturalPerson'],
				['deniedStateSecret', 'commercialEnterprise'],
				['carriedForward', 'naturalPerson'],
			]),
			[
				['reconsideration', 'upheld'],
				['litigationAfterReconsideration', 'upheld'],
			],
		);
	};
	add(
		'html-word-first-blank',
		'html-word-first-blank.htm',
		"Word's 'save as web page' (GBK) whose Table 2, Table 3 rows and Table 4 leave their first value cell empty (<o:p>&nbsp;</o:p>).",
		{ form: 'html', variant: 'word' },
		firstCellBlanks(truth2021(67, { county: '汝城县', township: '热水镇', year: 2023 })),
		{ encoding: 'gbk' },
	);
	add(
		'html-fragment-first-blank',
		'html-fragment-first-blank.htm',
		'A CMS article fragment whose Table 2, Table 3 rows and Table 4 leave their first value cell empty (<td></td>).',
		{ form: 'html', variant: 'fragment' },
		firstCellBlanks(truth2021(68, { county: '宜章县', township: '白石渡镇', year: 2024 })),
	);
	add(
		'docx-first-blank',
		'docx-first-blank.docx',
		'A Word document (real Word tables) whose Table 2, Table 3 rows and Table 4 leave their first value cell empty.',
		{ form: 'docx' },
		firstCellBlanks(truth2021(69, { county: '资兴市', township: '兴宁镇', year: 2022 })),
	);
	// The 2019 template (FORMAT.md §3.2: Table 2 by 第二十条 items with 上年项目数/本年增减, one
	// （六）其他处理 row) in every published form, as the 2021 template is.
	add(
		'pdf-ruled-2019',
		'pdf-ruled-2019.pdf',
		'Ruled PDF of a report on the 2019 template: Table 2 with 上年项目数量/本年增/减/处理决定数量 columns and the procurement row, Table 3 with the single （六）其他处理 row.',
		{ form: 'pdf', style: 'ruled' },
		truth2019(70, { county: '零陵区', township: '富家桥镇', year: 2020 }, 'B'),
	);
	add(
		'pdf-borderless-2019',
		'pdf-borderless-2019.pdf',
		'Borderless PDF (cells aligned left and top) of a report on the 2019 template.',
		{ form: 'pdf', style: 'borderless' },
		truth2019(71, { county: '冷水滩区', township: '伊塘镇', year: 2019 }, 'A'),
	);
	add(
		'html-word-2019',
		'html-word-2019.htm',
		"Word's 'save as web page' (GBK) of a report on the 2019 template.",
		{ form: 'html', variant: 'word' },
		truth2019(72, { county: '祁东县', township: '白地市镇', year: 2020 }, 'B'),
		{ encoding: 'gbk' },
	);
	add(
		'docx-2019',
		'docx-2019.docx',
		'A Word document (real Word tables, merged cells) of a report on the 2019 template.',
		{ form: 'docx' },
		truth2019(73, { county: '衡南县', township: '车江镇', year: 2019 }, 'A'),
	);
	add(
		'docx',
		'docx-report.docx',
		'A Word document written with the docx package: paragraphs and real Word tables with merged cells (gridSpan, vMerge).',
		{ form: 'docx' },
		truth2021(48, { county: '蓝山县', township: '所城镇', year: 2024 }),
	);
	return specs;
}

/** The report's text in the `html` layout, with or without its own signature date. */
export function reportText(spec: FormFixtureSpec): string {
	const { county, township, year } = spec.truth.meta;
	const signatureLines = spec.signatureDate ? undefined : [`${county ?? ''}${township}人民政府`];
	const procurement = spec.truth.table2v2019?.procurement;
	// The 2019 procurement amount is printed with its unit, as the truth's unitRaw says.
	const printed = procurement
		? {
				'table2v2019.procurement.totalAmount': `${procurement.totalAmount}${procurement.totalAmountUnitRaw ?? ''}`,
			}
		: undefined;
	return renderReport(spec.truth, {
		layout: 'html',
		signatureLines,
		printed,
		...(spec.subtotalColumn ? { subtotalColumn: spec.subtotalColumn } : {}),
	}).text;
}

/** The fixture's bytes for the forms that need no browser (HTML, DOCX). */
export async function renderWithoutBrowser(spec: FormFixtureSpec): Promise<Uint8Array | null> {
	const text = reportText(spec);
	if (spec.kind.form === 'docx') return docxOf(text);
	if (spec.kind.form !== 'html') return null;
	const html = htmlVariant(spec.kind.variant, text, spec.info);
	return spec.encoding === 'gbk'
		? new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: html }))
		: new TextEncoder().encode(html);
}

export function truthOf(spec: FormFixtureSpec): FormFixtureTruth {
	const { truth } = spec;
	return {
		fixture: spec.file,
		description: spec.description,
		format: spec.kind.form,
		formatVersion: truth.formatVersion,
		metadata: {
			township: truth.meta.township,
			county: truth.meta.county,
			reportYear: truth.meta.year,
			publicationDate: spec.signatureDate ? `${truth.meta.year + 1}-01-20` : spec.info.date,
			publicationDateKind: spec.signatureDate ? 'signature' : 'web',
		},
		table2: truth.table2,
		table2v2019: truth.table2v2019,
		table3: truth.table3,
		table4: truth.table4,
		...(spec.subtotalColumn ? { subtotals: Object.keys(truth.table3).length } : {}),
	};
}
