/** The form of a file comes from its content; the name only helps for UTF-16 pages. */
import { describe, expect, it } from 'vitest';
import { detectForm } from '../../../src/lib/report/extract/detect.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectForm', () => {
	it('knows PDF, legacy Word, .docx, other zips and images by their magic bytes', () => {
		expect(detectForm(bytes('%PDF-1.7\n…'), 'report.txt')).toBe('pdf');
		expect(detectForm(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
			'doc',
		);
		expect(detectForm(bytes('PK\x03\x04....[Content_Types].xml....word/document.xml'))).toBe(
			'docx',
		);
		expect(detectForm(bytes('PK\x03\x04....data.csv'), 'report.docx')).toBe('zip');
		expect(detectForm(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toBe('image');
	});

	it('knows markup from its first tag, whatever the extension', () => {
		expect(detectForm(bytes('\ufeff  <!DOCTYPE html><html>'), 'report.txt')).toBe('html');
		expect(detectForm(bytes('<p>某镇2024年政府信息公开工作年度报告</p>'), 'a.txt')).toBe('html');
		expect(detectForm(bytes('<html xmlns:o="urn:schemas-microsoft-com:office:office">'))).toBe(
			'html',
		);
	});

	it('keeps text with table markup inside it as text, and an .html name alone does not make markup', () => {
		expect(detectForm(bytes('某镇年度报告\n<table><tr><td>1</td></tr></table>'), 'a.html')).toBe(
			'text',
		);
		expect(detectForm(bytes('一、总体情况'), 'report.html')).toBe('text');
	});

	it('reads a UTF-16 page by its name', () => {
		expect(detectForm(new Uint8Array(Buffer.from('\ufeff<html><body>', 'utf16le')), 'a.htm')).toBe(
			'html',
		);
	});
});
