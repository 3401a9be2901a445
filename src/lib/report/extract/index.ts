/**
 * From a report file's bytes (and name) to its text and form: plain text, an HTML page, a PDF
 * or a Word document, detected from the content. Async because PDF and Word reading are.
 * Forms that cannot be read (a scan, a legacy .doc, an image) are refused with a message.
 */
import { decodeReport, ReportRejection, type DecodedText } from '../decode.ts';
import { detectForm } from './detect.ts';
import { docxToText, rejectLegacyDoc } from './docx.ts';
import type { ExtractedReport } from './form.ts';
import { htmlToText } from './html.ts';
import { pdfToText } from './pdf.ts';

export type { ExtractedReport, ReportForm } from './form.ts';
export type { WebMeta } from './web-meta.ts';
export { detectForm, type FileForm } from './detect.ts';

export async function extractReport(
	bytes: Uint8Array,
	options: { file: string },
): Promise<ExtractedReport> {
	const form = detectForm(bytes, options.file);
	switch (form) {
		case 'pdf': {
			const { text, notes } = await pdfToText(bytes);
			return { format: 'pdf', encoding: 'pdf', derived: true, text, notes };
		}
		case 'docx': {
			const { text, notes, webMeta } = await docxToText(bytes);
			return { format: 'docx', encoding: 'docx', derived: true, text, notes, webMeta };
		}
		case 'doc':
			return rejectLegacyDoc();
		case 'zip':
			throw new ReportRejection(
				'压缩包（zip），不是报告；请解压后把其中的报告文件本身放入 content/reports/',
				'form-unreadable',
			);
		case 'image':
			throw new ReportRejection(
				'图片文件，不是报告：只以图片发布的报告无法读取（本站不做文字识别 OCR）；请改用网站上的网页版、文字版 PDF 或 Word 文档',
				'form-unreadable',
			);
		case 'html': {
			const decoded = decodeHtml(bytes);
			const { text, notes, webMeta } = htmlToText(decoded.text);
			return {
				format: 'html',
				encoding: decoded.encoding,
				derived: true,
				text,
				notes: ['由网页（HTML）提取', ...notes],
				webMeta,
				...(decoded.notes ? { decodeNotes: decoded.notes } : {}),
			};
		}
		default: {
			const decoded = decodeReport(bytes);
			return {
				format: 'text',
				encoding: decoded.encoding,
				derived: false,
				text: decoded.text,
				...(decoded.notes ? { decodeNotes: decoded.notes } : {}),
			};
		}
	}
}

/**
 * A page's bytes as text: its declared GB charset, else the same detection as text files.
 * Bytes that are valid UTF-8 are UTF-8 whatever the page declares (pages re-saved by an editor
 * keep their old <meta charset>); GBK text is practically never valid UTF-8.
 */
function decodeHtml(bytes: Uint8Array): DecodedText {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		if (!text.startsWith('\ufeff')) return { text, encoding: 'utf-8' };
	} catch {
		// Not UTF-8: the declaration or the detection decides.
	}
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
	const declared = /charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
	const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe;
	if (!hasBom && declared && /^(?:gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared))
		return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
	return decodeReport(bytes);
}
