/**
 * Which form a report file is in, from its content first (magic bytes, markup) and its name
 * only to break ties: curators save pages as .txt and documents under wrong extensions.
 */

export type FileForm = 'text' | 'html' | 'pdf' | 'docx' | 'doc' | 'zip' | 'image';

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) =>
	magic.every((b, i) => bytes[at + i] === b);

export function detectForm(bytes: Uint8Array, file = ''): FileForm {
	// %PDF may follow a little junk (some servers prepend a BOM or whitespace).
	const head = latin1(bytes.subarray(0, 1024));
	if (head.includes('%PDF-')) return 'pdf';
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
		// A .docx is a zip whose entries include word/document.xml (names are stored in clear).
		return latin1(bytes.subarray(0, Math.min(bytes.length, 2_000_000))).includes('word/')
			? 'docx'
			: 'zip';
	}
	if (
		startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
		startsWith(bytes, [0xff, 0xd8, 0xff]) ||
		startsWith(bytes, [0x47, 0x49, 0x46, 0x38])
	)
		return 'image';
	if (looksLikeMarkup(bytes)) return 'html';
	// A page saved as UTF-16 (Word's "Unicode" web page) has its markup one byte apart.
	if (/\.html?$/i.test(file) && looksLikeMarkup(asciiOfUtf16(bytes))) return 'html';
	return 'text';
}

/** Markup from the first non-blank character: a doctype, <html>, <head>, <meta>, a block tag, a comment. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
	const head = latin1(bytes.subarray(0, 2048))
		.replace(/^\xef\xbb\xbf/, '')
		.trimStart()
		.toLowerCase();
	return /^<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|span|article|section|font|style|!--|\?xml[^>]*>\s*<html)[\s>/]/.test(
		head,
	);
}

function asciiOfUtf16(bytes: Uint8Array): Uint8Array {
	const start = bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0;
	const out: number[] = [];
	for (let i = start; i + 1 < Math.min(bytes.length, 4096); i += 2)
		out.push(bytes[i]! || bytes[i + 1]!);
	return new Uint8Array(out);
}

function latin1(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 8192)
		s += String.fromCharCode(...bytes.subarray(i, i + 8192));
	return s;
}
