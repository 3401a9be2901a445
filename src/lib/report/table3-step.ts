/**
 * The Table 3 step of parseReport: tokens of the 收到和处理申请 section → Table 3 with every
 * cell's provenance, the rows not found, the numbers left out and the 2019/2021 shape of （六）.
 */
import type { SourceLines } from './source.ts';
import { readTable3, type Table3Context } from './table3.ts';
import { NOT_APPLICABLE, slotsOf, TableBuilder, type TableStepResult } from './table-builder.ts';
import type { Token } from './tokens.ts';
import type { Table3 } from '../model/record.ts';
import {
	TABLE3_COLUMNS,
	TABLE3_OTHER_SUBROWS,
	TABLE3_ROWS,
	TABLE3_ROW_INFO,
} from '../model/vocabulary.ts';

export interface Table3StepResult extends TableStepResult<Table3 | null> {
	/** The single 2019 （六）其他处理 row was printed (null when no row was read). */
	otherCombined: boolean | null;
	/** The table shows its （六） shape itself (false when cut off before （六） or left empty). */
	shapeShown: boolean;
}

/** `regionFrom` is the 0-based first line of the section, where the header starts. */
export function readTable3Step(
	tokens: Token[],
	src: Pick<SourceLines, 'norm'>,
	regionFrom: number,
	context: Table3Context = {},
): Table3StepResult {
	const b = new TableBuilder('table3');
	const read = readTable3(tokens, context);
	for (const o of read.orphans) b.unassign(o, '在表三任何行标签之前的数');
	for (const e of read.extra) b.unassign(e.token, e.reason);
	if (read.rows.length === 0) return { ...b.result(null), otherCombined: null, shapeShown: false };

	const table3 = emptyTable3(b, read.otherCombined);
	for (const row of read.rows) {
		b.placeRow(
			row.fitted,
			slotsOf('table3', row.key, TABLE3_COLUMNS),
			table3 as unknown as Record<string, Record<string, number | null>>,
			row.line,
		);
		b.noteVariant(`table3.${row.key}`, row.labelRaw, TABLE3_ROW_INFO[row.key].label, row.line);
	}
	const missingRows = TABLE3_ROWS.filter(
		(r) =>
			r !== 'otherCombined' &&
			!(read.otherCombined && TABLE3_OTHER_SUBROWS.includes(r)) &&
			!read.rows.some((x) => x.key === r),
	);
	// Point at the row printed just before the lost one, where a reader would look for it.
	const lineBefore = (r: string) =>
		read.rows.filter((x) => TABLE3_ROWS.indexOf(x.key) < TABLE3_ROWS.indexOf(r as never)).at(-1)
			?.line ?? read.rows[0]!.line;
	for (const r of missingRows)
		b.problem({
			scope: `table3.${r}`,
			message: `表三未找到「${TABLE3_ROW_INFO[r].label}」行`,
			line: lineBefore(r),
			severity: 'error',
		});
	const header = src.norm.slice(regionFrom, read.rows[0]!.line - 1).join('');
	if (header.includes('社会组织') && !header.includes('社会公益组织'))
		b.labelVariants.push({
			path: 'table3.*.publicInterestOrg',
			raw: '社会组织',
			line: regionFrom + 1,
		});
	return { ...b.result(table3), otherCombined: read.otherCombined, shapeShown: read.shapeShown };
}

function emptyTable3(b: TableBuilder, otherCombined: boolean): Table3 {
	const t: Record<string, Record<string, null>> = {};
	for (const r of TABLE3_ROWS) {
		if (r === 'otherCombined' && !otherCombined) continue;
		const slots = slotsOf('table3', r, TABLE3_COLUMNS);
		const notApplicable = otherCombined && TABLE3_OTHER_SUBROWS.includes(r);
		b.expectRow(slots, notApplicable ? NOT_APPLICABLE : undefined);
		t[r] = Object.fromEntries(slots.map((s) => [s.col, null]));
	}
	return t as unknown as Table3;
}
