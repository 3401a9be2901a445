/**
 * Page chrome of a saved web page (FORMAT.md §9; issue 9 §2 item 11): the breadcrumb
 * (当前位置：首页 > … > 年度报告), the article's field block (标题：, 发布机构：, 发布日期：,
 * 索引号：, 文号：) and the footer (浏览次数, 【打印】【关闭】, 主办单位). These lines are never
 * the title or the body; their values are evidence for the metadata when the report's own text
 * does not say (the 标题 when no title is printed, the 发布机构 as a body name, the 发布日期
 * as a `web` publication date).
 */
import { compact, type SourceLines } from './source.ts';

const FIELD =
	/^(?:标题|题名|名称|发布机构|发文机关|发布单位|发布日期|发布时间|成文日期|生成日期|索引号|文号|发文字号|主题分类|主题词|体裁分类|组配分类|信息来源|来源|作者|浏览次数|访问次数|点击数|阅读次数|主办单位|承办单位|协办单位|技术支持|网站标识码|ICP备案|分享到|字号|【?字体)[:：]?/;
const BREADCRUMB = /^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)[:：]/;
const BUTTONS = /^(?:【[^】]{1,8}】\s*)+$|^\[(?:打印|关闭)[^\]]*\]/;

/** Whether a line is page chrome (compact text, as in `compact()`). */
export function isChromeLine(text: string): boolean {
	if (!text) return false;
	if (BREADCRUMB.test(text) || BUTTONS.test(text)) return true;
	const m = FIELD.exec(text);
	// "来源于…" is prose; a field name is followed by its colon (or nothing at all).
	return m !== null && (/[:：]$/.test(m[0]) || text.length === m[0].length);
}

export interface ChromeEvidence {
	/** The 标题 field's value. */
	title: string | null;
	/** The 发布机构 / 发文机关 field's value. */
	publisher: string | null;
	/** The 发布日期 / 发布时间 field's date, ISO. */
	date: string | null;
}

/** Field names that start a value in a chrome line; several may share one line. */
const FIELD_NAMES =
	/(?:标题|题名|发布机构|发文机关|发布单位|发布日期|发布时间|成文日期|生成日期|索引号|文号|发文字号|主题分类|信息来源|来源|浏览次数|访问次数|点击数|阅读次数|浏览量)[:：]/g;

/** The values of the chrome fields anywhere in the text (the first of each). */
export function chromeEvidence(src: SourceLines): ChromeEvidence {
	const fields = new Map<string, string>();
	for (const line of src.norm) {
		// Every field has its colon; skip the other lines without compacting them.
		if (!line.includes(':') && !line.includes('：')) continue;
		const text = compact(line);
		if (!isChromeLine(text)) continue;
		// "索引号:…发布机构:某镇人民政府发布日期:2024-01-02": one value runs to the next field name.
		const names = [...text.matchAll(FIELD_NAMES)];
		names.forEach((m, i) => {
			const name = m[0].slice(0, -1);
			const end = names[i + 1]?.index ?? text.length;
			if (!fields.has(name)) fields.set(name, text.slice(m.index + m[0].length, end).trim());
		});
	}
	const value = (...names: string[]) =>
		names.map((n) => fields.get(n)).find((v) => v !== undefined && v !== '') ?? null;
	const publisher = value('发布机构', '发文机关', '发布单位');
	const dateText = value('发布日期', '发布时间');
	return {
		title: value('标题', '题名'),
		publisher: publisher && /^[\u4e00-\u9fa5]{2,40}$/.test(publisher) ? publisher : null,
		date: dateText ? isoDateOf(dateText) : null,
	};
}

/** 2024-01-18, 2024/1/18, 2024.01.18 or 2024年1月18日 at the start of a text. */
export function isoDateOf(text: string): string | null {
	const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})/.exec(text);
	if (!m) return null;
	const [month, day] = [Number(m[2]), Number(m[3])];
	if (month < 1 || month > 12 || day < 1 || day > 31) return null;
	return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
