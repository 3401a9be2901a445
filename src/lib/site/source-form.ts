/**
 * What the report page says about the form a report was published in: a note that the shown
 * text was derived from a web page, PDF or Word file (line numbers point into that text), and the
 * original to download when no provenance block on the page offers it already.
 */
import type { ReportEntry } from '../model/entry.ts';
import type { SourceFormat } from '../model/record.ts';
import { originalDownloadName, originalUrl } from './provenance.ts';

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
	/** The kept original, unless the provenance block (SourceProvenance) already offers it. */
	original: { href: string; fileName: string } | null;
}

export function sourceFormInfo(entry: ReportEntry): SourceFormInfo {
	const { source } = entry.record;
	const href = originalUrl(entry);
	return {
		formName: FORM_NAMES[source.format],
		derivedNote: source.derived ? DERIVED_NOTES[source.format] : null,
		original: href && !entry.provenance ? { href, fileName: originalDownloadName(entry) } : null,
	};
}
