/**
 * CJK fonts draw a radical and its ideograph with one glyph, and PDF writers (Chromium, Word's
 * PDF export) often map that glyph back to the radical's code point: 一 comes out as U+2F00 ⼀,
 * 马 as U+2EE2 ⻢. Readers see no difference, the parser does. Kangxi radicals have an NFKC
 * mapping; the CJK Radicals Supplement has none, so its whole-character forms are listed here
 * (Unicode's EquivalentUnifiedIdeograph.txt).
 */
const SUPPLEMENT: Record<string, string> = {
	'\u2e81': '厂',
	'\u2e8c': '小',
	'\u2e9d': '月',
	'\u2e9f': '母',
	'\u2ea0': '民',
	'\u2ea9': '王',
	'\u2eab': '目',
	'\u2eac': '示',
	'\u2eae': '竹',
	'\u2eb1': '网',
	'\u2eb7': '羊',
	'\u2ebb': '聿',
	'\u2ebc': '月',
	'\u2ebd': '臼',
	'\u2ec1': '虎',
	'\u2ec4': '西',
	'\u2ec5': '见',
	'\u2ec6': '角',
	'\u2ec9': '贝',
	'\u2ecb': '车',
	'\u2ed1': '長',
	'\u2ed3': '长',
	'\u2ed4': '门',
	'\u2ed7': '雨',
	'\u2ed8': '青',
	'\u2ed9': '韦',
	'\u2eda': '页',
	'\u2edb': '风',
	'\u2edc': '飞',
	'\u2edd': '食',
	'\u2ee2': '马',
	'\u2ee3': '骨',
	'\u2ee4': '鬼',
	'\u2ee5': '鱼',
	'\u2ee6': '鸟',
	'\u2ee7': '卤',
	'\u2ee8': '麦',
	'\u2ee9': '黄',
	'\u2eea': '黾',
	'\u2eec': '齐',
	'\u2eee': '齿',
	'\u2ef0': '龙',
	'\u2ef3': '龟',
};

export function unifyRadicals(text: string): string {
	return text.replace(/[\u2e80-\u2fdf]/g, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}
