/**
 * Turn a report file's bytes into text. Reports arrive as UTF-8 (with or without BOM),
 * GB18030/GBK from older Windows tools, or UTF-16 from Word's "Unicode text" export (often
 * without a BOM). Without a BOM the encoding is the candidate whose decoded text looks most
 * like a Chinese report (see `plausibility`), so one damaged byte never flips a whole UTF-8 file
 * to GB18030; bytes no candidate can read become U+FFFD and are reported by line and column.
 */

export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
	/** Damage found while decoding (replaced bytes, stripped NULs); only present when there is some. */
	notes?: DecodeNote[];
}

/** A decoding problem at a place in the decoded text (1-based line and column). */
export interface DecodeNote {
	line: number;
	col: number;
	ruleId: 'encoding-replaced' | 'nul-stripped';
	severity: 'warning';
	message: string;
}

/**
 * Why a file is refused: `not-a-report` (text that is no annual report, or no text at all),
 * `form-unreadable` (a file whose form cannot be read: binary data, archive, image, scan, a
 * broken PDF or Word file, a legacy .doc).
 */
export type RejectionRule = 'not-a-report' | 'form-unreadable';

/**
 * Thrown when bytes cannot be a report at all. The message is one line in Chinese for
 * curators, saying what the file is and what to do; `ruleId` names the registry rule.
 */
export class ReportRejection extends Error {
	override name = 'ReportRejection';
	readonly ruleId: RejectionRule;
	constructor(message: string, ruleId: RejectionRule = 'not-a-report') {
		super(message);
		this.ruleId = ruleId;
	}
}

type Candidate = Exclude<DecodedText['encoding'], 'utf-8-bom'>;

/** How much of a file the candidates are scored on: enough for any report's first pages. */
const SAMPLE_BYTES = 64 * 1024;
/** A NUL here means a binary file; past it, a stray NUL in a long text is damage to strip. */
const BINARY_WINDOW = 8192;
/** Replaced bytes listed one by one before the rest are summed up in one message. */
const LISTED_REPLACEMENTS = 5;

export function decodeReport(bytes: Uint8Array): DecodedText {
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return finish(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8-bom');
	}
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
		return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
	}
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
	}
	const utf16 = guessBomlessUtf16(bytes);
	if (utf16) return finish(new TextDecoder(utf16).decode(bytes), utf16);
	if (looksBinary(bytes)) {
		throw new ReportRejection(
			'二进制数据，不是文字报告，也不是网页、PDF 或 Word 文档；请把报告存为纯文本（UTF-8 或 GBK 编码的 .txt）、网页、PDF 或 .docx 后再放入 content/reports/',
			'form-unreadable',
		);
	}
	try {
		return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
	} catch {
		// Not valid UTF-8 throughout: let the candidates compete on what their text looks like.
		const encoding = bestCandidate(bytes, ['utf-8', 'gb18030']);
		return finish(new TextDecoder(encoding).decode(bytes), encoding);
	}
}

/** Strip NULs and note them and any replaced bytes, with their places in the text. */
function finish(decoded: string, encoding: DecodedText['encoding']): DecodedText {
	const notes: DecodeNote[] = [];
	let text = decoded;
	const firstNul = text.indexOf('\0');
	if (firstNul !== -1) {
		const count = text.split('\0').length - 1;
		notes.push({
			...positionOf(text, firstNul),
			ruleId: 'nul-stripped',
			severity: 'warning',
			message: `文件中有 ${count} 个 NUL 空字节（0x00），已删除；请检查文件是否在复制或转换时损坏`,
		});
		text = text.replaceAll('\0', '');
	}
	// A run of U+FFFD is one damaged place (a broken multi-byte character gives several).
	const replaced: number[] = [];
	for (let at = text.indexOf('\ufffd'); at !== -1; at = text.indexOf('\ufffd', at + 1))
		if (text[at - 1] !== '\ufffd') replaced.push(at);
	replaced.slice(0, LISTED_REPLACEMENTS).forEach((at, i) =>
		notes.push({
			...positionOf(text, at),
			ruleId: 'encoding-replaced',
			severity: 'warning',
			message:
				i === 0
					? `按 ${encoding} 读取时有 ${replaced.length} 处字节无法解码，已替换为 �；请核对此处原文（或把原文件重新另存为 UTF-8）`
					: `按 ${encoding} 读取时此处字节无法解码，已替换为 �`,
		}),
	);
	return notes.length > 0 ? { text, encoding, notes } : { text, encoding };
}

function positionOf(text: string, index: number): { line: number; col: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, col: index - lineStart + 1 };
}

/** The candidate whose decoded sample scores best; ties go to the first listed. */
function bestCandidate(bytes: Uint8Array, candidates: Candidate[]): Candidate {
	const sample = bytes.subarray(0, SAMPLE_BYTES);
	let best = candidates[0]!;
	let bestScore = -Infinity;
	for (const c of candidates) {
		const score = plausibility(new TextDecoder(c).decode(sample)) / Math.max(1, sample.length);
		if (score > bestScore) {
			best = c;
			bestScore = score;
		}
	}
	return best;
}

/** Characters that make up much of every annual report; mojibake rarely produces them. */
const COMMON =
	'的一是了在人有中年和政府信息公开工作报告申请数量情况本行处理复议诉讼件及等依法规定部门镇乡街道办事区县市省委会发布主动全面进提高加强管理服务平台网站群众意见问题改进其他需要项目决定总体条例组织单位机关予以不国家保密第三方合法权益内部过程性执法查询掌握制作补正更改重复收费维持纠错结果尚未审结计新结转上下';
const COMMON_SET = new Set(COMMON);

/**
 * How much decoded text looks like a Chinese report: common characters and punctuation score
 * high, other CJK and ASCII a little, and what wrong decodings produce (U+FFFD, control
 * characters, private-use, Hangul and Yi syllables, lone surrogates) scores below zero.
 */
export function plausibility(text: string): number {
	let score = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		if (COMMON_SET.has(ch)) score += 4;
		else if (c >= 0x4e00 && c <= 0x9fff) score += 1;
		else if (c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c < 0x7f)) score += 1;
		else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef && c !== 0xfffd))
			score += 3;
		else if (c === 0xfffd) score -= 20;
		else if (c < 0x20 || c === 0x7f) score -= 10;
		else if (
			(c >= 0xa000 && c <= 0xa4cf) ||
			(c >= 0xac00 && c <= 0xdfff) ||
			(c >= 0xe000 && c <= 0xf8ff)
		)
			score -= 4;
	}
	return score;
}

/**
 * BOM-less UTF-16. ASCII-heavy text shows a zero byte in every other position; mostly Chinese
 * text does not, so it is recognised when its UTF-16 reading is clearly the most plausible.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const sample = Math.min(bytes.length, 4096) & ~1;
	if (sample < 8) return null;
	let zeroEven = 0;
	let zeroOdd = 0;
	for (let i = 0; i < sample; i++) {
		if (bytes[i] === 0) {
			if (i % 2 === 0) zeroEven++;
			else zeroOdd++;
		}
	}
	const pairs = sample / 2;
	// CJK code points such as 一 (U+4E00) also contain zero bytes, so compare the two sides.
	if (zeroOdd > pairs * 0.2 && zeroEven * 4 < zeroOdd) return 'utf-16le';
	if (zeroEven > pairs * 0.2 && zeroOdd * 4 < zeroEven) return 'utf-16be';
	return mostlyChineseUtf16(bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES) & ~1));
}

/**
 * In UTF-16 Chinese text the high byte of most units is 0x4E–0x9F (CJK) or 0x30/0xFF
 * (punctuation), and the decoded text must read as text (binary data does not).
 */
function mostlyChineseUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (sample.length < 16) return null;
	const highByteShare = (offset: number) => {
		let hits = 0;
		for (let i = offset; i < sample.length; i += 2) {
			const b = sample[i]!;
			if ((b >= 0x4e && b <= 0x9f) || b === 0x30 || b === 0xff) hits++;
		}
		return hits / (sample.length / 2);
	};
	const le = highByteShare(1);
	const be = highByteShare(0);
	const side = le >= be ? 'utf-16le' : 'utf-16be';
	if (Math.max(le, be) < 0.6) return null;
	// The statistic proposes; the decoded text must also read better than the byte encodings.
	const winner = bestCandidate(sample, [side, 'utf-8', 'gb18030']);
	const text = new TextDecoder(side).decode(sample);
	return winner === side && plausibility(text) >= text.length ? side : null;
}

/** NUL bytes or many control characters mean an image, a .docx zip or a PDF, not text. */
function looksBinary(bytes: Uint8Array): boolean {
	const sample = Math.min(bytes.length, BINARY_WINDOW);
	let control = 0;
	for (let i = 0; i < sample; i++) {
		const b = bytes[i]!;
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
	}
	return sample > 0 && control / sample > 0.05;
}
