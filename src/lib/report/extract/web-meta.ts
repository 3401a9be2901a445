/**
 * The information block government sites print around a published document (发布机构 /
 * 发布日期 / 索引号 / 文号 / 标题, as label–value pairs in a table or a line). It is page
 * chrome, never the report's title or body, but it is evidence: the publication date of a web
 * page, the issuing body, the document number.
 */

export interface WebMeta {
	title?: string;
	publisher?: string;
	/** ISO date (YYYY-MM-DD) of the web publication. */
	publicationDate?: string;
	/** The date as printed on the page. */
	publicationDateRaw?: string;
	indexNumber?: string;
	documentNumber?: string;
}

/** Each field's labels, preferred first. */
const FIELDS: [keyof WebMeta, string[]][] = [
	['title', ['标题', '信息名称', '名称']],
	['publisher', ['发布机构', '发文机关', '发布单位', '公开主体', '信息来源', '来源']],
	['publicationDateRaw', ['发布日期', '发布时间', '公开日期', '成文日期', '生成日期', '日期']],
	['indexNumber', ['索引号']],
	['documentNumber', ['发文字号', '文号']],
];
const ALL_LABELS = FIELDS.flatMap(([, labels]) => labels).sort((a, b) => b.length - a.length);
// A label followed by a colon (or a tab: label and value in neighbouring table cells).
// Labels are often spaced out to line up (标　　题, 文　　号).
const SPACES = '[ \\u00a0\\u3000]*';
const LABEL_AT = new RegExp(
	`(${ALL_LABELS.map((l) => [...l].join(SPACES)).join('|')})${SPACES}(?:[:：]|\\t)`,
	'g',
);
const labelOf = (printed: string) => printed.replace(/[ \u00a0\u3000]/g, '');
const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** The label–value pairs of lines such as `发布机构：某镇人民政府　发布日期：2024-01-20`. */
export function readWebMeta(lines: string[]): WebMeta {
	const found = new Map<string, string>();
	for (const line of lines) {
		const hits = [...line.matchAll(LABEL_AT)];
		hits.forEach((hit, i) => {
			const end = hits[i + 1]?.index ?? line.length;
			const value = line
				.slice(hit.index + hit[0].length, end)
				.replace(/[\s\u00a0\u3000]+/g, ' ')
				.trim();
			const label = labelOf(hit[1]!);
			if (value && value.length <= 120 && !found.has(label)) found.set(label, value);
		});
	}
	const meta: WebMeta = {};
	for (const [field, labels] of FIELDS) {
		const label = labels.find((l) => found.has(l));
		if (label) meta[field] = found.get(label)!;
	}
	const date = meta.publicationDateRaw ? DATE.exec(meta.publicationDateRaw) : null;
	if (date) {
		const [, y, m, d] = date;
		const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
		if (!Number.isNaN(Date.parse(iso))) meta.publicationDate = iso;
	}
	return meta;
}

/**
 * Whether a piece of text is such a block: two or more of the labels, and little else (at most
 * about 50 characters per label: a title, a name, a date), so an article that happens to start
 * with a 发布时间 line is not taken for one.
 */
export function isWebMetaBlock(text: string): boolean {
	const length = text.replace(/\s/g, '').length;
	if (length > 400) return false;
	const labels = new Set([...text.matchAll(LABEL_AT)].map((m) => labelOf(m[1]!)));
	return labels.size >= 2 && length <= 50 * labels.size;
}
