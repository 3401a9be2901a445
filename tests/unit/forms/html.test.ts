/** HTML → report text: the article without chrome, data tables as pipe rows, hidden parts left out. */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/lib/report/extract/html.ts';

const PROSE = '本机关坚持以公开为常态、不公开为例外，认真落实政府信息公开条例的各项要求。'.repeat(
	6,
);

describe('htmlToText', () => {
	it('resolves spans, marks &nbsp; cells as empty cells (␀) and decodes entities', () => {
		const { text } = htmlToText(
			'<table><tr><td rowspan="2">组</td><td>甲&amp;乙</td><td>&nbsp;</td></tr><tr><td colspan="2">2</td></tr></table>',
		);
		expect(text).toBe('| 组 | 甲&乙 | \u2400 |\n|---|---|---|\n| | 2 | |\n');
	});

	it('tells an empty cell (␀) from a slot a merged cell covers (left empty)', () => {
		const { text } = htmlToText(
			'<table><tr><td>行</td><td></td><td> </td><td colspan="2">1</td></tr></table>',
		);
		expect(text).toBe('| 行 | \u2400 | \u2400 | 1 | |\n|---|---|---|---|---|\n');
	});

	it('reads a layout table (a table around tables) as blocks, and joins a label split by <br> and spans', () => {
		const { text } = htmlToText(
			`<table><tr><td><p>一、总体情况</p><table><tr><td>（二）部分<br><span>公开</span></td><td>3</td></tr></table></td></tr></table>`,
		);
		expect(text).toBe('一、总体情况\n\n| （二）部分公开 | 3 |\n|---|---|\n');
	});

	it('leaves out hidden elements, scripts, styles and Word comments', () => {
		const { text } = htmlToText(
			`<style>p{}</style><p>正文</p><p style="display: none">99</p><p style='mso-hide:all'>98</p><script>var x = 97</script><!--[if gte mso 9]>96<![endif]-->`,
		);
		expect(text).toBe('正文\n');
	});

	it('drops navigation, breadcrumb, share bar and footer, and reads the information block as webMeta', () => {
		const { text, webMeta } = htmlToText(`<html><body>
<div class="nav">首页 政务公开</div><div class="crumbs">当前位置：首页 &gt; 年度报告</div>
<div class="content"><div class="info">发布机构：某镇人民政府　发布日期：2025-01-21</div>
<p>某镇人民政府2024年政府信息公开工作年度报告</p><p>${PROSE}</p></div>
<div class="share">分享到：微信</div><div id="footer">ICP备12345678号</div></body></html>`);
		expect(text).toBe(`某镇人民政府2024年政府信息公开工作年度报告\n${PROSE}\n`);
		expect(webMeta).toMatchObject({ publisher: '某镇人民政府', publicationDate: '2025-01-21' });
	});

	it('puts the page heading first when the article leaves out the title', () => {
		const { text } = htmlToText(
			`<body><h1>某镇2024年政府信息公开工作年度报告</h1><div class="article"><p>${PROSE}</p><p>${PROSE}</p></div><div class="foot">版权所有</div></body>`,
		);
		expect(text.split('\n')[0]).toBe('某镇2024年政府信息公开工作年度报告');
	});

	it('reads a page kept as escaped markup in a <textarea> or a script string', () => {
		const article = `<p>某镇2024年政府信息公开工作年度报告</p><p>${PROSE}</p>`;
		const escaped = article.replaceAll('<', '&lt;').replaceAll('>', '&gt;');
		expect(
			htmlToText(`<body><div id="c"></div><textarea hidden>${escaped}</textarea></body>`).text,
		).toBe(`某镇2024年政府信息公开工作年度报告\n${PROSE}\n`);
		const script = `<body><div id="c"></div><script>document.write('${article.slice(0, 40)}' + '${article.slice(40)}');</script></body>`;
		expect(htmlToText(script).text).toBe(`某镇2024年政府信息公开工作年度报告\n${PROSE}\n`);
	});
});
