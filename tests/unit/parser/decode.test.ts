import { describe, expect, it } from 'vitest';
import { decodeReport, ReportRejection } from '../../../src/lib/report/index.ts';

const TEXT = '一、总体情况';
// "一、总体情况" in GBK, produced with `iconv -f UTF-8 -t GBK`.
const GBK = Buffer.from('d2bba1a2d7dccce5c7e9bff6', 'hex');

describe('decodeReport', () => {
	it('reads UTF-8 with and without BOM', () => {
		expect(decodeReport(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
		expect(
			decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])),
		).toEqual({ text: TEXT, encoding: 'utf-8-bom' });
	});
	it('falls back to GB18030 for GBK bytes', () => {
		expect(decodeReport(GBK)).toEqual({ text: TEXT, encoding: 'gb18030' });
	});
	it('reads UTF-16 with a BOM, and BOM-less UTF-16LE from its zero bytes', () => {
		const le = Buffer.from(`2023 ${TEXT} 0 0 0`, 'utf16le');
		expect(decodeReport(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).encoding).toBe('utf-16le');
		expect(decodeReport(le)).toEqual({ text: `2023 ${TEXT} 0 0 0`, encoding: 'utf-16le' });
	});
	it('rejects binary data with a one-line reason', () => {
		const png = Buffer.from([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
		]);
		expect(() => decodeReport(png)).toThrow(ReportRejection);
		expect(() => decodeReport(png)).toThrow(/^二进制数据.*；请把报告存为纯文本/);
	});
});
