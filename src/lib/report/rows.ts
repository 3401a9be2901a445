/**
 * Fit the cells found after one row label to the columns the format expects. Real rows
 * lose, gain or shift cells; a hard rule (H3 within a Table 3 row, H4 within a Table 4
 * group) may pin down the only reading. Anything else stays unassigned: never guessed.
 */
import type { Token } from './tokens.ts';

/** One cell of a fitted row: a source token, a value forced by a rule, or nothing. */
export type FittedCell =
	| { kind: 'token'; token: Token }
	| { kind: 'blank'; token: Token }
	| { kind: 'inferred'; value: number; rule: string }
	| { kind: 'none' };

export interface FittedRow {
	cells: FittedCell[];
	/** Tokens that found no column, with why. */
	dropped: { token: Token; reason: string }[];
	/** Set when the row's shape was wrong (H7), describing what happened. */
	problem: string | null;
	severity: 'error' | 'warning' | 'info';
}

/** The last line of a text that stops inside a table. */
export interface TextEnd {
	line: number;
}

/** A hard rule over one row: which value does position `p` need, given the others? null if not determined. */
export interface RowRule {
	id: string;
	solve(values: (number | null)[], p: number): number | null;
	holds(values: (number | null)[]): boolean;
}

/** H3: the last column is the sum of the others. */
export const sumRule = (id: string): RowRule => ({
	id,
	solve(values, p) {
		const last = values.length - 1;
		if (values.some((v, i) => i !== p && v === null)) return null;
		const others = values.reduce<number>(
			(s, v, i) => (i === p || i === last ? s : s + (v ?? 0)),
			0,
		);
		return p === last ? others : (values[last] ?? 0) - others;
	},
	holds(values) {
		if (values.some((v) => v === null)) return false;
		const last = values.length - 1;
		return values.slice(0, last).reduce<number>((s, v) => s + (v ?? 0), 0) === values[last];
	},
});

/** H4: Table 4 is three groups of five, each closed by its total. */
export const groupedSumRule = (id: string, groupSize: number): RowRule => {
	const inner = sumRule(id);
	return {
		id,
		solve(values, p) {
			const g = Math.floor(p / groupSize) * groupSize;
			return inner.solve(values.slice(g, g + groupSize), p - g);
		},
		holds(values) {
			for (let g = 0; g < values.length; g += groupSize)
				if (!inner.holds(values.slice(g, g + groupSize))) return false;
			return true;
		},
	};
};

const valueOf = (t: Token) => (t.kind === 'num' ? (t.value ?? null) : null);

export function fitRow(
	found: Token[],
	expected: number,
	rule: RowRule | null,
	rowName: string,
): FittedRow {
	const cells = trimBlanks(found, expected);
	// A number the parser cannot hold exactly must not feed a sum that forces another cell.
	if (rule && cells.some((t) => t.inexact)) rule = null;
	const asCells = (ts: Token[]): FittedCell[] =>
		ts.map((t) => (t.kind === 'num' ? { kind: 'token', token: t } : { kind: 'blank', token: t }));
	if (cells.length === expected)
		return { cells: asCells(cells), dropped: [], problem: null, severity: 'info' };
	if (cells.length === 0)
		return {
			cells: Array.from({ length: expected }, () => ({ kind: 'none' })),
			dropped: [],
			problem: null,
			severity: 'info',
		};
	if (cells.length < expected) return fitShortRow(cells, expected, rule, rowName, asCells);
	return fitLongRow(cells, expected, rule, rowName, asCells);
}

function fitShortRow(
	cells: Token[],
	expected: number,
	rule: RowRule | null,
	rowName: string,
	asCells: (ts: Token[]) => FittedCell[],
): FittedRow {
	const missing = expected - cells.length;
	const problem = `${rowName}：${cells.length} 个数，应有 ${expected} 个`;
	const values = cells.map(valueOf);
	if (rule && missing === 1 && values.every((v) => v === 0)) {
		// Every printed cell is 0, so a row total of 0 forces the one lost cell to 0 too (H3/H4 with
		// H5). With two or more cells lost, the lost total could be anything: never guessed.
		const fitted = asCells(cells);
		for (let i = 0; i < missing; i++) fitted.push({ kind: 'inferred', value: 0, rule: rule.id });
		return {
			cells: fitted,
			dropped: [],
			problem: `${problem}；印出的数全为 0，按 ${rule.id} 缺的也只能是 0`,
			severity: 'warning',
		};
	}
	if (rule && missing === 1) {
		const readings = new Map<string, { at: number; value: number }>();
		for (let p = 0; p < expected; p++) {
			const trial = [...values.slice(0, p), null, ...values.slice(p)];
			const forced = rule.solve(trial, p);
			if (forced === null || forced < 0 || !Number.isInteger(forced)) continue;
			trial[p] = forced;
			const key = JSON.stringify(trial);
			if (!readings.has(key) || p === expected - 1) readings.set(key, { at: p, value: forced });
		}
		if (readings.size === 1) {
			const [{ at, value }] = [...readings.values()] as [{ at: number; value: number }];
			const fitted = asCells(cells);
			fitted.splice(at, 0, { kind: 'inferred', value, rule: rule.id });
			return {
				cells: fitted,
				dropped: [],
				problem: `${problem}；只有一种读法符合 ${rule.id}，据此补出`,
				severity: 'warning',
			};
		}
	}
	return unassignable(cells, expected, `${problem}；无法判断缺的是哪一列，本行不取数`);
}

function fitLongRow(
	cells: Token[],
	expected: number,
	rule: RowRule | null,
	rowName: string,
	asCells: (ts: Token[]) => FittedCell[],
): FittedRow {
	const surplus = cells.length - expected;
	const problem = `${rowName}：${cells.length} 个数，应有 ${expected} 个`;
	// A blank printed beside the value of a merged cell (seed 003's "⇥　" line) is padding.
	const numbers = cells.filter((t) => t.kind === 'num');
	if (numbers.length === expected)
		return { cells: asCells(numbers), dropped: [], problem: null, severity: 'info' };
	const tail = cells.slice(expected);
	if (!rule && tail.every((t) => t.kind === 'blank' || t.value === 0)) {
		// Merged cells printed as 0 after the real value (seed 002's Table 2).
		return {
			cells: asCells(cells.slice(0, expected)),
			dropped: tail.map((token) => ({ token, reason: `${rowName}：合并单元格中多印的 0` })),
			problem: null,
			severity: 'info',
		};
	}
	if (rule && surplus <= 2) {
		const readings = new Map<string, number[]>();
		for (const removed of combinations(cells.length, surplus)) {
			const kept = cells.filter((_, i) => !removed.includes(i));
			const values = kept.map(valueOf);
			if (!rule.holds(values)) continue;
			// Prefer dropping the last cells: the extra cell is usually a trailing artefact.
			readings.set(JSON.stringify(values), removed);
		}
		if (readings.size === 1) {
			const removed = [...readings.values()][0]!;
			return {
				cells: asCells(cells.filter((_, i) => !removed.includes(i))),
				dropped: removed.map((i) => ({
					token: cells[i]!,
					reason: `${problem}；只有去掉它才符合 ${rule.id}`,
				})),
				problem: `${problem}；去掉多出的单元格（唯一符合 ${rule.id} 的读法）`,
				severity: 'warning',
			};
		}
	}
	return unassignable(cells, expected, `${problem}；无法判断多出的是哪个，本行不取数`);
}

function unassignable(cells: Token[], expected: number, problem: string): FittedRow {
	return {
		cells: Array.from({ length: expected }, () => ({ kind: 'none' })),
		dropped: cells.filter((t) => t.kind === 'num').map((token) => ({ token, reason: problem })),
		problem,
		severity: 'error',
	};
}

/**
 * Blanks before the first number are label columns; blanks after the last are trailing
 * separators — except a blank written out as a cell (`| 0 |  |`, `<td>&nbsp;</td>`) on the line
 * of the row's last number: that is the row's own empty last cell. In one cell per line, blank
 * cell lines (`cellLine`) after the last number are the row's empty last cells, up to `expected`
 * cells; any further ones belong to the next row's label columns.
 */
export function trimBlanks(tokens: Token[], expected = Infinity): Token[] {
	let a = 0;
	let b = tokens.length;
	while (a < b && tokens[a]!.kind === 'blank') a++;
	let last = b;
	while (last > a && tokens[last - 1]!.kind === 'blank') last--;
	const lastLine = tokens[last - 1]?.line;
	b = last;
	while (
		b < tokens.length &&
		tokens[b]!.explicit &&
		tokens[b]!.line === lastLine &&
		b - a < expected
	)
		b++;
	while (b < tokens.length && tokens[b]!.cellLine && b - a < expected) b++;
	// Bare `|` cell lines between the label and the first number of a row still short of cells:
	// its own empty first cells (label columns are printed before the label, never after it).
	while (a > 0 && Number.isFinite(expected) && b - a < expected && tokens[a - 1]!.cellLine) a--;
	// A row short of cells whose first cells were marked empty (␀) on its first number's line:
	// those are its own empty first cells, not label columns.
	const firstLine = tokens[a]?.line;
	while (
		a > 0 &&
		b - a < expected &&
		markedEmpty(tokens[a - 1]!) &&
		tokens[a - 1]!.line === firstLine
	)
		a--;
	return tokens.slice(a, b);
}

/** A blank written as the empty-cell mark (an empty PDF cell placed by its column, an empty <td>). */
const markedEmpty = (t: Token) =>
	t.kind === 'blank' && t.explicit === true && t.raw.includes('\u2400');

/** k-subsets of 0..n-1 in ascending order; later subsets drop later cells. */
function combinations(n: number, k: number): number[][] {
	if (k === 1) return Array.from({ length: n }, (_, i) => [i]);
	const out: number[][] = [];
	for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
	return out;
}

/**
 * A row reached by the end of the text (an excerpt, a truncated page): kept only when it is
 * complete and its rule holds. Otherwise its last number may be cut mid-number and its missing
 * cells are unknowable: nothing is inferred, its numbers are reported.
 */
export function fitCutRow(
	found: Token[],
	expected: number,
	rule: RowRule | null,
	rowName: string,
): FittedRow {
	const cells = trimBlanks(found, expected);
	if (cells.length === expected && (rule === null || rule.holds(cells.map(valueOf))))
		return fitRow(found, expected, rule, rowName);
	return unassignable(
		cells,
		expected,
		`${rowName}：${cells.length} 个数，应有 ${expected} 个；文本在本行截断，本行不取数`,
	);
}
