/**
 * What the report page says about the form a report was published in: a note that the shown
 * text was derived from a web page, PDF or Word file, and where the kept original is
 * (/townships/<code>/<year>/original.<ext>, served from content/generated/originals/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportEntry } from '../model/entry.ts';
import { originalExtension } from '../model/original.ts';
import type { SourceFormat } from '../model/record.ts';
import { reportUrl } from './urls.ts';

const FORM_NAMES: Record<SourceFormat, string> = {
	text: '纯文本',
	html: '网页',
	pdf: 'PDF',
	docx: 'Word 文档',
};

const DERIVED_NOTES: Record<SourceFormat, string> = {
	text: '',
	html: '由网页提取',
	pdf: '由 PDF 提取',
	docx: '由 Word 文档提取',
};

export interface SourceFormInfo {
	/** 纯文本 / 网页 / PDF / Word 文档. */
	formName: string;
	/** "由 PDF 提取", or null when the text is the file itself. */
	derivedNote: string | null;
	/** The kept original, or null for plain text. */
	original: { href: string; fileName: string } | null;
}

export function sourceFormInfo(
	entry: Pick<ReportEntry, 'id' | 'township' | 'year' | 'record'>,
): SourceFormInfo {
	const { source } = entry.record;
	const ext = originalExtension(source);
	return {
		formName: FORM_NAMES[source.format],
		derivedNote: source.derived ? DERIVED_NOTES[source.format] : null,
		original: ext
			? {
					href: `${reportUrl(entry.township.code, entry.year)}original.${ext}`,
					fileName: `${entry.id}.${ext}`,
				}
			: null,
	};
}

/** The generated collection's kept originals (PORTAL_ROOT builds from another folder). */
const originalsDir = () =>
	join(process.env.PORTAL_ROOT ?? '.', 'content', 'generated', 'originals');

/** The original's bytes, exactly as the curator put them into content/reports/. */
export function readOriginal(entry: Pick<ReportEntry, 'id' | 'record'>): Uint8Array {
	return readFileSync(
		join(originalsDir(), `${entry.id}.${originalExtension(entry.record.source)}`),
	);
}

const CONTENT_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	html: 'text/html; charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function originalContentType(ext: string): string {
	return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
