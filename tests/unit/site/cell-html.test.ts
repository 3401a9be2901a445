import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Root, RootContent } from 'hast';
import type { CellProvenance } from '../../../src/lib/model/record.ts';
import { cellAnchor, legacyCellAnchor } from '../../../src/lib/site/cell-anchor.ts';
import { cellHtml, numHtml } from '../../../src/lib/site/cell-html.ts';
import { provenanceNote } from '../../../src/lib/site/cells.ts';
import { makeEntry } from './entry-factory.ts';

const ok = (line: number | null, raw: string | null): CellProvenance => ({
	raw,
	line,
	col: 1,
	status: 'ok',
});

/** The first element of an HTML fragment, parsed as a browser would. */
function parse(html: string) {
	const tree = fromHtml(`<table><tbody><tr>${html}</tr></tbody></table>`, { fragment: true });
	const found: { tagName: string; properties: Record<string, unknown>; text: string }[] = [];
	const walk = (node: Root | RootContent) => {
		if (node.type === 'element')
			found.push({ tagName: node.tagName, properties: node.properties, text: toText(node) });
		if ('children' in node) for (const child of node.children) walk(child);
	};
	walk(tree);
	return found;
}

describe('numHtml', () => {
	it('links the number to its line and leaves a line-only note to CSS (data-l)', () => {
		const els = parse(`<td>${numHtml(401, ok(69, ' 401 '))}</td>`);
		const a = els.find((e) => e.tagName === 'a')!;
		expect(a.properties.href).toBe('#L69');
		expect(a.properties.dataL).toBe('69');
		expect(a.text).toBe('401');
		expect(provenanceNote(ok(69, ' 401 '), 401)).toBe('第 69 行');
	});

	it('writes out any other note in a .prov span: a print that differs, a marker, an inference', () => {
		for (const [value, prov] of [
			[1215, ok(72, '1,215')],
			[0, { raw: '—', line: 12, col: 1, status: 'marker' }],
			[3, { raw: null, line: 49, col: null, status: 'inferred', rule: 'H3' }],
		] as [number, CellProvenance][]) {
			const els = parse(`<td>${numHtml(value, prov)}</td>`);
			const a = els.find((e) => e.tagName === 'a')!;
			expect(a.properties.dataL).toBeUndefined();
			const note = els.find((e) => (e.properties.className as string[])?.includes('prov'))!;
			expect(note.text).toBe(provenanceNote(prov, value));
		}
	});

	it('makes a number without a line focusable instead of a link, and null reads 未填报', () => {
		const els = parse(
			`<td>${numHtml(null, { raw: null, line: null, col: null, status: 'missing' })}</td>`,
		);
		expect(els.some((e) => e.tagName === 'a')).toBe(false);
		const num = els.find((e) => (e.properties.className as string[])?.includes('num'))!;
		expect(num.properties.tabIndex).toBe(0);
		expect(els.find((e) => (e.properties.className as string[])?.includes('nr'))!.text).toBe(
			'未填报',
		);
	});

	it('escapes the text it shows', () => {
		const html = numHtml(5, ok(3, '5'), '<b>5</b> & "x"');
		expect(html).not.toContain('<b>');
		expect(parse(`<td>${html}</td>`).find((e) => e.tagName === 'a')!.text).toBe('<b>5</b> & "x"');
	});
});

describe('cellHtml', () => {
	it('gives the cell its short id, the old id on its link when asked, and its colspan', () => {
		const entry = makeEntry({ set: { 'table3.newReceived.total': 12 } });
		const path = 'table3.newReceived.total';
		const els = parse(cellHtml(entry.record, path, { legacy: true, colspan: 2 }));
		expect(els[els.findIndex((e) => e.tagName === 'td')]!.properties.id).toBe(cellAnchor(path));
		expect(els.find((e) => e.tagName === 'td')!.properties.colSpan).toBe(2);
		expect(els.find((e) => e.properties.id === legacyCellAnchor(path))!.text).toContain('12');
		const plain = parse(cellHtml(entry.record, path));
		expect(plain.some((e) => e.properties.id === legacyCellAnchor(path))).toBe(false);
	});
});
