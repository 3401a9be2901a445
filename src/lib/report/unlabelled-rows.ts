/**
 * Rows whose numbers have no usable label — the label floated away (PDF → Markdown) or lost
 * characters in extraction (`属于三类内部事信息`) — are placed by position: the template rows
 * left without numbers between two labelled neighbours take them in order, but only when the
 * counts match, a printed list number agrees, and each row's own sum (H3) confirms the reading.
 * Anything else is reported, never guessed.
 */
import type { FoundRow } from './labels.ts';
import { trimBlanks, type RowRule } from './rows.ts';
import { compact } from './source.ts';
import type { Token } from './tokens.ts';

export interface Placement<K extends string> {
	/** Rows with a definition each, in printed order; a floating label-only row is merged away. */
	rows: FoundRow<K>[];
	/** Numbers of rows that could not be placed, with why. */
	unplaced: { token: Token; reason: string }[];
}

const hasNumbers = (r: FoundRow<string>) => r.values.some((t) => t.kind === 'num');

/** The list number a label starts with (`5.`, `（二）`), or null. */
function listNumber(label: string): string | null {
	const s = compact(label).normalize('NFKC');
	return /^(\d+)[.、]/.exec(s)?.[1] ?? /^[(]([一二三四五六七八九十]+)[)]/.exec(s)?.[1] ?? null;
}

/**
 * `template` lists the row keys in printed order; `labelOf` gives each key's official label
 * (for its list number); `width` and `rule` say what a complete, consistent row is.
 */
export function placeUnlabelledRows<K extends string>(
	rows: FoundRow<K>[],
	template: readonly K[],
	labelOf: (key: K) => string,
	width: number,
	rule: RowRule,
): Placement<K> {
	if (!rows.some((r) => r.def === null)) return { rows, unplaced: [] };
	const out = [...rows];
	const unplaced: Placement<K>['unplaced'] = [];
	const filled = (key: K) => out.some((r) => r.def?.key === key && hasNumbers(r));
	const position = (r: FoundRow<K>) => (r.def ? template.indexOf(r.def.key) : -1);
	const merged = new Set<FoundRow<K>>();

	for (let i = 0; i < out.length; i++) {
		if (out[i]!.def !== null) continue;
		let j = i;
		while (j + 1 < out.length && out[j + 1]!.def === null) j++;
		const run = out.slice(i, j + 1);
		const before = out.slice(0, i).findLast((r) => hasNumbers(r) && position(r) >= 0);
		const after = out.slice(j + 1).find((r) => hasNumbers(r) && position(r) >= 0);
		const lo = before ? position(before) : -1;
		const hi = after ? position(after) : template.length;
		const gap = template.slice(lo + 1, Math.max(lo + 1, hi)).filter((k) => !filled(k));
		const reading = gap.length === run.length && run.every((r, n) => fits(r, gap[n]!));
		for (const [n, row] of run.entries()) {
			if (!reading) {
				const why =
					gap.length !== run.length
						? `无法确定属于哪一行：相邻两行之间缺 ${gap.length} 行，却有 ${run.length} 行无标签的数`
						: '无法确定属于哪一行：按位置放入不符合 H3 或序号不符';
				for (const token of row.values)
					if (token.kind === 'num')
						unplaced.push({ token, reason: `「${row.labelRaw || '（无标签）'}」一行的数${why}` });
				continue;
			}
			const key = gap[n]!;
			const floating = out.find((r) => r.def?.key === key && !hasNumbers(r));
			if (floating) merged.add(floating);
			row.def = { ...(floating?.def ?? { keywords: /$^/ }), key };
			if (floating && !row.labelRaw) row.labelRaw = floating.labelRaw;
		}
		i = j;
	}

	function fits(row: FoundRow<K>, key: K): boolean {
		const printed = listNumber(row.labelRaw);
		if (printed !== null && printed !== listNumber(labelOf(key))) return false;
		const cells = trimBlanks(row.values);
		if (cells.length !== width || cells.some((t) => t.kind !== 'num')) return false;
		return rule.holds(cells.map((t) => t.value ?? null));
	}

	return {
		rows: out.filter((r) => r.def !== null && !merged.has(r)),
		unplaced,
	};
}
