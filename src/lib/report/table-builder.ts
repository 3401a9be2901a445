/**
 * What one table step collects while it reads: the provenance of every cell, the numbers it could
 * not place, the structure problems (H7) and the printed label variants. One builder per table,
 * so a step's output can be tested on its own and merged into the record afterwards.
 */
import type { StructureProblem } from './checks.ts';
import type { FittedCell, FittedRow } from './rows.ts';
import { compact } from './source.ts';
import type { Token } from './tokens.ts';
import type { CellProvenance, ReportRecord } from '../model/record.ts';

export type Unassigned = ReportRecord['unassigned'][number];
export type LabelVariant = ReportRecord['labelVariants'][number];

/** What every table step returns: the table (or null when it was not found) and its evidence. */
export interface TableStepResult<T> {
	table: T;
	cells: Record<string, CellProvenance>;
	unassigned: Unassigned[];
	problems: StructureProblem[];
	labelVariants: LabelVariant[];
}

export interface Slot {
	row: string;
	col: string;
	path: string;
}

const slotCache = new Map<string, Slot[]>();
/** Cell addresses of one row, built once per row key: parsing runs thousands of times. */
export function slotsOf(table: string, row: string, columns: readonly string[]): Slot[] {
	const key = `${table}.${row}`;
	let slots = slotCache.get(key);
	if (!slots)
		slotCache.set(key, (slots = columns.map((col) => ({ row, col, path: `${key}.${col}` }))));
	return slots;
}

/** Shared, frozen: placing a value replaces the entry, it never edits it. */
export const MISSING: CellProvenance = Object.freeze({
	raw: null,
	line: null,
	col: null,
	status: 'missing',
});
export const NOT_APPLICABLE: CellProvenance = Object.freeze({
	raw: null,
	line: null,
	col: null,
	status: 'n/a',
});

const NOT_EXACT =
	'数值超过 2^53，无法精确保存，保留原文不作为数值（请核对原文，或把该数写成正常的件数）';

const lineOfCell = (c: FittedCell) =>
	c.kind === 'token' || c.kind === 'blank' ? c.token.line : null;

const simplifyLabel = (s: string) =>
	compact(s)
		.replace(/[()（）、.．,，:：“”"「」]/g, '')
		.replace(/^[一二三四五六七八九十\d]+/, '');
const canonicalLabels = new Map<string, string>();

export class TableBuilder {
	readonly cells: Record<string, CellProvenance> = {};
	readonly unassigned: Unassigned[] = [];
	readonly problems: StructureProblem[] = [];
	readonly labelVariants: LabelVariant[] = [];

	/** Names the table in unassigned entries and problem scopes (`table3`, `table2v2019`). */
	readonly table: string;

	constructor(table: string) {
		this.table = table;
	}

	unassign(t: Token, reason: string, table = this.table): void {
		this.unassigned.push({ raw: t.raw, line: t.line, col: t.col, table, reason });
	}

	problem(p: StructureProblem): void {
		this.problems.push(p);
	}

	/** Mark every cell of a row as not yet found (or not applicable). */
	expectRow(slots: Slot[], provenance = MISSING): void {
		for (const slot of slots) this.cells[slot.path] = provenance;
	}

	/**
	 * Write one fitted row into `target[row]` and record each cell's provenance. The slots name
	 * the table they belong to (a mixed Table 2 fills `table2` and `table2v2019` rows).
	 */
	placeRow(
		fitted: FittedRow,
		slots: Slot[],
		target: Record<string, Record<string, number | string | null>>,
		labelLine: number | null = null,
	): void {
		const firstLine =
			fitted.cells.map(lineOfCell).find((l) => l !== null) ??
			fitted.dropped[0]?.token.line ??
			labelLine;
		const table = slots[0]!.path.slice(0, slots[0]!.path.indexOf('.'));
		// A printed row label with no value after it: the cells are blank, not lost.
		const emptyStatus = fitted.problem === null ? 'blank' : 'missing';
		if (fitted.problem)
			this.problem({
				scope: `${table}.${slots[0]!.row}`,
				message: fitted.problem,
				line: firstLine,
				severity: fitted.severity,
			});
		for (const d of fitted.dropped) this.unassign(d.token, d.reason, table);
		slots.forEach(({ row, col, path }, i) => {
			const cell: FittedCell = fitted.cells[i] ?? { kind: 'none' };
			const slot = target[row]!;
			switch (cell.kind) {
				case 'token':
					if (cell.token.inexact) {
						// Kept as printed, never as a rounded number (issue 13 item 11).
						slot[col] = null;
						this.cells[path] = {
							raw: cell.token.raw,
							line: cell.token.line,
							col: cell.token.col,
							status: 'missing',
						};
						this.unassign(cell.token, NOT_EXACT, table);
						break;
					}
					slot[col] = cell.token.value ?? null;
					this.cells[path] = {
						raw: cell.token.raw,
						line: cell.token.line,
						col: cell.token.col,
						status: cell.token.marker ? 'marker' : 'ok',
					};
					break;
				case 'blank':
					slot[col] = null;
					this.cells[path] = {
						raw: cell.token.raw,
						line: cell.token.line,
						col: cell.token.col,
						status: 'blank',
					};
					break;
				case 'inferred':
					slot[col] = cell.value;
					this.cells[path] = {
						raw: null,
						line: firstLine,
						col: null,
						status: 'inferred',
						rule: cell.rule,
					};
					break;
				default:
					slot[col] = null;
					this.cells[path] = {
						raw: emptyStatus === 'blank' ? '' : null,
						line: firstLine,
						col: null,
						status: emptyStatus,
					};
			}
		});
	}

	/** Record a printed label that differs from the official one (after numbering, brackets and spaces). */
	noteVariant(path: string, raw: string, canonical: string, line: number): void {
		let want = canonicalLabels.get(canonical);
		if (want === undefined) canonicalLabels.set(canonical, (want = simplifyLabel(canonical)));
		if (raw && !simplifyLabel(raw).includes(want)) this.labelVariants.push({ path, raw, line });
	}

	result<T>(table: T): TableStepResult<T> {
		return {
			table,
			cells: this.cells,
			unassigned: this.unassigned,
			problems: this.problems,
			labelVariants: this.labelVariants,
		};
	}
}
