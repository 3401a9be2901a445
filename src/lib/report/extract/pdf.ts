/**
 * A report published as PDF → its text, through pdfjs-dist's text layer (no OCR). The glyph
 * runs of every page are turned into lines and table rows by pdf-rows.ts. A PDF whose pages
 * carry no text (a scan) is refused with a message saying so. pdfjs needs Node 22.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { ReportRejection } from '../decode.ts';
import { EMPTY_CELL_MARK } from './pdf-columns.ts';
import { pdfPagesToText, type PdfPage, type TextRun } from './pdf-rows.ts';

/** Fewer visible characters than this per page: there is no usable text layer. */
const MIN_CHARS_PER_PAGE = 20;

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export interface PdfResult {
	text: string;
	pages: number;
	notes: string[];
}

export async function pdfToText(bytes: Uint8Array): Promise<PdfResult> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = pdfjs.getDocument({
		// pdfjs takes ownership of (detaches) the buffer it is given: give it a copy.
		data: new Uint8Array(bytes),
		cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
		cMapPacked: true,
		standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
		disableFontFace: true,
		useSystemFonts: false,
		verbosity: 0,
	});
	let doc;
	try {
		doc = await task.promise;
	} catch (error) {
		await task.destroy();
		const reason = error instanceof Error ? error.message : String(error);
		throw new ReportRejection(
			`PDF 文件无法打开（${reason}）；文件可能损坏或加密，请重新下载或另存为 PDF`,
			'form-unreadable',
		);
	}
	try {
		const pages: PdfPage[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const viewport = page.getViewport({ scale: 1 });
			const content = await page.getTextContent();
			const runs: TextRun[] = [];
			for (const item of content.items) {
				if (!('str' in item) || item.str === '') continue;
				const [a, b, c, d, e, f] = item.transform as number[];
				runs.push({
					str: item.str,
					x: e!,
					y: f!,
					width: item.width,
					height: item.height || Math.hypot(c!, d!) || Math.hypot(a!, b!),
				});
			}
			pages.push({ width: viewport.width, height: viewport.height, runs });
			page.cleanup();
		}
		const chars = pages.reduce(
			(n, p) => n + p.runs.reduce((m, r) => m + r.str.replace(/\s/g, '').length, 0),
			0,
		);
		if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length) * 0.5) {
			throw new ReportRejection(
				`扫描件，没有文字层（${pages.length} 页共 ${chars} 个字符），无法读取其中的文字和表格；请改用网站上的网页版或文字版 PDF，或把报告文字粘贴为 .txt（本站不做文字识别 OCR）`,
				'form-unreadable',
			);
		}
		const { text, dropped } = pdfPagesToText(pages);
		const notes = [`由 PDF 文字层提取，共 ${pages.length} 页`];
		if (dropped > 0) notes.push(`已去掉 ${dropped} 行页码或页眉页脚`);
		const empty = text.split(EMPTY_CELL_MARK).length - 1;
		if (empty > 0)
			notes.push(`表格中 ${empty} 个没有文字的单元格按列位置标为 ${EMPTY_CELL_MARK}（空白）`);
		return { text, pages: pages.length, notes };
	} finally {
		await task.destroy();
	}
}
