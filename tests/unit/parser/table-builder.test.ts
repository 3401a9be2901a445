/** TableBuilder: how a fitted row becomes values and provenance, and what it reports. */
import { describe, expect, it } from 'vitest';
import type { FittedRow } from '../../../src/lib/report/rows.ts';
import { slotsOf, TableBuilder } from '../../../src/lib/report/table-builder.ts';
import type { Token } from '../../../src/lib/report/tokens.ts';

const num = (value: number, col: number, marker = false): Token => ({
	kind: 'num',
	text: String(value),
	raw: marker ? '—' : String(value),
	line: 4,
	col,
	value,
	...(marker ? { marker } : {}),
});

describe('TableBuilder.placeRow', () => {
	const slots = slotsOf('tableX', 'row', ['a', 'b', 'c']);

	it('writes values and provenance: ok, marker, inferred', () => {
		const b = new TableBuilder('tableX');
		const target = { row: { a: null, b: null, c: null } };
		const fitted: FittedRow = {
			cells: [
				{ kind: 'token', token: num(2, 5) },
				{ kind: 'token', token: num(0, 7, true) },
				{ kind: 'inferred', value: 2, rule: 'H3' },
			],
			dropped: [],
			problem: 'short row',
			severity: 'warning',
		};
		b.placeRow(fitted, slots, target);
		expect(target.row).toEqual({ a: 2, b: 0, c: 2 });
		expect(b.cells['tableX.row.a']).toEqual({ raw: '2', line: 4, col: 5, status: 'ok' });
		expect(b.cells['tableX.row.b']!.status).toBe('marker');
		expect(b.cells['tableX.row.c']).toEqual({
			raw: null,
			line: 4,
			col: null,
			status: 'inferred',
			rule: 'H3',
		});
		expect(b.problems).toEqual([
			{ scope: 'tableX.row', message: 'short row', line: 4, severity: 'warning' },
		]);
	});

	it('a label without values is blank; an unreadable row is missing and its numbers unassigned', () => {
		const b = new TableBuilder('tableX');
		const target = { row: { a: null, b: null, c: null } };
		b.placeRow({ cells: [], dropped: [], problem: null, severity: 'info' }, slots, target, 9);
		expect(b.cells['tableX.row.a']).toEqual({ raw: '', line: 9, col: null, status: 'blank' });
		b.placeRow(
			{
				cells: [],
				dropped: [{ token: num(5, 3), reason: 'why' }],
				problem: 'bad',
				severity: 'error',
			},
			slots,
			target,
			9,
		);
		expect(b.cells['tableX.row.a']!.status).toBe('missing');
		expect(b.unassigned).toEqual([{ raw: '5', line: 4, col: 3, table: 'tableX', reason: 'why' }]);
	});

	it('records a label variant only when the printed label lacks the official words', () => {
		const b = new TableBuilder('tableX');
		b.noteVariant('tableX.row', '（二）部分公开', '（二）部分公开', 3);
		b.noteVariant('tableX.row', '2.其他法律法规禁止公开', '2.其他法律行政法规禁止公开', 4);
		expect(b.labelVariants).toEqual([
			{ path: 'tableX.row', raw: '2.其他法律法规禁止公开', line: 4 },
		]);
	});
});
