/** A download's form: bytes first, then Content-Type, then the name; the published name. */
import { describe, expect, it } from 'vitest';
import { fileForm, publishedName } from '../../../src/lib/collect/file-form.ts';
import { PDF_BYTES } from '../../support/collect-server.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('fileForm', () => {
	it('believes the bytes over a wrong Content-Type', () => {
		expect(fileForm(PDF_BYTES, 'application/octet-stream', 'x.txt')).toBe('pdf');
		expect(fileForm(bytes('<!DOCTYPE html><html>'), 'application/msword', 'a.doc')).toBe('html');
		const zipWithWord = new Uint8Array([0x50, 0x4b, 3, 4, ...bytes('....word/document.xml')]);
		expect(fileForm(zipWithWord, 'application/octet-stream', null)).toBe('docx');
	});

	it('uses the Content-Type, then the name, when the bytes do not say', () => {
		expect(fileForm(bytes('一、总体情况'), 'text/plain; charset=gbk', null)).toBe('txt');
		expect(fileForm(bytes('x'), 'application/octet-stream', '年报.WPS')).toBe('wps');
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		expect(fileForm(ole, null, 'report.doc')).toBe('doc');
		expect(fileForm(bytes('x'), null, null)).toBeNull();
	});
});

describe('publishedName', () => {
	it('prefers filename* (RFC 6266), then filename, then the URL’s last segment', () => {
		expect(
			publishedName(
				`attachment; filename="a.pdf"; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf`,
				'http://x/1',
			),
		).toBe('年报.pdf');
		expect(publishedName('attachment; filename="a.pdf"', 'http://x/1')).toBe('a.pdf');
		expect(publishedName(null, 'http://x/files/%E5%B9%B4%E6%8A%A5.txt?x=1')).toBe('年报.txt');
		expect(publishedName(null, 'http://x/')).toBeNull();
	});
});
