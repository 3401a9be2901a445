/** Decoding fetched pages: BOM, then the header, then `<meta charset>`, then detection. */
import { describe, expect, it } from 'vitest';
import {
	charsetFromContentType,
	decodePage,
	metaCharset,
} from '../../../src/lib/collect/charset.ts';
import { readPageLinks } from '../../../src/lib/collect/page-links.ts';
import { GBK_LINK_TEXT, gbk, startFixtureServer } from '../../support/collect-server.ts';

const TEXT = '河曲县楼子营镇2023年政府信息公开工作年度报告';

describe('charset', () => {
	it('reads the charset a Content-Type names, by the decoder’s own name', () => {
		expect(charsetFromContentType('text/html; charset=GB2312')).toBe('gbk');
		expect(charsetFromContentType('text/html;charset="utf-8"')).toBe('utf-8');
		expect(charsetFromContentType('text/html')).toBeNull();
		expect(charsetFromContentType('text/html; charset=no-such-thing')).toBeNull();
	});

	it('finds <meta charset> and the http-equiv form in the first bytes', () => {
		expect(metaCharset(gbk('<html><head><meta charset=gbk>'))).toBe('gbk');
		expect(
			metaCharset(gbk('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>')),
		).toBe('gbk');
		expect(metaCharset(gbk('<meta name="SiteName" content="x">'))).toBeNull();
	});

	it('decodes a GBK page whose header says nothing, by its <meta>', () => {
		const page = decodePage(gbk(`<meta charset=gbk><title>${TEXT}</title>`), 'text/html');
		expect(page).toMatchObject({ encoding: 'gbk', evidence: 'meta' });
		expect(page.text).toContain(TEXT);
	});

	it('lets the header win over the <meta>, and a BOM over both', () => {
		const utf8Page = new TextEncoder().encode(`<meta charset=gbk><p>${TEXT}</p>`);
		expect(decodePage(utf8Page, 'text/html; charset=utf-8')).toMatchObject({ evidence: 'header' });
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8Page]);
		const decoded = decodePage(withBom, 'text/html; charset=gbk');
		expect(decoded).toMatchObject({ evidence: 'bom', encoding: 'utf-8' });
		expect(decoded.text).toContain(TEXT);
	});

	it('detects GBK when nothing declares a charset, and UTF-8 when it is valid', () => {
		expect(decodePage(gbk(`<p>${TEXT}</p>`), null)).toMatchObject({
			encoding: 'gb18030',
			evidence: 'detected',
			text: `<p>${TEXT}</p>`,
		});
		expect(decodePage(new TextEncoder().encode(TEXT), null)).toMatchObject({
			encoding: 'utf-8',
			text: TEXT,
		});
	});
});

describe('the fixture site’s GBK wrapper page', () => {
	it('yields its attachment link with the Chinese text intact', async () => {
		const server = await startFixtureServer();
		try {
			const response = await fetch(server.url('/gbk/wrapper.html'));
			const bytes = new Uint8Array(await response.arrayBuffer());
			const page = decodePage(bytes, response.headers.get('content-type'));
			expect(page.evidence).toBe('meta');
			expect(readPageLinks(page.text, server.url('/gbk/wrapper.html')).attachments).toEqual([
				{ url: server.url('/attach/loziying-2023.txt'), text: GBK_LINK_TEXT },
			]);
		} finally {
			await server.close();
		}
	});
});
