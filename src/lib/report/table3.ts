/**
 * Table 3 (收到和处理政府信息公开申请情况): 25 rows × 7 columns in the 2021 format, or the
 * 2019 shape with one （六）其他处理 row. Also reads layouts with an extra 法人或其他组织
 * subtotal column or with group subtotal rows, reporting those extra numbers.
 */
import { withoutRepeatedHeaders } from './header-rows.ts';
import { excerptStart } from './excerpt-start.ts';
import { walkRows, type RowDef } from './labels.ts';
import { placeUnlabelledRows } from './unlabelled-rows.ts';
import { fitCutRow, fitRow, sumRule, trimBlanks, type FittedRow, type TextEnd } from './rows.ts';
import type { Token } from './tokens.ts';
import {
	TABLE3_COLUMNS,
	TABLE3_GROUP_SUBTOTALS,
	TABLE3_OTHER_SUBROWS,
	TABLE3_ROWS,
	TABLE3_ROW_INFO,
	type Table3Row,
} from '../model/vocabulary.ts';

type Table3RowKey = Table3Row | `subtotal:${string}`;

export interface Table3Read {
	/** Fitted rows by key, in printed order. */
	rows: { key: Table3Row; labelRaw: string; line: number; fitted: FittedRow }[];
	/** Numbers read but not part of the canonical table (subtotals), with the reason. */
	extra: { token: Token; reason: string }[];
	orphans: Token[];
	/** Table 3 has the 2019 shape: the single （六） row printed, or implied by `shapeHint`. */
	otherCombined: boolean;
	/**
	 * The table itself shows its （六） shape: the three sub-rows, or the single row with numbers.
	 * A table cut off before （六）, or a printed but empty （六） row, shows neither.
	 */
	shapeShown: boolean;
	subtotalColumn: number | null;
}

export interface Table3Context {
	/** Where the text ends, when it ends inside this table (an excerpt, a truncated page). */
	textEnd?: TextEnd | null;
	/** The shape to use when the table does not show its own (Table 2's format). */
	shapeHint?: '2019' | '2021' | null;
}

const SUBTOTAL_BEFORE: Partial<Record<Table3Row, number>> = {
	granted: 0,
	deniedStateSecret: 1,
	unableNotHeld: 2,
	notHandledPetition: 3,
};

/** Row definitions in printed order, with the group captions that may carry subtotals. */
function rowDefs(): RowDef<Table3RowKey>[] {
	const defs: RowDef<Table3RowKey>[] = [];
	for (const key of TABLE3_ROWS) {
		const sub = SUBTOTAL_BEFORE[key];
		if (sub !== undefined) {
			const group = TABLE3_GROUP_SUBTOTALS[sub]!;
			defs.push({ key: `subtotal:${group.label}`, keywords: group.keywords, weak: true });
		}
		defs.push({ key, keywords: TABLE3_ROW_INFO[key].keywords, weak: key === 'otherCombined' });
	}
	return defs;
}
const DEFS = rowDefs();
/** Row keys in printed order, for placing rows by position: the 2021 and the 2019 shape of （六）. */
const TEMPLATE_2021: Table3RowKey[] = TABLE3_ROWS.filter((r) => r !== 'otherCombined');
const TEMPLATE_2019: Table3RowKey[] = TABLE3_ROWS.filter((r) => !TABLE3_OTHER_SUBROWS.includes(r));
const H3 = sumRule('H3');

const WINDOW = 7;

export function readTable3(tokens: Token[], context: Table3Context = {}): Table3Read {
	const body = withoutRepeatedHeaders(tokens);
	// An excerpt that enters the table past the first rows starts the walk at its first label.
	const start = excerptStart(body, DEFS, WINDOW) ?? 0;
	const walked = walkRows(body, DEFS, {
		window: WINDOW,
		rowWidth: TABLE3_COLUMNS.length - 1,
		start,
	});
	const extra: { token: Token; reason: string }[] = [];
	const subRowsPrinted = walked.rows.some((r) =>
		TABLE3_OTHER_SUBROWS.includes(r.def?.key as Table3Row),
	);
	const combinedPrinted = walked.rows.some((r) => r.def?.key === 'otherCombined');
	const template = !subRowsPrinted && combinedPrinted ? TEMPLATE_2019 : TEMPLATE_2021;
	const placed = placeUnlabelledRows(
		walked.rows,
		template,
		(k) => TABLE3_ROW_INFO[k as Table3Row].label,
		TABLE3_COLUMNS.length,
		H3,
	);
	extra.push(...placed.unplaced);
	const walk = { ...walked, rows: placed.rows };
	const subtotalColumn = findSubtotalColumn(
		walk.header,
		walk.rows.map((r) => r.values),
	);

	const shapeShown = subRowsPrinted || combinedPrinted;
	const emptyCombined = walked.captions.find((c) => c.row.def?.key === 'otherCombined');
	if (!shapeShown && context.shapeHint === '2019' && emptyCombined) {
		// A printed but empty （六）其他处理 row in a 2019 table: a blank row, not a caption.
		walk.rows.splice(emptyCombined.before, 0, emptyCombined.row);
	}
	const cutRow = context.textEnd
		? walk.rows.findLast((r) => r.values.some((t) => t.line === context.textEnd!.line))
		: undefined;

	const rows: Table3Read['rows'] = [];
	let otherCombined = !shapeShown && context.shapeHint === '2019';
	for (const row of walk.rows) {
		const key = row.def!.key;
		const numbers = row.values.filter((t) => t.kind === 'num');
		if (key.startsWith('subtotal:') || (key === 'otherCombined' && subRowsPrinted)) {
			const group = key === 'otherCombined' ? '（六）其他处理' : key.slice('subtotal:'.length);
			for (const token of numbers)
				extra.push({ token, reason: `${group} 小计行：不是官方表格的单元格` });
			continue;
		}
		let values = row.values;
		if (subtotalColumn !== null) {
			const cells = trimBlanks(values);
			if (cells.length === 8) {
				const [sub] = cells.splice(subtotalColumn, 1);
				if (sub?.kind === 'num')
					extra.push({ token: sub, reason: '“法人或其他组织”小计列：不是官方表格的单元格' });
				values = cells;
			}
		}
		if (key === 'otherCombined') otherCombined = true;
		const name = TABLE3_ROW_INFO[key as Table3Row].label;
		rows.push({
			key: key as Table3Row,
			labelRaw: row.labelRaw,
			line: row.line,
			fitted:
				row === cutRow
					? fitCutRow(values, TABLE3_COLUMNS.length, H3, `表三「${name}」行`)
					: fitRow(values, TABLE3_COLUMNS.length, H3, `表三「${name}」行`),
		});
	}
	return { rows, extra, orphans: walk.orphans, otherCombined, shapeShown, subtotalColumn };
}

/**
 * An extra 法人或其他组织 column (a third-party invention) shows as 8 values per row, or a
 * 小计/合计 header. Its position: where the rows' numbers say (the one column that is the sum
 * of the five organisation columns on every row that tells them apart), else right after 自然人
 * unless the header puts it after 其他. The numbers decide first because a header's word order
 * is not its column order once a PDF's text layer has put a name spanning two header rows on
 * the line above.
 */
function findSubtotalColumn(header: string, rowValues: Token[][]): number | null {
	// A bare `|` cell line after a full row is no eighth cell: count up to 7 of them.
	const counts = rowValues.map((v) => trimBlanks(v, 7).length).filter((n) => n > 0);
	const eights = counts.filter((n) => n === 8).length;
	const mentionsSubtotal = /小计|合计/.test(header);
	if (!mentionsSubtotal && eights * 2 <= counts.length) return null;
	if (eights === 0) return null;
	const byNumbers = subtotalColumnByNumbers(rowValues);
	if (byNumbers === 'none') return null;
	if (byNumbers !== null) return byNumbers;
	const compactHeader = header.replace(/\s+/g, '');
	const at = compactHeader.search(/小计|合计/);
	const other = compactHeader.lastIndexOf('其他');
	return at > -1 && other > -1 && at > other ? 6 : 1;
}

/** Where the subtotal may stand: after 自然人 (1) or after 其他 (6), the orgs it sums beside it. */
const SUBTOTAL_PLACES = [
	{ at: 1, orgs: [2, 3, 4, 5, 6] },
	{ at: 6, orgs: [1, 2, 3, 4, 5] },
];

/**
 * The subtotal column the numbers show: it holds on every full 8-number row and the other place
 * fails on at least one (rows of zeros tell nothing). Null when the numbers do not decide;
 * `none` when they rule out both places (eight cells, but no subtotal among them).
 */
function subtotalColumnByNumbers(rowValues: Token[][]): number | 'none' | null {
	const rows = rowValues
		.map((v) => trimBlanks(v, 7))
		.filter((cells) => cells.length === 8 && cells.every((t) => t.kind === 'num' && !t.inexact))
		.map((cells) => cells.map((t) => t.value!));
	if (rows.length === 0) return null;
	const holds = (place: (typeof SUBTOTAL_PLACES)[number], row: number[]) =>
		Math.abs(row[place.at]! - place.orgs.reduce((s, i) => s + row[i]!, 0)) < 1e-9;
	const fitting = SUBTOTAL_PLACES.filter(
		(place) =>
			rows.every((row) => holds(place, row)) &&
			SUBTOTAL_PLACES.some((other) => other !== place && rows.some((row) => !holds(other, row))),
	);
	if (fitting.length === 1) return fitting[0]!.at;
	const neither = SUBTOTAL_PLACES.every((place) => rows.some((row) => !holds(place, row)));
	return neither ? 'none' : null;
}
