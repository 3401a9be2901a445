/**
 * The layout fixtures for the table shapes of crawled report pages (tests/fixtures/survey/
 * PHENOMENA.md): each crawl shape in at least two variants (2021 and 2019 templates, different
 * label spellings). Rendered as html, then printed the way the crawler family prints tables
 * (crawl-tables.ts); the truth is what was rendered.
 */
import { truth2019, truth2021, type FixtureSpec } from './layout-fixtures.ts';
import { crawlTables, type CrawlShape } from './crawl-tables.ts';

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
): FixtureSpec {
	const printed: Record<string, string> = truth.table2v2019
		? { 'table2v2019.procurement.totalAmount': `${truth.table2v2019.procurement.totalAmount}元` }
		: {};
	return {
		name,
		description,
		covers: ['survey PHENOMENA.md'],
		truth,
		options: { layout: 'html', labels, printed, ...(ascii ? { labelTransform: nfkc } : {}) },
		damage: crawlTables(shape),
	};
}

export function surveySpecs(): FixtureSpec[] {
	return [
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
	];
}
