/**
 * The body of Table 3 (25 rows, 175 numbers) as one HTML string: the same markup the template
 * wrote row by row, without an Astro expression per row label and cell (issue 12: a report page's
 * component instances were most of the build's CPU). Layout from table3Layout, cells from cellHtml.
 */
import type { ReportRecord } from '../model/record.ts';
import { legacyLinkedCells } from './cell-anchor.ts';
import { cellHtml } from './cell-html.ts';
import { escapeHtml } from './html.ts';
import { table3Layout } from './table-layout.ts';

export function table3BodyHtml(
	record: ReportRecord & { table3: NonNullable<ReportRecord['table3']> },
): string {
	const legacy = legacyLinkedCells(record);
	let html = '';
	for (const row of table3Layout(record.table3.otherCombined ? '2019' : '2021')) {
		html += row.key === 'resultsTotal' ? '<tr class="total">' : '<tr>';
		for (const l of row.labels) {
			html += '<th scope="row"';
			if (l.group) html += ' class="group"';
			if (l.rowspan > 1) html += ` rowspan="${l.rowspan}"`;
			if (l.colspan > 1) html += ` colspan="${l.colspan}"`;
			html += `>${escapeHtml(l.text)}</th>`;
		}
		for (const p of row.paths) html += cellHtml(record, p, { legacy: legacy.has(p) });
		html += '</tr>';
	}
	return html;
}
