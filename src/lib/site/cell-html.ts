/**
 * One number of a report table as the HTML of its <td>, written as a string: a report page has
 * ~200 of them and one Astro component per number was most of the page's render time (issue 12).
 *
 * The number links to the line it was read from (#L69). Its provenance note says where: for the
 * common case (printed exactly as the number, padding aside) the note is CSS-generated from
 * data-l (`第 69 行`), which browsers put in the link's accessible name like text; any other note
 * (a quote of what was printed, a 无 marker, an inference, no line) is written out in a
 * <span class="prov">. Null reads 未填报, styled apart from 0. No script, no inline style.
 */
import { cellAt, type CellPath } from '../model/cells.ts';
import type { ReportRecord } from '../model/record.ts';
import { cellAnchor, legacyCellAnchor } from './cell-anchor.ts';
import { provenanceNote } from './cells.ts';
import { formatCount, NOT_REPORTED } from './format.ts';
import { escapeHtml } from './html.ts';
import type { CellProvenance } from '../model/record.ts';

export interface CellOptions {
	/** Text shown instead of the formatted count (a fee amount as printed). */
	display?: string;
	colspan?: number;
	/** Also answer to the old `cell-…` id (only cells that old links pointed at). */
	legacy?: boolean;
	/** No id (rows the report added, which have no path). */
	id?: string | null;
}

/** The inner markup of a number: its link (or focusable span) and its provenance note. */
export function numHtml(
	value: number | null | undefined,
	prov: CellProvenance | undefined,
	display?: string,
	legacyId?: string,
): string {
	const known = value !== null && value !== undefined;
	const text = escapeHtml(known ? (display ?? formatCount(value)) : NOT_REPORTED);
	const shown = !known
		? `<span class="nr">${text}</span>`
		: prov?.status === 'inferred'
			? `<span class="inferred">${text}</span>`
			: text;
	const note = provenanceNote(prov, value);
	const line = prov?.line ?? null;
	const legacy = legacyId ? ` id="${legacyId}"` : '';
	if (line === null)
		return `<span class="num"${legacy} tabindex="0">${shown}<span class="prov">${escapeHtml(note)}</span></span>`;
	// The note is exactly the line: let CSS write it from data-l.
	if (note === `第 ${line} 行`) return `<a${legacy} href="#L${line}" data-l="${line}">${shown}</a>`;
	return `<a${legacy} href="#L${line}">${shown}<span class="prov">${escapeHtml(note)}</span></a>`;
}

/** A table cell of `record` at `path`, with its short id. */
export function cellHtml(record: ReportRecord, path: CellPath, options: CellOptions = {}): string {
	const cell = cellAt(record, path);
	const id = options.id === null ? '' : ` id="${options.id ?? cellAnchor(path)}"`;
	const span = options.colspan && options.colspan > 1 ? ` colspan="${options.colspan}"` : '';
	const legacy = options.legacy ? legacyCellAnchor(path) : undefined;
	return `<td${id}${span}>${numHtml(cell.value, cell.provenance, options.display, legacy)}</td>`;
}
