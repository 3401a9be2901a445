/** The report page's note on the published form, and the one rule for which reports have an original. */
import { describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../../src/lib/model/entry.ts';
import { originalExtension } from '../../../src/lib/model/original.ts';
import type { SourceFormat } from '../../../src/lib/model/record.ts';
import { sourceFormInfo } from '../../../src/lib/site/source-form.ts';

const EXT: Record<SourceFormat, string> = { text: 'txt', html: 'html', pdf: 'pdf', docx: 'docx' };
const entry = (format: SourceFormat, provenance?: object) =>
	({
		id: '431126103-2024',
		year: 2024,
		township: { code: '431126103' },
		sourceFile: `content/reports/2024/a.${EXT[format]}`,
		provenance,
		record: { source: { format, derived: format !== 'text' } },
	}) as unknown as ReportEntry;

describe('sourceFormInfo', () => {
	it('says the text was derived and where the original is, beside record.json', () => {
		expect(sourceFormInfo(entry('pdf'))).toEqual({
			formName: 'PDF',
			derivedNote: '由 PDF 提取',
			original: { href: '/townships/431126103/2024/original.pdf', fileName: '431126103-2024.pdf' },
		});
		expect(sourceFormInfo(entry('html')).derivedNote).toBe('由网页提取');
		expect(sourceFormInfo(entry('docx')).derivedNote).toBe('由 Word 文档提取');
		expect(sourceFormInfo(entry('docx')).original?.href).toMatch(/original\.docx$/);
	});

	it('serves a web page original as text, so it never runs on the site', () => {
		expect(sourceFormInfo(entry('html')).original?.href).toMatch(/original\.html\.txt$/);
	});

	it('offers no original for plain text: the text is the file', () => {
		expect(sourceFormInfo(entry('text'))).toEqual({
			formName: '纯文本',
			derivedNote: null,
			original: null,
		});
		expect(originalExtension(entry('text'))).toBeNull();
	});

	it('leaves the download to the provenance block when the report has provenance', () => {
		expect(originalExtension(entry('text', { sha256: 'x' }))).toBe('txt');
		expect(sourceFormInfo(entry('pdf', { sha256: 'x' })).original).toBeNull();
	});
});
