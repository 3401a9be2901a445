/**
 * Some sites keep the report as a string inside a <script> (`var content = "<p>…"`,
 * `document.write('…')`, a JSON blob) or as escaped markup in a <textarea>, and build the page
 * in the browser. This finds that string: the script's string literals are unescaped (JS
 * escapes, then HTML entities when the markup itself is escaped) and the richest one is the page.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

// One JavaScript string literal in single, double or back quotes, escapes included.
const STRING_LITERAL =
	/"((?:\\[\s\S]|[^"\\])*)"|'((?:\\[\s\S]|[^'\\])*)'|`((?:\\[\s\S]|[^`\\])*)`/g;
const HAS_MARKUP = /<\s*(?:p|div|table|tr|td|span|br|h\d)\b/i;
const HAS_ESCAPED_MARKUP = /&lt;\s*(?:p|div|table|tr|td|span|br|h\d)\b/i;

/** The embedded page with the most Chinese text, as HTML, or null when there is none. */
export function findEmbeddedPage(tree: Root): string | null {
	const candidates: string[] = [];
	const visit = (node: Root | RootContent | ElementContent) => {
		if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'textarea')) {
			const raw = textOf(node);
			if (node.tagName === 'textarea') candidates.push(raw);
			else candidates.push(...scriptStrings(raw));
			return;
		}
		if ('children' in node) for (const c of node.children) visit(c);
	};
	visit(tree);
	let best: string | null = null;
	let bestScore = 0;
	for (const c of candidates) {
		const html = HAS_MARKUP.test(c) ? c : HAS_ESCAPED_MARKUP.test(c) ? decodeEntities(c) : null;
		if (!html) continue;
		const score = html.replace(/[^\u4e00-\u9fff]/g, '').length;
		if (score > bestScore) {
			best = html;
			bestScore = score;
		}
	}
	return best;
}

function textOf(el: Element): string {
	return el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}

/**
 * The string literals of a script, unescaped; literals joined with `+` (a page written out in
 * pieces) count as one string.
 */
function scriptStrings(script: string): string[] {
	const out: string[] = [];
	let joined = '';
	let lastEnd = -1;
	for (const m of script.matchAll(STRING_LITERAL)) {
		const value = unescapeJs(m[1] ?? m[2] ?? m[3] ?? '');
		const between = lastEnd >= 0 ? script.slice(lastEnd, m.index) : '';
		if (lastEnd >= 0 && /^\s*\+\s*$/.test(between)) joined += value;
		else {
			if (joined) out.push(joined);
			joined = value;
		}
		lastEnd = m.index + m[0].length;
	}
	if (joined) out.push(joined);
	return out;
}

function unescapeJs(s: string): string {
	return s.replace(
		/\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([\s\S]))/g,
		(_, cp, u4, x2, ch: string | undefined) => {
			if (cp || u4 || x2) return String.fromCodePoint(parseInt(cp ?? u4 ?? x2, 16));
			return (
				(
					{ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' } as Record<
						string,
						string
					>
				)[ch!] ?? (ch === '\n' ? '' : ch!)
			);
		},
	);
}

/** HTML entities decoded by the HTML parser itself: the escaped markup read as text. */
function decodeEntities(s: string): string {
	const tree = fromHtml(`<textarea>${s.replaceAll('</textarea', '&lt;/textarea')}</textarea>`, {
		fragment: true,
	});
	const area = tree.children[0];
	return area && area.type === 'element' ? textOf(area) : s;
}
