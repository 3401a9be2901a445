/**
 * A report published as HTML (a saved page, a fragment, Word's "save as web page", a page that
 * keeps the report as an escaped string in a <script>) → the report's text. Parsed with a real
 * HTML parser (hast-util-from-html, parse5), never with patterns over tags. Page chrome
 * (navigation, breadcrumbs, share buttons, footers, the 发布机构/发布日期 block) stays out of
 * the text; that block is read as `webMeta`. Tables become pipe rows with spans resolved.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { findEmbeddedPage } from './embedded-page.ts';
import { EMPTY_CELL_MARK, gridToPipeLines, resolveSpans, type GridCell } from './grid.ts';
import { isWebMetaBlock, readWebMeta, type WebMeta } from './web-meta.ts';

export interface HtmlText {
	text: string;
	webMeta: WebMeta;
	notes: string[];
}

/** Never part of the text. */
const SKIPPED = new Set([
	'head',
	'script',
	'style',
	'noscript',
	'template',
	'iframe',
	'object',
	'embed',
	'svg',
	'canvas',
	'button',
	'select',
	'input',
	'textarea',
	'map',
]);
/** Page chrome by element name. */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);
/** Page chrome by class or id, as publishers' templates name it. */
const CHROME_NAME =
	/(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|bread|share|bdshare\w*|fenxiang|footer|foot|header|top|toolbar|sidebar|side|copyright|position|location|weizhi|dqwz|print|close|related|xgwz)(?:[-_\s\d]|$)/i;
const BLOCK = new Set([
	'address',
	'article',
	'blockquote',
	'body',
	'center',
	'dd',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'li',
	'main',
	'ol',
	'p',
	'pre',
	'section',
	'ul',
	'tr',
	'td',
	'th',
	'caption',
	'table',
]);
/** The container holding at least this share of the page's text is the article. */
const ARTICLE_SHARE = 0.8;

/** The decoded HTML of a report page → its text, the page's information block and notes. */
export function htmlToText(html: string, depth = 0): HtmlText {
	const tree = fromHtml(html);
	const notes: string[] = [];
	const body = findBody(tree);
	const chromeText: string[] = [];
	const chrome = new Set<Element>();
	markChrome(body, chrome);
	const article = findArticle(body, chrome);
	const outside = [...chrome];
	if (article !== body) outside.push(...siblingsOutside(body, article));
	for (const el of outside) chromeText.push(...blockLines(el, new Set()));
	if (chrome.size > 0 || article !== body) notes.push('网页导航、页眉页脚和信息栏未计入正文');
	let lines = blockLines(article, chrome);
	const webMeta = readWebMeta(chromeText);

	if (depth === 0 && !looksLikeReport(lines)) {
		const embedded = findEmbeddedPage(tree);
		if (embedded) {
			const inner = htmlToText(embedded, depth + 1);
			if (looksLikeReport(inner.text.split('\n'))) {
				return {
					text: inner.text,
					webMeta: { ...webMeta, ...inner.webMeta },
					notes: ['正文取自网页脚本中保存的报告内容', ...inner.notes],
				};
			}
		}
	}
	lines = withTitle(lines, webMeta, tree);
	return { text: tidy(lines), webMeta, notes };
}

function findBody(tree: Root): Element {
	const html = tree.children.find(
		(n): n is Element => n.type === 'element' && n.tagName === 'html',
	);
	const body = html?.children.find(
		(n): n is Element => n.type === 'element' && n.tagName === 'body',
	);
	return body ?? { type: 'element', tagName: 'body', properties: {}, children: [] };
}

function isHidden(el: Element): boolean {
	if (el.properties.hidden) return true;
	const style = String(el.properties.style ?? '')
		.replace(/\s/g, '')
		.toLowerCase();
	return style.includes('display:none') || style.includes('mso-hide:all');
}

/** Navigation, footers, share bars and the information block: kept out of the article text. */
function markChrome(el: Element, chrome: Set<Element>): void {
	for (const child of el.children) {
		if (child.type !== 'element' || SKIPPED.has(child.tagName)) continue;
		const names = [
			...((child.properties.className as string[] | undefined) ?? []),
			String(child.properties.id ?? ''),
		].join(' ');
		if (CHROME_TAGS.has(child.tagName) || (CHROME_NAME.test(names) && !holdsReport(child))) {
			chrome.add(child);
			continue;
		}
		if (isWebMetaBlock(plainText(child))) {
			chrome.add(child);
			continue;
		}
		markChrome(child, chrome);
	}
}

/** A container named like chrome that holds the report itself (a "top" wrapper) is not chrome. */
function holdsReport(el: Element): boolean {
	return textLength(el, new Set()) > 600;
}

/** The deepest non-table element that holds most of the page's text. */
function findArticle(body: Element, chrome: Set<Element>): Element {
	const total = textLength(body, chrome);
	let current = body;
	for (;;) {
		const next = current.children.find(
			(c): c is Element =>
				c.type === 'element' &&
				!chrome.has(c) &&
				!['table', 'tbody', 'tr', 'td', 'th', 'p', 'li'].includes(c.tagName) &&
				textLength(c, chrome) >= total * ARTICLE_SHARE,
		);
		if (!next || total === 0) return current;
		current = next;
	}
}

/** Elements beside the article's ancestors (page parts around it), for the information block. */
function siblingsOutside(body: Element, article: Element): Element[] {
	const out: Element[] = [];
	const visit = (el: Element): boolean => {
		if (el === article) return true;
		let onPath = false;
		const off: Element[] = [];
		for (const c of el.children) {
			if (c.type !== 'element') continue;
			if (visit(c)) onPath = true;
			else off.push(c);
		}
		if (onPath) out.push(...off);
		return onPath;
	};
	visit(body);
	return out;
}

function textLength(node: Element | ElementContent, chrome: Set<Element>): number {
	if (node.type === 'text') return node.value.replace(/\s/g, '').length;
	if (node.type !== 'element' || SKIPPED.has(node.tagName) || chrome.has(node) || isHidden(node))
		return 0;
	let n = 0;
	for (const c of node.children) n += textLength(c, chrome);
	return n;
}

function plainText(node: Element | ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type !== 'element' || SKIPPED.has(node.tagName) || isHidden(node)) return '';
	const sep = BLOCK.has(node.tagName) || node.tagName === 'br' ? '\n' : '';
	return sep + node.children.map(plainText).join('') + sep;
}

/** The element's text as lines: one per block, tables as pipe rows framed by blank lines. */
function blockLines(root: Element, chrome: Set<Element>): string[] {
	const lines: string[] = [];
	let current = '';
	const flush = () => {
		const line = collapse(current);
		if (line) lines.push(line);
		current = '';
	};
	const walk = (node: RootContent | ElementContent) => {
		if (node.type === 'text') {
			current += node.value;
			return;
		}
		if (node.type !== 'element') return;
		if (SKIPPED.has(node.tagName) || chrome.has(node) || isHidden(node)) return;
		if (node.tagName === 'br') return flush();
		if (node.tagName === 'table' && isDataTable(node)) {
			flush();
			lines.push('', ...gridToPipeLines(resolveSpans(tableRows(node))), '');
			return;
		}
		const block = BLOCK.has(node.tagName);
		if (block) flush();
		for (const c of node.children) walk(c);
		if (block) flush();
	};
	walk(root);
	flush();
	return lines;
}

/** A table of data, not a layout table: no table inside it and more than one column. */
function isDataTable(table: Element): boolean {
	const rows = tableRows(table);
	if (rows.some((r) => r.length > 1) === false) return false;
	let nested = false;
	const visit = (el: Element) => {
		for (const c of el.children)
			if (c.type === 'element') {
				if (c.tagName === 'table') nested = true;
				else visit(c);
			}
	};
	visit(table);
	return !nested;
}

/** The <tr> of this table (not of tables inside it) and their cells. */
function tableRows(table: Element): GridCell[][] {
	const rows: GridCell[][] = [];
	const visit = (el: Element) => {
		for (const c of el.children) {
			if (c.type !== 'element' || isHidden(c)) continue;
			if (c.tagName === 'tr') {
				rows.push(
					c.children
						.filter((td): td is Element => td.type === 'element' && /^t[dh]$/.test(td.tagName))
						.map((td) => ({
							// An empty cell keeps its column (a slot a span covers stays '').
							text: cellText(td) || EMPTY_CELL_MARK,
							colspan: Number(td.properties.colSpan ?? 1) || 1,
							rowspan: Number(td.properties.rowSpan ?? 1),
						})),
				);
			} else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) visit(c);
		}
	};
	visit(table);
	return rows;
}

/** A cell's text on one line: its paragraphs joined (a label wrapped in Word is one label). */
function cellText(td: Element): string {
	const parts = plainText(td)
		.split('\n')
		.map(collapse)
		.filter((p) => p !== '');
	return parts.reduce(
		(acc, part) =>
			acc === ''
				? part
				: /[\x21-\x7e]$/.test(acc) && /^[\x21-\x7e]/.test(part)
					? `${acc} ${part}`
					: acc + part,
		'',
	);
}

/** Whitespace as a browser shows it: runs collapsed, ends trimmed (NBSP and U+3000 too). */
function collapse(s: string): string {
	return s.replace(/[ \t\r\n\f]+/g, ' ').replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

function looksLikeReport(lines: string[]): boolean {
	const text = lines.join('');
	return /年度报告|政府信息公开/.test(text) && text.replace(/[^\u4e00-\u9fff]/g, '').length >= 200;
}

/** The page title (from its information block or first heading) when the article omits it. */
function withTitle(lines: string[], webMeta: WebMeta, tree: Root): string[] {
	const head = lines.slice(0, 6).join('');
	if (/年度报告/.test(head)) return lines;
	const heading = firstHeading(tree);
	const title = [webMeta.title, heading].find((t) => t && /年度报告/.test(t));
	return title ? [title, ...lines] : lines;
}

function firstHeading(tree: Root): string | undefined {
	let found: string | undefined;
	const visit = (node: Root | ElementContent | RootContent) => {
		if (found || !('children' in node)) return;
		if (node.type === 'element' && /^h[1-3]$/.test(node.tagName)) {
			found = collapse(plainText(node).replace(/\n/g, ''));
			return;
		}
		for (const c of node.children) visit(c);
	};
	visit(tree);
	return found;
}

/** Lines joined; runs of blank lines become one; no blank line at either end. */
function tidy(lines: string[]): string {
	const out: string[] = [];
	for (const l of lines) if (l !== '' || (out.length > 0 && out.at(-1) !== '')) out.push(l);
	while (out.at(-1) === '') out.pop();
	return out.join('\n') + '\n';
}
