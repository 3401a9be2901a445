/** What a page offers: title, site name, attachments in the body, and a listing's report links. */
import { describe, expect, it } from 'vitest';
import {
	annualReportLinks,
	isAttachment,
	namesAnnualReport,
	readPageLinks,
} from '../../../src/lib/collect/page-links.ts';

const PAGE = `<!doctype html><html><head><meta name="SiteName" content="神木市人民政府">
<title>店塔镇2023年政府信息公开工作年度报告</title><base href="https://www.sxsm.gov.cn/zfxxgk/"></head><body>
<div class="top-nav"><a href="/help.pdf">帮助.pdf</a></div>
<header><a href="/index.html">首页</a></header>
<div class="article"><p>附件：</p>
<a href="files/2023%E5%B9%B4%E6%8A%A5.pdf#page=2">店塔镇2023年年报.pdf</a>
<a href="download.jsp?id=7">年度报告.docx</a>
<a href="https://www.sxsm.gov.cn/zfxxgk/files/2023%E5%B9%B4%E6%8A%A5.pdf">同一附件</a>
<a href="javascript:void(0)">打印</a>
<a href="other.html">政府信息公开工作年度报告（2022年）</a></div>
<footer><a href="/sitemap.doc">网站地图.doc</a></footer></body></html>`;

describe('readPageLinks', () => {
	const page = readPageLinks(PAGE, 'https://www.sxsm.gov.cn/zfxxgk/2024/01/x.html');

	it('reads the title and the site name the page states', () => {
		expect(page.title).toBe('店塔镇2023年政府信息公开工作年度报告');
		expect(page.siteName).toBe('神木市人民政府');
	});

	it('lists body attachments once each, resolved against <base>, without chrome or javascript: links', () => {
		expect(page.attachments.map((a) => a.url)).toEqual([
			'https://www.sxsm.gov.cn/zfxxgk/files/2023%E5%B9%B4%E6%8A%A5.pdf',
			'https://www.sxsm.gov.cn/zfxxgk/download.jsp?id=7',
		]);
		expect(page.links.some((l) => l.url.startsWith('javascript'))).toBe(false);
	});

	it('finds a listing’s links whose text names an annual report', () => {
		expect(annualReportLinks(page).map((l) => l.text)).toEqual([
			'政府信息公开工作年度报告（2022年）',
		]);
	});
});

describe('namesAnnualReport and isAttachment', () => {
	it('accepts 年度报告 and 年报 wordings, spaced or not, and refuses other notices', () => {
		expect(namesAnnualReport('旧县镇 2023 年政府信息公开工作年报')).toBe(true);
		expect(namesAnnualReport('XX镇政府信息公开 年度报告')).toBe(true);
		expect(namesAnnualReport('2023年政务公开工作要点')).toBe(false);
		expect(namesAnnualReport('财政年度报告')).toBe(false);
	});

	it('knows an attachment by its path or by its link text', () => {
		expect(isAttachment({ url: 'http://a.gov.cn/f/REPORT.PDF', text: '' })).toBe(true);
		expect(isAttachment({ url: 'http://a.gov.cn/dl?id=1', text: '年报.wps' })).toBe(true);
		expect(isAttachment({ url: 'http://a.gov.cn/a.html', text: '年报' })).toBe(false);
	});
});
