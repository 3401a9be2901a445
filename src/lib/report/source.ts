/**
 * The source as lines, twice: `raw` exactly as published (for provenance and display) and
 * `norm`, a same-length copy for matching: full-width ASCII folded, odd spaces made plain,
 * Word artefacts blanked, Traditional characters made Simplified. Keeping both the same
 * length means a column found in `norm` is the column in `raw`.
 */
import * as OpenCC from 'opencc-js/t2cn';

export interface SourceLines {
	raw: string[];
	norm: string[];
	/** True when Traditional characters were converted before matching. */
	convertedTraditional: boolean;
}

// Zero-width characters carry nothing a reader sees; drop them so they cannot split a keyword.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// One pass for everything that is rewritten at the same length: full-width ASCII, odd spaces, Word
// artefacts.
const SAME_LENGTH_FIXES =
	/[\uff01-\uff5e]|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|\[bookmark:[^\]]*\]|\*\*/g;
const foldChar = (m: string) => {
	if (m.length > 1) return ' '.repeat(m.length);
	const code = m.charCodeAt(0);
	return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ' ';
};
/** Characters that exist only in Traditional script and are common in these reports. */
const TRADITIONAL_HINT =
	/[開關機請處複議訟結數規範書經審終維護費單萬項條務體號縣鎮鄉區報過權資訊與這們個為來時對發業會動實現還點應據態於產從問題辦統計總轉屬國檔無層級狀況證際內訴願]/;

let toSimplified: ((s: string) => string) | null = null;

export function splitSource(text: string): SourceLines {
	const clean = text.replace(ZERO_WIDTH, '').replace(/\r\n?|\f|\u2028|\u2029/g, '\n');
	const convertedTraditional = TRADITIONAL_HINT.test(clean);
	let norm = clean.replace(SAME_LENGTH_FIXES, foldChar);
	if (convertedTraditional) {
		toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
		const converted = toSimplified(norm);
		// OpenCC converts character for character here; keep the original if a length ever changes.
		if (converted.length === norm.length) norm = converted;
	}
	return { raw: clean.split('\n'), norm: norm.split('\n'), convertedTraditional };
}

/** Label text for matching: no spaces, no markdown, simplified separators. */
export function compact(s: string): string {
	return s.replace(/[\s#>*`]+/g, '');
}
