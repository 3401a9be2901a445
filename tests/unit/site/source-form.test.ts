/** The report page's note on the published form and the original's download address. */
import { describe, expect, it } from 'vitest';
import { originalExtension } from '../../../src/lib/model/original.ts';
import { originalContentType, sourceFormInfo } from '../../../src/lib/site/source-form.ts';
import type { SourceFormat } from '../../../src/lib/model/record.ts';

const entry = (format: SourceFormat) => ({
	id: '431126103-2024',
	year: 2024,
	township: { code: '431126103' } as never,
	record: { source: { format, derived: format !== 'text' } } as never,
});

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

	it('offers no original for plain text: the text is the file', () => {
		expect(sourceFormInfo(entry('text'))).toEqual({
			formName: '纯文本',
			derivedNote: null,
			original: null,
		});
		expect(originalExtension({ format: 'text' })).toBeNull();
	});

	it('serves each original with its media type', () => {
		expect(originalContentType('pdf')).toBe('application/pdf');
		expect(originalContentType('html')).toMatch(/^text\/html/);
		expect(originalContentType('docx')).toMatch(/wordprocessingml/);
	});
});
