import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { cellAt } from '../../../src/lib/model/cells.ts';
import { cellAnchor } from '../../../src/lib/site/cell-anchor.ts';
import { formatCount } from '../../../src/lib/site/format.ts';
import { table3Layout } from '../../../src/lib/site/table-layout.ts';
import { table3BodyHtml } from '../../../src/lib/site/table3-html.ts';
import { makeEntry } from './entry-factory.ts';

function elements(node: Root | RootContent, tag: string, out: Element[] = []): Element[] {
	if (node.type === 'element' && node.tagName === tag) out.push(node);
	if ('children' in node) for (const child of node.children) elements(child, tag, out);
	return out;
}

describe('table3BodyHtml', () => {
	it('writes every row of the layout with its merged labels and its seven numbers', () => {
		const entry = makeEntry({
			set: { 'table3.newReceived.total': 1234, 'table3.granted.naturalPerson': 5 },
		});
		const record = { ...entry.record, table3: entry.record.table3! };
		const tree = fromHtml(`<table><tbody>${table3BodyHtml(record)}</tbody></table>`, {
			fragment: true,
		});
		const rows = elements(tree, 'tr');
		const layout = table3Layout('2021');
		expect(rows).toHaveLength(layout.length);
		rows.forEach((tr, i) => {
			const row = layout[i]!;
			const labels = elements(tr, 'th');
			expect(labels.map((th) => toText(th))).toEqual(row.labels.map((l) => l.text));
			labels.forEach((th, j) => {
				expect(th.properties.rowSpan ?? 1).toBe(row.labels[j]!.rowspan);
				expect(th.properties.colSpan ?? 1).toBe(row.labels[j]!.colspan);
			});
			const cells = elements(tr, 'td');
			expect(cells.map((td) => td.properties.id)).toEqual(row.paths.map(cellAnchor));
			// The number shown in each cell is the record's (the note is CSS or a separate span).
			cells.forEach((td, j) => {
				const a = elements(td, 'a')[0] ?? elements(td, 'span')[0]!;
				const shown = a.children
					.filter((c) => !(c.type === 'element' && c.properties.className?.toString() === 'prov'))
					.map((c) => toText(c as Element))
					.join('');
				expect(shown).toBe(formatCount(cellAt(record, row.paths[j]!).value));
			});
			expect(tr.properties.className ?? []).toEqual(row.key === 'resultsTotal' ? ['total'] : []);
		});
		expect(table3BodyHtml(record)).toContain('>1,234<');
	});
});
