/**
 * The layout fixtures for the table shapes of crawled report pages (tests/fixtures/survey/
 * PHENOMENA.md): each crawl shape in at least two variants (2021 and 2019 templates, different
 * label spellings). Rendered as html, then printed the way the crawler family prints tables
 * (crawl-tables.ts); the truth is what was rendered.
 */
import type { Table2, Table2v2019, Table3, Table4 } from '../../src/lib/model/record.ts';
import { truth2019, truth2021, type FixtureSpec } from './layout-fixtures.ts';
import { crawlTables, type CrawlShape } from './crawl-tables.ts';
import type { RenderOptions, ReportTruth } from './render-report.ts';

type Cells = Record<string, Record<string, number | null>>;

/** Null the given `table.row.column` cells of a truth (cells printed empty); returns the truth. */
function withBlanks(truth: ReportTruth, paths: string[]): ReportTruth {
	for (const path of paths) {
		const [table, row, column] = path.split('.') as [string, string, string];
		const t = truth[table as 'table3'] as unknown as Cells;
		t[row]![column] = null;
	}
	return truth;
}

/** A template printed with every value cell empty (a page that published the bare form). */
function bareTemplate(truth: ReportTruth): ReportTruth {
	const blank = (node: object) => {
		const n = node as Record<string, unknown>;
		for (const [k, v] of Object.entries(n)) {
			if (typeof v === 'number') n[k] = null;
			else if (v && typeof v === 'object' && !Array.isArray(v)) blank(v);
		}
	};
	for (const table of [truth.table2, truth.table2v2019, truth.table3, truth.table4])
		if (table) blank(table as Table2 | Table2v2019 | Table3 | Table4);
	if (truth.table2) truth.table2.fees.amountRaw = null;
	if (truth.table2v2019) truth.table2v2019.procurement.totalAmountUnitRaw = null;
	return truth;
}

/** A 2019 procurement amount printed with its unit (`86500元`), as the truth's unit says. */
function amountPrinted(truth: ReportTruth): Record<string, string> {
	const amount = truth.table2v2019?.procurement.totalAmount;
	return amount !== undefined && amount !== null
		? { 'table2v2019.procurement.totalAmount': `${amount}元` }
		: {};
}

/** Site chrome a crawl keeps above the title: breadcrumb, date and font-size line. */
const CHROME = [
	'当前位置：首页 > 政府信息公开 > 政府信息公开年报 > 乡镇（街道）',
	'发布时间：2024-01-26 16:32 来源：党政办 浏览次数：',
	'【字体：大 中 小】 打印',
];

/** Crawled text folds full-width brackets and punctuation to ASCII: `(一)予以公开`, `(单位:万元)`. */
const nfkc = (s: string) => s.normalize('NFKC');

/** 2019 headers cut short by the cell width (`本年新` for 本年新制作数量 / 本年新公开数量). */
const truncated2019Headers = {
	'table2.col.newlyMade': '本年新',
	'table2.col.newlyPublished': '本年新',
};

/** Header cells wrapped inside their narrow column. */
const wrappedHeaders = {
	'table3.col.commercialEnterprise': '商业\n企业',
	'table3.col.researchInstitution': '科研\n机构',
};

function crawl(
	name: string,
	shape: CrawlShape,
	description: string,
	truth: FixtureSpec['truth'],
	labels: Record<string, string> = {},
	ascii = true,
	extra: Partial<RenderOptions> = {},
): FixtureSpec {
	const printed = amountPrinted(truth);
	return {
		name,
		description,
		covers: ['survey PHENOMENA.md'],
		truth,
		options: {
			layout: 'html',
			labels,
			printed,
			...(ascii ? { labelTransform: nfkc } : {}),
			...extra,
		},
		damage: crawlTables(shape),
	};
}

/**
 * A bare template's Table 4 has no printed value at all (its one data row is empty or absent):
 * the parser finds no Table 4 row and reports the 15 cells `missing`, not `blank`. The values
 * are null either way; the status is what a Table 4 without a value row gets today.
 */
function bareTable4(...args: Parameters<typeof crawl>): FixtureSpec {
	const spec = crawl(...args);
	spec.cutAway = (t) =>
		Object.entries(t.table4).flatMap(([group, cells]) =>
			Object.keys(cells).map((column) => `table4.${group}.${column}`),
		);
	return spec;
}

/** A title printed over two lines the way the surveyed pages break it; no signature below. */
function titled(
	name: string,
	description: string,
	truth: ReportTruth,
	titleLines: string[],
	layout: RenderOptions['layout'] = 'tsv',
): FixtureSpec {
	return {
		name,
		description,
		covers: ['survey PHENOMENA.md', '§9'],
		truth,
		options: { layout, titleLines, printed: amountPrinted(truth), signatureLines: [] },
	};
}

export function surveySpecs(): FixtureSpec[] {
	return [
		titled(
			'title-year-first-split',
			'The year before the body on the first title line, the title words on the next (`2024年南关区永吉街道办事处` / `政府信息公开工作年度报告`): the county is 南关区, never `2024年南关区`.',
			truth2021(77, { county: '南关区', township: '永吉街道', year: 2024 }),
			['2024年南关区永吉街道办事处', '政府信息公开工作年度报告'],
		),
		titled(
			'title-year-first-split-government',
			'Year-first name line with 人民政府 (`2023年下各镇人民政府` / `政府信息公开工作年度报告`), pipe tables.',
			truth2021(78, { county: null, township: '下各镇', year: 2023 }),
			['2023年下各镇人民政府', '政府信息公开工作年度报告'],
			'pipe',
		),
		titled(
			'title-run-into-sentence',
			'No title line: the title runs straight into the first sentence (`安镇街道2024年政府信息公开工作年度报告根据《…》编制。`); the township is read from it.',
			truth2021(83, { county: null, township: '安镇街道', year: 2024 }),
			[
				'安镇街道2024年政府信息公开工作年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制。本报告由六个部分组成。',
			],
		),
		titled(
			'title-named-in-brackets',
			'No title line: the opening sentence names the report in 《》 (`现发布《临洮县新添镇2022年政府信息公开工作年度报告》`), the county before the township.',
			truth2021(84, { county: '临洮县', township: '新添镇', year: 2022 }),
			[
				'根据《中华人民共和国政府信息公开条例》要求，现发布《临洮县新添镇2022年政府信息公开工作年度报告》。本报告由总体情况等六部分组成。',
			],
			'pipe',
		),
		titled(
			'title-wrapped-blank-line',
			'A title wrapped before its last words with a blank line between (`河东镇2021年度政府信息公开工作` / `年度报告`).',
			truth2021(79, { county: null, township: '河东镇', year: 2021 }),
			['河东镇2021年度政府信息公开工作', '年度报告'],
		),
		titled(
			'title-wrapped-last-word',
			'A 2019 report whose title ends on a line of its own, spaced (`长桥乡2019年政府信息公开年度工作` / `报 告`).',
			truth2019(80, { county: null, township: '长桥乡', year: 2019 }, 'B'),
			['长桥乡2019年政府信息公开年度工作', '报 告'],
		),
		crawl(
			'crawl-bar-rows',
			'barRows',
			'Crawled html tables as `| a | b | |||`: origin cells only (rowspan cells not repeated), the row padded at the end with one bare bar per missing cell; ASCII brackets.',
			truth2021(60, { county: '桃江县', township: '松木塘镇', year: 2022 }),
		),
		crawl(
			'crawl-bar-rows-2019',
			'barRows',
			'As crawl-bar-rows for a 2019-template report with the headers `本年新` cut short and a +3/-1 change.',
			truth2019(61, { county: '青川县', township: '骑马乡', year: 2020 }, 'A'),
			truncated2019Headers,
		),
		crawl(
			'crawl-bar-rows-no-lead',
			'barRowsNoLead',
			'Crawled rows without the leading bar: `信息内容 | 本年制发件数 | … |`, `一、本年新收… | 5 | … | ||`.',
			truth2021(62, { county: '微山县', township: '两城镇', year: 2023 }),
		),
		crawl(
			'crawl-bar-rows-no-lead-2019',
			'barRowsNoLead',
			'Rows without the leading bar, 2019 template with truncated `本年新` headers (衡东 2023, 微山 2020 style).',
			truth2019(63, { county: '衡东县', township: '杨林镇', year: 2020 }, 'B'),
			truncated2019Headers,
		),
		crawl(
			'crawl-cell-lines-closed',
			'cellLinesClosed',
			'One cell per line closed by ` |` (`规章 |`, `0 |`), the missing cells of a row as a line of bars (`|||`).',
			truth2021(64, { county: '长春县', township: '新立城镇', year: 2021 }),
		),
		crawl(
			'crawl-cell-lines-closed-2019',
			'cellLinesClosed',
			'One cell per line closed by ` |`, 2019 template, truncated `本年新` headers and padding lines `||||`.',
			truth2019(65, { county: '漾濞县', township: '瓦厂乡', year: 2019 }, 'A'),
			truncated2019Headers,
		),
		crawl(
			'crawl-bar-between-cells',
			'cellLinesBarBetween',
			'One cell per line with a line holding only `|` after every cell and no row breaks; header cells wrapped (`商业` / `企业`).',
			truth2021(66, { county: '南岔县', township: '迎春镇', year: 2023 }),
			wrappedHeaders,
		),
		crawl(
			'crawl-bar-between-cells-2019',
			'cellLinesBarBetween',
			'One cell per line with a bare `|` line after every cell, 2019 template, full-width brackets kept.',
			truth2019(67, { county: '会昌县', township: '中村乡', year: 2020 }, 'B'),
			{},
			false,
		),
		crawl(
			'crawl-row-opener-lines',
			'rowOpenerLines',
			'Every row opened by a `| ` line, each cell on its own line as ` text  | `, the padding after the last cell (`…  | |||`).',
			truth2021(68, { county: '石柱县', township: '沿溪镇', year: 2022 }),
		),
		crawl(
			'crawl-row-opener-lines-wrapped',
			'rowOpenerLines',
			'Row-opener lines with header cells wrapped inside the cell (`商业` / `企业` on two lines).',
			truth2021(69, { county: '永川县', township: '朱沱镇', year: 2023 }),
			wrappedHeaders,
		),
		crawl(
			'crawl-paragraphs',
			'paragraphs',
			'Every cell a paragraph (blank lines between), numbers with a leading space, wrapped headers as two paragraphs (`商业` / `企业`).',
			truth2021(70, { county: '西咸县', township: '太平镇', year: 2022 }),
			wrappedHeaders,
		),
		crawl(
			'crawl-paragraphs-2019',
			'paragraphs',
			'Every cell a paragraph, 2019 template (双塔 2020, 平利 2021 style).',
			truth2019(71, { county: '双塔县', township: '前进乡', year: 2020 }, 'A'),
		),
		crawl(
			'crawl-bar-rows-blanks',
			'barRows',
			'Bar rows with empty cells printed as `|  |`: a row total, a mid-row cell, a Table 2 value and a Table 4 cell left blank (null, not inferred); site chrome above the title.',
			withBlanks(truth2021(72, { county: '大冶县', township: '东风路街道', year: 2024 }), [
				'table3.deniedThirdParty.total',
				'table3.unableNotHeld.otherOrg',
				'table2.coercion.decisions',
				'table4.litigationDirect.pending',
			]),
			{},
			true,
			{ preamble: CHROME },
		),
		crawl(
			'crawl-cell-lines-closed-blanks',
			'cellLinesClosed',
			'One cell per line closed by ` |` with empty cells as a line holding only ` |`: a row total, a first cell and a Table 4 total blank.',
			withBlanks(truth2021(73, { county: '永吉县', township: '岔路河镇', year: 2023 }), [
				'table3.notHandledRepeat.total',
				'table3.granted.naturalPerson',
				'table4.reconsideration.total',
			]),
		),
		crawl(
			'crawl-bar-between-cells-blanks',
			'cellLinesBarBetween',
			'Bare `|` lines between cells, an empty cell printed as an empty line between two bars (`|` / `` / `|`): a first cell, a mid-row cell, a row total and a Table 4 cell null.',
			withBlanks(truth2021(81, { county: '陆丰市', township: '河东镇', year: 2021 }), [
				'table3.carriedOver.naturalPerson',
				'table3.deniedThirdParty.commercialEnterprise',
				'table3.granted.total',
				'table4.reconsideration.pending',
			]),
		),
		crawl(
			'crawl-bar-between-cells-blanks-2019',
			'cellLinesBarBetween',
			'As crawl-bar-between-cells-blanks for a 2019 template: a Table 2 value, the （六）其他处理 total and a last Table 4 cell empty.',
			withBlanks(truth2019(82, { county: '新疆县', township: '南岔镇', year: 2020 }, 'B'), [
				'table2v2019.coercion.decisions',
				'table3.otherCombined.total',
				'table4.litigationAfterReconsideration.total',
			]),
		),
		crawl(
			'crawl-row-opener-lines-blanks',
			'rowOpenerLines',
			'Row-opener lines with empty cells printed as an indented `   | `: the bare `|` opens a row, the indented one is a null cell.',
			withBlanks(truth2021(74, { county: '渝中县', township: '大溪沟街道', year: 2022 }), [
				'table3.otherOther.total',
				'table3.carriedOver.commercialEnterprise',
				'table4.litigationAfterReconsideration.upheld',
			]),
		),
		bareTable4(
			'crawl-bare-template',
			'barRows',
			'The form published with every value cell empty (`| 规章 | | | |`): every cell null, formatVersion read from the labels.',
			bareTemplate(truth2021(75, { county: '嘉县', township: '螅镇', year: 2022 })),
		),
		bareTable4(
			'crawl-bare-template-2019',
			'paragraphs',
			'A 2019-template form with no values at all, each cell a paragraph: the labels follow each other with nothing between; every cell null.',
			bareTemplate(truth2019(76, { county: '雄县', township: '张岗乡', year: 2019 }, 'A')),
		),
	];
}
