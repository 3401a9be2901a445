/**
 * Pagefind's excerpts are HTML: escaped page text with <mark> around the matched words. The
 * results are drawn with text nodes, never innerHTML, so a page's text can never become markup;
 * this splits an excerpt into plain runs and marked runs.
 */

export interface ExcerptPart {
	text: string;
	marked: boolean;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Decodes the entities Pagefind writes (&amp; &lt; &#39; &#x27; …); unknown ones stay as typed. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff
				? String.fromCodePoint(code)
				: whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

/** The runs of an excerpt; adjacent marks (Pagefind marks 行政 and 处罚 apart) are joined. */
export function excerptParts(html: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	const push = (raw: string, marked: boolean) => {
		// Any other tag is dropped: only its text is kept.
		const text = decodeEntities(raw.replace(/<[^>]*>/g, ''));
		if (text === '') return;
		const last = parts[parts.length - 1];
		if (last && last.marked === marked) last.text += text;
		else parts.push({ text, marked });
	};
	const pattern = /<mark>([\s\S]*?)<\/mark>/g;
	let at = 0;
	for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
		push(html.slice(at, m.index), false);
		push(m[1]!, true);
		at = m.index + m[0].length;
	}
	push(html.slice(at), false);
	return parts;
}
