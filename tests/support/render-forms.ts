/**
 * Test support: a rendered report (render-report.ts, `html` layout: prose lines and one <tr>
 * per line) dressed as the forms reports are published in: a whole web page with chrome and an
 * information block, a bare fragment, Word's "save as web page" soup, a page that keeps the
 * report as an escaped string in a <script>, a .docx written with the `docx` package, and the
 * HTML printed to PDF by Chromium (ruled, or borderless with narrow wrapped label cells).
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import {
	AlignmentType,
	Document,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
} from 'docx';

export type HtmlVariant = 'page' | 'fragment' | 'word' | 'script' | 'script-entities';
export type PdfStyle = 'ruled' | 'borderless' | 'ruled-fixed' | 'ruled-fixed-right';

export interface PageInfo {
	title: string;
	publisher: string;
	/** As printed in the page's information block, e.g. 2025-01-21. */
	date: string;
	indexNumber: string;
}

const escapeHtml = (s: string) =>
	s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const isMarkup = (line: string) => /^<\/?(?:table|tr)\b/.test(line);

/** The report's body as HTML: prose lines as paragraphs, table lines as they are. */
export function bodyHtml(text: string): string {
	return text
		.split('\n')
		.filter((l) => l.trim() !== '')
		.map((l) => (isMarkup(l) ? l : `<p>${escapeHtml(l)}</p>`))
		.join('\n');
}

const CHROME_TOP = `<div class="header"><div class="logo">某某县人民政府门户网站</div><div class="top-links">无障碍 | 长者模式 | English</div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年度报告</div>`;
const CHROME_BOTTOM = `<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a> <a href="javascript:window.print()">【打印本页】</a> <a>【关闭窗口】</a></div>
<div class="footer"><p>主办：某某县人民政府办公室 承办：某某县政务服务中心</p><p>网站标识码：4311260001 ICP备案号：湘ICP备12345678号-1 联系电话：0746-7654321</p></div>`;

function infoBlock(info: PageInfo): string {
	return `<table class="xxgk_table"><tr><td>索引号：</td><td>${info.indexNumber}</td><td>发布机构：</td><td>${info.publisher}</td></tr>
<tr><td>标　　题：</td><td colspan="3">${info.title}</td></tr>
<tr><td>发布日期：</td><td>${info.date}</td><td>文　　号：</td><td>无</td></tr></table>`;
}

/** A whole page: head, chrome, information block, heading, the article, share bar, footer. */
export function htmlPage(text: string, info: PageInfo): string {
	return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${info.title}_某某县人民政府</title>
<script>var _hmt = _hmt || []; window.pageId = 20250121;</script><style>.nav li{display:inline}</style></head>
<body>${CHROME_TOP}
<div class="main-content">${infoBlock(info)}
<h1 class="article-title">${info.title}</h1>
<div class="article-info">发布时间：${info.date}　来源：${info.publisher}　浏览次数：1024</div>
<div class="TRS_Editor" id="zoom">
${bodyHtml(text)}
</div></div>
${CHROME_BOTTOM}
</body></html>
`;
}

/** Only the article's markup, as copied from a page or a CMS export. */
export function htmlFragment(text: string): string {
	return `${bodyHtml(text)}\n`;
}

const WORD_SPAN = `<span lang=EN-US style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:"Times New Roman";mso-bidi-font-family:宋体'>`;

/** Word's "save as web page": MsoNormal paragraphs, spans, <o:p>, <font>, mso- styles, labels broken by <br>. */
export function wordHtml(text: string): string {
	const body = text
		.split('\n')
		.filter((l) => l.trim() !== '')
		.map((l) => {
			if (!isMarkup(l))
				return `<p class=MsoNormal style='text-indent:21.0pt;mso-char-indent-count:2.0;line-height:150%'>${WORD_SPAN}${escapeHtml(l)}<o:p></o:p></span></p>`;
			return l
				.replace(
					/^<table[^>]*>/,
					`<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>`,
				)
				.replace(/<tr>/g, `<tr style='mso-yfti-irow:0;height:15.75pt'>`)
				.replace(/<td([^>]*)>([^<]*)<\/td>/g, (_, attrs: string, cell: string) => {
					const content =
						cell === ''
							? `<o:p>&nbsp;</o:p>`
							: /^[\d.\-—]+$/.test(cell)
								? `<font face="Times New Roman">${cell}</font><o:p></o:p>`
								: cell.length > 10
									? `${cell.slice(0, 6)}</span><span style='mso-spacerun:yes'></span><br>${WORD_SPAN}${cell.slice(6)}<o:p></o:p>`
									: `${cell}<o:p></o:p>`;
					return `<td${attrs} valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'>${WORD_SPAN}${content}</span></p></td>`;
				});
		})
		.join('\r\n');
	return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\r
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">\r
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->\r
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt; font-family:"Times New Roman"} @page WordSection1 {size:595.3pt 841.9pt;} --></style></head>\r
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'><div class=WordSection1 style='layout-grid:15.6pt'>\r
<p class=MsoNormal style='mso-hide:all'><span>2099 隐藏的修订痕迹 99</span></p>\r
${body}\r
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></div></body></html>\r
`;
}

/** A page whose article is filled in by a script from an escaped string (CMS "content" variable). */
export function scriptPage(text: string, info: PageInfo, entities: boolean): string {
	const inner = bodyHtml(text);
	const literal = entities
		? `'${inner.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`
		: JSON.stringify(inner).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e');
	return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${info.title}</title></head>
<body>${CHROME_TOP}
<div class="article"><h1>${info.title}</h1><div id="content"></div></div>
<script type="text/javascript">
var pageTitle = "${info.title}";
var content = ${literal};
document.getElementById("content").innerHTML = ${entities ? 'decode(content)' : 'content'};
</script>
${CHROME_BOTTOM}
</body></html>
`;
}

export function htmlVariant(variant: HtmlVariant, text: string, info: PageInfo): string {
	switch (variant) {
		case 'page':
			return htmlPage(text, info);
		case 'fragment':
			return htmlFragment(text);
		case 'word':
			return wordHtml(text);
		case 'script':
			return scriptPage(text, info, false);
		case 'script-entities':
			return scriptPage(text, info, true);
	}
}

// ---------------------------------------------------------------------------------------------
// PDF (Chromium print-to-PDF)

const PDF_CSS: Record<PdfStyle, string> = {
	ruled: `table { border-collapse: collapse; margin: 6pt 0; }
td { border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: middle; text-align: center; font-size: 10pt; }`,
	// Word's fixed column widths: every table as wide as the page, its columns equal, so labels
	// and column names wrap inside narrow cells.
	'ruled-fixed': `table { border-collapse: collapse; margin: 6pt 0; width: 100%; table-layout: fixed; }
td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; text-align: center; font-size: 10pt; }`,
	// As ruled-fixed, with numbers aligned to the right of their cells under centred names.
	'ruled-fixed-right': `table { border-collapse: collapse; margin: 6pt 0; width: 100%; table-layout: fixed; }
td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; text-align: center; font-size: 10pt; }
td.n { text-align: right; }`,
	borderless: `table { border-collapse: separate; border-spacing: 0; margin: 6pt 0; }
td { border: none; padding: 2pt 7pt; vertical-align: top; font-size: 10pt; }
td:first-child { max-width: 7em; }`,
};

/** The page Chromium prints: the article only, in a CJK font, A4 margins, the chosen table style. */
export function printableHtml(text: string, style: PdfStyle): string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", sans-serif; font-size: 12pt; line-height: 1.5; }
p { margin: 0 0 4pt; text-indent: 2em; }
${PDF_CSS[style]}
td.n { white-space: nowrap; }
</style></head><body>${bodyHtml(text)
		.replace(/<table[^>]*>/g, '<table>')
		// A number never wraps inside its cell (as in Word, whose columns fit their numbers).
		.replace(/<td([^>]*)>([^<]*\d[^<]*)<\/td>/g, (m, attrs: string, cell: string) =>
			/^[\s\d０-９.．+\-－增加减少万元]+$/.test(cell) ? `<td class="n"${attrs}>${cell}</td>` : m,
		)}</body></html>`;
}

/** Footer with the page number as `- N -` and a running header: both must be dropped. */
export const PDF_OPTIONS = {
	format: 'A4',
	displayHeaderFooter: true,
	headerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;font-family:sans-serif">某某镇人民政府政务公开</div>`,
	footerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:sans-serif">- <span class="pageNumber"></span> -</div>`,
	margin: { top: '25mm', bottom: '25mm', left: '25mm', right: '25mm' },
} as const;

// ---------------------------------------------------------------------------------------------
// DOCX (the docx package)

interface SourceCell {
	text: string;
	colspan: number;
	rowspan: number;
}

function tableCells(markup: string): SourceCell[][] {
	const tree = fromHtml(markup, { fragment: true });
	const rows: SourceCell[][] = [];
	const visit = (node: { children?: unknown[] }) => {
		for (const c of (node.children ?? []) as Element[]) {
			if (c.type !== 'element') continue;
			if (c.tagName === 'tr')
				rows.push(
					(c.children as Element[])
						.filter((td) => td.type === 'element' && td.tagName === 'td')
						.map((td) => ({
							text: td.children.map((t) => (t.type === 'text' ? t.value : '')).join(''),
							colspan: Number(td.properties.colSpan ?? 1),
							rowspan: Number(td.properties.rowSpan ?? 1),
						})),
				);
			else visit(c);
		}
	};
	visit(tree);
	return rows;
}

/** The report as a Word document: paragraphs, and real Word tables with merged cells. */
export async function docxOf(text: string): Promise<Uint8Array> {
	const children: (Paragraph | Table)[] = [];
	let pending: string[] = [];
	const flushTable = () => {
		if (pending.length === 0) return;
		const rows = tableCells(pending.join('\n'));
		children.push(
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: rows.map(
					(cells) =>
						new TableRow({
							children: cells.map(
								(cell) =>
									new TableCell({
										columnSpan: cell.colspan,
										rowSpan: cell.rowspan,
										children: [
											new Paragraph({
												alignment: AlignmentType.CENTER,
												children: [new TextRun({ text: cell.text, font: '宋体', size: 21 })],
											}),
										],
									}),
							),
						}),
				),
			}),
		);
		pending = [];
	};
	for (const line of text.split('\n')) {
		if (isMarkup(line)) {
			pending.push(line);
			if (line.startsWith('</table')) flushTable();
			continue;
		}
		flushTable();
		if (line.trim() === '') continue;
		children.push(
			new Paragraph({
				indent: { firstLine: 420 },
				children: [new TextRun({ text: line, font: '仿宋_GB2312', size: 32 })],
			}),
		);
	}
	flushTable();
	const doc = new Document({
		creator: 'test fixture',
		sections: [{ children }],
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
