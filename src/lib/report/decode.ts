/**
 * Turn a report file's bytes into text. Reports arrive as UTF-8 (with or without BOM),
 * GB18030/GBK from older Windows tools, or UTF-16 from Word's "Unicode text" export.
 */

export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Thrown when bytes cannot be a text report at all; the message is one line for curators. */
export class ReportRejection extends Error {
	override name = 'ReportRejection';
}

export function decodeReport(bytes: Uint8Array): DecodedText {
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
	}
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
	}
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
	}
	const utf16 = guessBomlessUtf16(bytes);
	if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
	if (looksBinary(bytes)) {
		throw new ReportRejection(
			'binary data, not a text report (save the report as plain text: UTF-8 or GBK)',
		);
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		// Not valid UTF-8: Chinese government PCs mostly save GBK, which GB18030 contains.
		return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
	}
}

/** BOM-less UTF-16 shows up as a zero byte in every other position for ASCII-heavy text. */
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
	return null;
}

/** NUL bytes or many control characters mean an image, a .docx zip or a PDF, not text. */
function looksBinary(bytes: Uint8Array): boolean {
	const sample = Math.min(bytes.length, 8192);
	let control = 0;
	for (let i = 0; i < sample; i++) {
		const b = bytes[i]!;
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
	}
	return sample > 0 && control / sample > 0.05;
}
