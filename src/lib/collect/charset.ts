/**
 * Decoding a fetched page to read its links and title. Government sites still serve GBK/GB2312
 * pages, often with no charset in the Content-Type header and only a `<meta charset>`; some say
 * nothing at all. The order follows the HTML standard: byte-order mark, then the header, then the
 * `<meta>` in the first bytes, then detection (valid UTF-8, else GB18030, which contains GBK).
 * Only the text is decoded here; the original bytes are what is kept.
 */

export type CharsetEvidence = 'bom' | 'header' | 'meta' | 'detected';

export interface DecodedPage {
	text: string;
	/** The decoder's canonical name, e.g. "utf-8", "gbk". */
	encoding: string;
	evidence: CharsetEvidence;
}

/** `text/html; charset=GBK` → "gbk"; null when the header names none or one TextDecoder does not know. */
export function charsetFromContentType(contentType: string | null): string | null {
	const label = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
	return label === undefined ? null : knownEncoding(label);
}

/** The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` declares in the first 4 KB. */
export function metaCharset(bytes: Uint8Array): string | null {
	// Every charset label and the markup around it are ASCII, so a byte-for-byte view is enough.
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
	for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
		const label =
			/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag[0])?.[1] ??
			/\bcontent\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(tag[0])?.[1];
		const known = label === undefined ? null : knownEncoding(label);
		if (known) return known;
	}
	return null;
}

export function decodePage(bytes: Uint8Array, contentType: string | null): DecodedPage {
	const bom = bomEncoding(bytes);
	if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, evidence: 'bom' };
	const declared = charsetFromContentType(contentType);
	if (declared)
		return {
			text: new TextDecoder(declared).decode(bytes),
			encoding: declared,
			evidence: 'header',
		};
	const meta = metaCharset(bytes);
	if (meta) return { text: new TextDecoder(meta).decode(bytes), encoding: meta, evidence: 'meta' };
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { text, encoding: 'utf-8', evidence: 'detected' };
	} catch {
		return {
			text: new TextDecoder('gb18030').decode(bytes),
			encoding: 'gb18030',
			evidence: 'detected',
		};
	}
}

function bomEncoding(bytes: Uint8Array): string | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** TextDecoder's own name for a label ("GB2312" → "gbk"), or null for a label it does not know. */
function knownEncoding(label: string): string | null {
	try {
		return new TextDecoder(label.trim()).encoding;
	} catch {
		return null;
	}
}
