/**
 * The small table helpers on hand-written tokens: repeated header rows, row boundaries in the
 * label walk, placing label-less rows, rows cut by the end of the text, explicit end-of-row
 * blanks, and the plausible-count bound.
 */
import { describe, expect, it } from 'vitest';
import { withoutRepeatedHeaders } from '../../../src/lib/report/header-rows.ts';
import { walkRows, type RowDef } from '../../../src/lib/report/labels.ts';
import { implausibleCounts, PLAUSIBLE_MAX } from '../../../src/lib/report/plausible.ts';
import { fitCutRow, fitRow, sumRule, trimBlanks } from '../../../src/lib/report/rows.ts';
import { splitSource } from '../../../src/lib/report/source.ts';
import { tokenizeRegion, type Token } from '../../../src/lib/report/tokens.ts';
import { placeUnlabelledRows } from '../../../src/lib/report/unlabelled-rows.ts';

const tokens = (...lines: string[]) => {
	const src = splitSource(lines.join('\n'));
	return tokenizeRegion(src, 0, src.norm.length);
};
const H3 = sumRule('H3');
const DEFS: RowDef[] = [
	{ key: 'a', keywords: /甲行/ },
	{ key: 'b', keywords: /乙行/ },
	{ key: 'c', keywords: /丙行/ },
	{ key: 'd', keywords: /丁行/ },
];
const LABELS: Record<string, string> = { a: '1.甲行', b: '2.乙行', c: '3.丙行', d: '4.丁行' };
const nums = (r: { values: Token[] }) =>
	r.values.filter((t) => t.kind === 'num').map((t) => t.value);

describe('tokenizeRegion: header rows and explicit blanks', () => {
	it('digits glued to column names are reported as header numbers, not values', () => {
		const t = tokens('| 类别 | 数据1 | 数据2 | 总计 |');
		expect(t.tokens.filter((x) => x.kind === 'num')).toEqual([]);
		expect(t.headerNumbers.map((x) => x.raw)).toEqual(['1', '2']);
	});

	it('a lone word with a digit is still a number (not a header)', () => {
		expect(
			tokens('\t的8')
				.tokens.filter((x) => x.kind === 'num')
				.map((x) => x.value),
		).toEqual([8]);
	});

	it('a blank inside the outer pipes, or &nbsp;, is an explicit cell kept at the end of its row', () => {
		for (const line of ['| 甲行 | 1 | 2 |  |', '| 甲行 | 1 | 2 | &nbsp; |']) {
			const row = trimBlanks(tokens(line).tokens.filter((x) => x.kind !== 'text'));
			expect(row.map((x) => x.kind)).toEqual(['num', 'num', 'blank']);
		}
	});

	it('trailing tab fields are padding, not cells', () => {
		const row = trimBlanks(tokens('甲行\t1\t2\t\t').tokens.filter((x) => x.kind !== 'text'));
		expect(row.map((x) => x.kind)).toEqual(['num', 'num']);
	});
});

describe('withoutRepeatedHeaders', () => {
	it('drops a column-header row printed after the rows began, keeps the first header', () => {
		const t = tokens(
			'| 项目 | 自然人 | 其他 | 总计 |',
			'| 甲行 | 1 | 2 | 3 |',
			'| 项目 | 自然人 | 其他 | 总计 |',
			'| 乙行 | 1 | 1 | 2 |',
		).tokens;
		const kept = withoutRepeatedHeaders(t);
		expect(kept.filter((x) => x.line === 3)).toEqual([]);
		expect(kept.filter((x) => x.line === 1).length).toBeGreaterThan(0);
	});
});

describe('walkRows', () => {
	it('matches labels in any order when asked (unique labels)', () => {
		const t = tokens('丙行\t3', '甲行\t1', '乙行\t2').tokens;
		const walk = walkRows(t, DEFS, { window: DEFS.length, anyOrder: true });
		expect(walk.rows.map((r) => r.def?.key)).toEqual(['c', 'a', 'b']);
		// In template order the earlier labels are unreachable: their rows stay unknown (def null).
		const ordered = walkRows(t, DEFS, { window: DEFS.length });
		expect(ordered.rows.map((r) => r.def?.key ?? null)).toEqual(['c', null, null]);
	});

	it('unknown text followed by numbers, after a row with numbers, is a row boundary', () => {
		const walk = walkRows(tokens('甲行\t1\t1\t2', '2.乙损\t0\t1\t1').tokens, DEFS, { window: 4 });
		expect(walk.rows.map((r) => [r.def?.key ?? null, r.labelRaw, nums(r)])).toEqual([
			['a', '甲行', [1, 1, 2]],
			[null, '2.乙损', [0, 1, 1]],
		]);
	});

	it('a line of bare numbers after a complete row is a row of its own', () => {
		const walk = walkRows(tokens('甲行\t1\t1\t2', '\t0\t1\t1', '乙行').tokens, DEFS, {
			window: 4,
			rowWidth: 3,
		});
		expect(walk.rows.map((r) => [r.def?.key ?? null, nums(r)])).toEqual([
			['a', [1, 1, 2]],
			[null, [0, 1, 1]],
			['b', []],
		]);
	});

	it('numbers on the line after a label-only line belong to that label (wrapped row)', () => {
		const walk = walkRows(tokens('甲行', '\t1\t1\t2').tokens, DEFS, { window: 4, rowWidth: 3 });
		expect(walk.rows.map((r) => [r.def?.key, nums(r)])).toEqual([['a', [1, 1, 2]]]);
	});
});

describe('placeUnlabelledRows', () => {
	const place = (...lines: string[]) =>
		placeUnlabelledRows(
			walkRows(tokens(...lines).tokens, DEFS, { window: 4, rowWidth: 3 }).rows,
			['a', 'b', 'c', 'd'],
			(k) => LABELS[k]!,
			3,
			H3,
		);

	it('fills the one template row left without numbers between labelled neighbours', () => {
		const p = place('甲行\t1\t1\t2', '\t0\t1\t1', '乙行', '丙行\t2\t0\t2');
		expect(p.rows.map((r) => [r.def?.key, r.labelRaw, nums(r)])).toEqual([
			['a', '甲行', [1, 1, 2]],
			['b', '乙行', [0, 1, 1]],
			['c', '丙行', [2, 0, 2]],
		]);
		expect(p.unplaced).toEqual([]);
	});

	it('places a damaged label by its list number and position', () => {
		const p = place('甲行\t1\t1\t2', '2.乙损\t0\t1\t1', '丙行\t2\t0\t2');
		expect(p.rows.map((r) => [r.def?.key, r.labelRaw])).toEqual([
			['a', '甲行'],
			['b', '2.乙损'],
			['c', '丙行'],
		]);
	});

	it('reports instead of guessing: wrong list number, counts that differ, or H3 broken', () => {
		for (const lines of [
			['甲行\t1\t1\t2', '3.乙损\t0\t1\t1', '丙行\t2\t0\t2'],
			['甲行\t1\t1\t2', '乙损\t0\t1\t1', '丁行\t2\t0\t2'],
			['甲行\t1\t1\t2', '乙损\t0\t1\t5', '丙行\t2\t0\t2'],
		]) {
			const p = place(...lines);
			expect(p.rows.some((r) => r.def?.key === 'b' && nums(r).length > 0)).toBe(false);
			expect(p.unplaced.map((u) => u.token.value).length).toBe(3);
		}
	});
});

describe('fitCutRow', () => {
	const row = (...values: number[]) => tokens(values.join('\t')).tokens;

	it('keeps a complete row whose sum holds', () => {
		const r = fitCutRow(row(1, 2, 3), 3, H3, 'r');
		expect(r.problem).toBeNull();
		expect(r.cells.map((c) => (c.kind === 'token' ? c.token.value : null))).toEqual([1, 2, 3]);
	});

	it('infers nothing in a short row (even all zeros) and reports its numbers', () => {
		for (const r of [fitCutRow(row(0, 0), 3, H3, 'r'), fitCutRow(row(1, 2, 1), 3, H3, 'r')]) {
			expect(r.cells.every((c) => c.kind === 'none')).toBe(true);
			expect(r.dropped.length).toBeGreaterThan(0);
			expect(r.problem).toContain('截断');
		}
	});
});

describe('fitRow on an all-zero row', () => {
	const row = (n: number) => tokens(Array(n).fill('0').join('\t')).tokens;

	it('infers the one missing cell as 0 (H3 forces it)', () => {
		const r = fitRow(row(6), 7, H3, 'r');
		expect(r.cells.filter((c) => c.kind === 'inferred')).toHaveLength(1);
	});

	it('infers nothing when two or more cells are missing', () => {
		for (const n of [3, 4, 5]) {
			const r = fitRow(row(n), 7, H3, 'r');
			expect(r.cells.some((c) => c.kind === 'inferred')).toBe(false);
			expect(r.severity).toBe('error');
		}
	});
});

describe('implausibleCounts', () => {
	it('flags ok counts above the bound, never money columns or other statuses', () => {
		const big = String(PLAUSIBLE_MAX + 1);
		const cell = (raw: string, status: 'ok' | 'missing' = 'ok') => ({
			raw,
			line: 3,
			col: 2,
			status,
		});
		const found = implausibleCounts({
			'table3.granted.total': cell(big),
			'table3.granted.naturalPerson': cell(String(PLAUSIBLE_MAX)),
			'table2v2019.procurement.totalAmount': cell(big),
			'table3.carriedOver.total': cell(big, 'missing'),
		});
		expect(found.map((f) => f.path)).toEqual(['table3.granted.total']);
	});
});
