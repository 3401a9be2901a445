/**
 * Which form a downloaded file is in (txt, html, pdf, doc, docx, wps), for its file name under
 * content/reports/ and for the parser. The bytes decide first (servers send PDFs as
 * application/octet-stream and Word files as text/html), then the Content-Type, then the name.
 */

export type FileForm = 'txt' | 'html' | 'pdf' | 'doc' | 'docx' | 'wps' | 'md';

const BY_TYPE: Record<string, FileForm> = {
	'text/plain': 'txt',
	'text/markdown': 'md',
	'text/html': 'html',
	'application/xhtml+xml': 'html',
	'application/pdf': 'pdf',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/kswps': 'wps',
	'application/vnd.ms-works': 'wps',
};

const BY_EXTENSION: Record<string, FileForm> = {
	txt: 'txt',
	text: 'txt',
	md: 'md',
	htm: 'html',
	html: 'html',
	shtml: 'html',
	xhtml: 'html',
	jhtml: 'html',
	pdf: 'pdf',
	doc: 'doc',
	docx: 'docx',
	wps: 'wps',
};

export function fileForm(
	bytes: Uint8Array,
	contentType: string | null,
	name: string | null,
): FileForm | null {
	const sniffed = sniffForm(bytes);
	if (sniffed) return sniffed;
	const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
	const byType = BY_TYPE[type];
	if (byType) return byType;
	const extension = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
	return (extension && BY_EXTENSION[extension]) || null;
}

/** Magic numbers: %PDF, a zip holding word/ (docx), an OLE compound file (doc/wps), an HTML start. */
function sniffForm(bytes: Uint8Array): FileForm | null {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
	if (head.startsWith('%PDF-')) return 'pdf';
	if (head.startsWith('PK\u0003\u0004'))
		return new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).includes('word/')
			? 'docx'
			: null;
	if (head.startsWith('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1')) return null;
	if (/^\s*(<!doctype html|<html[\s>])/i.test(head.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '')))
		return 'html';
	return null;
}

/** The file name a response gives: Content-Disposition (RFC 6266, filename* first), else the URL's last segment. */
export function publishedName(contentDisposition: string | null, url: string): string | null {
	const header = contentDisposition ?? '';
	const star = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(header)?.[1];
	if (star) return safeDecode(star.trim());
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1];
	if (plain) return safeDecode(plain.trim());
	const last = new URL(url).pathname.split('/').pop() ?? '';
	return last === '' ? null : safeDecode(last);
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
