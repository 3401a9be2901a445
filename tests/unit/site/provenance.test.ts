/** How provenance is presented: download names and URLs, Beijing time, sizes, open-data columns. */
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../../src/lib/model/provenance.ts';
import { openDataReports, REPORT_COLUMNS } from '../../../src/lib/site/open-data.ts';
import {
	formatRetrievedAt,
	formatSize,
	originalDownloadName,
	originalFileName,
	originalUrl,
} from '../../../src/lib/site/provenance.ts';
import { makeEntry } from './entry-factory.ts';

const web: Provenance = {
	retrieval: 'web',
	sourceUrl: 'http://www.sxsm.gov.cn/a/2023.pdf',
	finalUrl: 'https://www.sxsm.gov.cn/a/2023.pdf',
	pageUrl: 'https://www.sxsm.gov.cn/a/x.html',
	siteName: '神木市人民政府',
	httpStatus: 200,
	contentType: 'application/pdf',
	retrievedAt: '2026-11-29T17:05:00.000Z',
	sha256: 'c'.repeat(64),
	size: 123_456,
	originalName: '店塔镇2023年年报.pdf',
};

const withSource = (sourceFile: string, provenance?: Provenance) => ({
	...makeEntry({ code: '610881102', year: 2023 }),
	sourceFile,
	...(provenance && { provenance }),
});

describe('original file', () => {
	it('is served under its own extension, an active one (HTML) only as text', () => {
		expect(originalFileName(withSource('content/reports/2023/a.pdf', web))).toBe('original.pdf');
		expect(originalFileName(withSource('content/reports/2023/a.HTML', web))).toBe(
			'original.html.txt',
		);
		expect(originalUrl(withSource('content/reports/2023/a.docx', web))).toBe(
			'/townships/610881102/2023/original.docx',
		);
	});

	it('is not offered without provenance', () => {
		expect(originalUrl(withSource('content/reports/000.txt'))).toBeNull();
	});

	it('downloads under the name it was published with, else the report id', () => {
		expect(originalDownloadName(withSource('content/reports/2023/a.pdf', web))).toBe(
			'店塔镇2023年年报.pdf',
		);
		expect(
			originalDownloadName(withSource('content/reports/a.pdf', { ...web, originalName: null })),
		).toBe('610881102-2023.pdf');
	});
});

describe('formatting', () => {
	it('shows the retrieval time in Beijing time, whatever offset it was recorded with', () => {
		expect(formatRetrievedAt('2026-11-29T17:05:00.000Z')).toBe('2026年11月30日 01:05（北京时间）');
		expect(formatRetrievedAt('2026-11-29T09:05:00+08:00')).toBe('2026年11月29日 09:05（北京时间）');
	});

	it('gives sizes in 字节, KB and MB', () => {
		expect(formatSize(900)).toBe('900 字节');
		expect(formatSize(123_456)).toBe('121 KB');
		expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
	});
});

describe('reports.csv provenance columns', () => {
	const value = (key: string, provenance?: Provenance) => {
		const [report] = openDataReports([withSource('content/reports/2023/a.pdf', provenance)]);
		return REPORT_COLUMNS.find((c) => c.key === key)!.value(report!);
	};

	it('carry the page’s fields', () => {
		expect(value('provenance.sourceUrl', web)).toBe(web.sourceUrl);
		expect(value('provenance.pageUrl', web)).toBe(web.pageUrl);
		expect(value('provenance.retrievedAt', web)).toBe(web.retrievedAt);
		expect(value('provenance.sha256', web)).toBe(web.sha256);
		expect(value('original', web)).toBe('/townships/610881102/2023/original.pdf');
	});

	it('are empty (not recorded) for a report without provenance', () => {
		for (const key of ['provenance.sourceUrl', 'provenance.sha256', 'original'])
			expect(value(key)).toBeNull();
	});
});
