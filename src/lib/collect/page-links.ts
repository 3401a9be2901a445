/**
 * What a fetched HTML page offers the collector: its title and site name (for the provenance),
 * the attachments its article body links (a report page is often only a wrapper around a .pdf
 * or .doc), and, on a listing page, the links whose text names a 政府信息公开工作年度报告.
 * Links in the page's navigation, header, footer and sidebars are not the article's own.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

export interface PageLink {
	/** Absolute URL, fragment removed. */
	url: string;
	/** The link's visible text, spaces collapsed. */
	text: string;
}

export interface PageLinks {
	title: string | null;
	/** `<meta name="SiteName">` (the government site standard) or `og:site_name`. */
	siteName: string | null;
	/** Attachment links (.pdf, .doc, .docx, .wps, .txt) outside navigation, header, footer and asides. */
	attachments: PageLink[];
	/** Every link outside the page chrome, in document order. */
	links: PageLink[];
}

/** The forms a report is published in as an attachment. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'wps', 'txt'] as const;

const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript']);
const CHROME_CLASS = /(^|[\s_-])(nav|menu|header|footer|sidebar|breadcrumb)([\s_-]|$)/i;

export function readPageLinks(html: string, pageUrl: string): PageLinks {
	const tree = fromHtml(html);
	let base = pageUrl;
	let title: string | null = null;
	let siteName: string | null = null;
	const links: PageLink[] = [];
	const seen = new Set<string>();

	const visit = (node: Root | RootContent, inChrome: boolean) => {
		if (node.type !== 'element' && node.type !== 'root') return;
		if (node.type === 'element') {
			const tag = node.tagName;
			if (tag === 'base' && typeof node.properties.href === 'string')
				base = absolute(node.properties.href, pageUrl) ?? base;
			if (tag === 'title' && title === null) title = collapse(toText(node)) || null;
			if (tag === 'meta') siteName ??= metaSiteName(node);
			inChrome ||= CHROME.has(tag) || CHROME_CLASS.test(classAndId(node));
			if (tag === 'a' && !inChrome && typeof node.properties.href === 'string') {
				const url = absolute(node.properties.href, base);
				if (url && /^https?:/.test(url) && !seen.has(url)) {
					seen.add(url);
					links.push({ url, text: collapse(toText(node)) });
				}
				return;
			}
		}
		for (const child of node.children) visit(child, inChrome);
	};
	visit(tree, false);
	return { title, siteName, attachments: links.filter(isAttachment), links };
}

/** Links on a listing page whose text names an annual 政府信息公开 report (年度报告 or 年报). */
export function annualReportLinks(page: PageLinks): PageLink[] {
	return page.links.filter((link) => namesAnnualReport(link.text));
}

export function namesAnnualReport(text: string): boolean {
	const t = text.replace(/\s+/g, '');
	return /政府信息公开/.test(t) && /(年度报告|年报)/.test(t);
}

/** An attachment by its URL's extension, or by the extension its link text ends with (download.jsp?id=…). */
export function isAttachment(link: PageLink): boolean {
	const pattern = new RegExp(`\\.(${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');
	return pattern.test(new URL(link.url).pathname) || pattern.test(link.text);
}

function metaSiteName(node: Element): string | null {
	const name = String(node.properties.name ?? node.properties.property ?? '').toLowerCase();
	if (name !== 'sitename' && name !== 'og:site_name') return null;
	const content = node.properties.content;
	return typeof content === 'string' && content.trim() !== '' ? content.trim() : null;
}

function classAndId(node: Element): string {
	const className = node.properties.className;
	const classes = Array.isArray(className) ? className.join(' ') : String(className ?? '');
	return `${classes} ${String(node.properties.id ?? '')}`;
}

function absolute(href: string, base: string): string | null {
	try {
		const url = new URL(href.trim(), base);
		url.hash = '';
		return url.href;
	} catch {
		return null;
	}
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
