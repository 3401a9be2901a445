/**
 * Where a report's original file is kept when the shown text was derived from it: the ingest
 * copies it to content/generated/originals/<id>.<ext> and the site serves it at
 * /townships/<code>/<year>/original.<ext>. Plain-text reports are their own text: none.
 */
import type { ReportRecord, SourceFormat } from './record.ts';

const EXTENSIONS: Record<SourceFormat, string | null> = {
	text: null,
	html: 'html',
	pdf: 'pdf',
	docx: 'docx',
};

export function originalExtension(source: Pick<ReportRecord['source'], 'format'>): string | null {
	return EXTENSIONS[source.format];
}
