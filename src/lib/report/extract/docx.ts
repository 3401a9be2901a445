/**
 * A report published as a Word document (.docx) → its text: mammoth turns the document into
 * HTML (tables with their merged cells), which then takes the HTML path. A legacy binary .doc
 * is refused with the way to convert it.
 */
import mammoth from 'mammoth';
import { ReportRejection } from '../decode.ts';
import { htmlToText, type HtmlText } from './html.ts';

export async function docxToText(bytes: Uint8Array): Promise<HtmlText> {
	let html: string;
	try {
		const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
		html = result.value;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new ReportRejection(
			`Word 文档无法打开（${reason}）；请用 Word 或 WPS 打开后重新另存为 .docx`,
			'form-unreadable',
		);
	}
	const read = htmlToText(`<!doctype html><html><body>${html}</body></html>`);
	return { ...read, notes: ['由 Word 文档（.docx）提取', ...read.notes] };
}

export function rejectLegacyDoc(): never {
	throw new ReportRejection(
		`旧版 Word 文档（.doc）无法直接读取；请用 Word 或 WPS 打开后“另存为” .docx（Word 文档）或 .txt（纯文本，UTF-8），再放入 content/reports/`,
		'form-unreadable',
	);
}
