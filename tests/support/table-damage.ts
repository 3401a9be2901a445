/**
 * Test support: the real-world table damage of issue 9 §2 (floating labels, Table 3 as a chain
 * of small tables, damaged labels, Table 2 blocks out of order, explicit empty cells, text cut
 * off at the end), applied to a rendered report text line by line. Each damage says which
 * printed numbers it leaves outside the canonical cells, so the truth stays what was rendered.
 */

export interface Damaged {
	text: string;
	/** Numbers the damage prints that belong to no canonical cell (1-based lines). */
	allowedUnassigned: { line: number; raw: string; reason: string }[];
}

export type TextDamage = (text: string) => Damaged;

const cellsOf = (line: string) => line.slice(1, -1).split('|');
const pipeRow = (cells: string[]) => `|${cells.join('|')}|`;
const at = (lines: string[], needle: string, from = 0) => {
	const i = lines.findIndex((l, j) => j >= from && l.includes(needle));
	if (i === -1) throw new Error(`damage: no line contains ${needle}`);
	return i;
};
const done = (lines: string[], allowed: Damaged['allowedUnassigned'] = []): Damaged => ({
	text: lines.join('\n'),
	allowedUnassigned: allowed,
});

/**
 * PDF → Markdown, a label cell spanning three lines: its first half on a label-only row above,
 * the numbers on a row with no label, the rest of the label on a label-only row below.
 */
export function splitLabelAroundNumbers(labels: string[]): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		for (const label of labels) {
			const i = at(lines, label);
			const cells = cellsOf(lines[i]!);
			const k = cells.findIndex((c) => c.includes(label));
			const half = Math.ceil(label.length / 2);
			const only = (text: string) => cells.map((_, j) => (j === k ? ` ${text} ` : ' '));
			const numbers = cells.map((c, j) => (j <= k ? ' ' : c));
			lines.splice(
				i,
				1,
				pipeRow(only(label.slice(0, half))),
				pipeRow(numbers),
				pipeRow(only(label.slice(half))),
			);
		}
		return done(lines);
	};
}

/** A group label cut across the first two rows of its group: `| （三）不 |` … `| 予公开 |`. */
export function cutGroupLabel(group: string, cutAt: number): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		const i = at(lines, group);
		const next = lines[i + 1]!;
		const cells = cellsOf(lines[i]!);
		const k = cells.findIndex((c) => c.includes(group));
		cells[k] = ` ${group.slice(0, cutAt)} `;
		const below = cellsOf(next);
		below[k] = ` ${group.slice(cutAt)} `;
		lines[i] = pipeRow(cells);
		lines[i + 1] = pipeRow(below);
		return done(lines);
	};
}

/**
 * The label of a row printed after its numbers as a row of its own (tsv or pipe): the number
 * row has no label at all, the label-only row follows it.
 */
export function labelAfterNumbers(labels: string[], sep: '\t' | '|'): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		for (const label of labels) {
			const i = at(lines, label);
			const line = lines[i]!;
			if (sep === '|') {
				const cells = cellsOf(line);
				const k = cells.findIndex((c) => c.includes(label));
				lines.splice(
					i,
					1,
					pipeRow(cells.map((c, j) => (j <= k ? ' ' : c))),
					pipeRow(cells.map((c, j) => (j === k ? c : ' '))),
				);
			} else {
				const cells = line.split('\t');
				const k = cells.findIndex((c) => c.includes(label));
				lines.splice(
					i,
					1,
					cells.map((c, j) => (j <= k ? '' : c)).join('\t'),
					cells.map((c, j) => (j === k ? c : '')).join('\t'),
				);
			}
		}
		return done(lines);
	};
}

/** Replace label text (characters lost or replaced in extraction). */
export function replaceText(pairs: [string, string][]): TextDamage {
	return (text) => {
		let out = text;
		for (const [from, to] of pairs) {
			if (!out.includes(from)) throw new Error(`damage: no ${from}`);
			out = out.replace(from, to);
		}
		return { text: out, allowedUnassigned: [] };
	};
}

/** Apply several damages in order; the unassigned numbers of each must be on lines no later damage moves. */
export function chain(...damages: TextDamage[]): TextDamage {
	return (text) => {
		let out: Damaged = { text, allowedUnassigned: [] };
		for (const d of damages) {
			const next = d(out.text);
			out = {
				text: next.text,
				allowedUnassigned: [...out.allowedUnassigned, ...next.allowedUnassigned],
			};
		}
		return out;
	};
}

/**
 * Table 3 as a chain of small markdown tables, one per group, each under its own header row
 * (`| 类别 | 数据1 | … | 总计 |` or the column names); the group captions printed as headings
 * between them; the header row printed again in the middle of a group (a page break).
 */
export function table3AsSmallTables(style: 'numbered' | 'named'): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		const first = at(lines, '一、本年新收');
		const last = at(lines, '四、结转下年度继续办理', first);
		const header =
			style === 'numbered'
				? '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |'
				: '| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |';
		const table = (rows: string[]) => [header, '|---|---|---|---|---|---|---|---|', ...rows];
		const out: string[] = [];
		let current: string[] = [];
		const flush = () => {
			if (current.length) out.push(...table(current), '');
			current = [];
		};
		for (let i = first; i <= last; i++) {
			const cells = cellsOf(lines[i]!).map((c) => c.trim());
			const numbers = cells.slice(3);
			const [group, sub, item] = cells as [string, string, string];
			const caption =
				group && sub ? group : item && sub ? sub : /^（七）|^四、/.test(sub || group) ? '' : null;
			if (caption !== null) {
				// A group starts: its caption becomes a heading over a small table of its own.
				flush();
				if (caption) out.push(`### ${caption}`, '');
			}
			// A page break inside a group: the header row printed again.
			if (/^8\.|^3\.补正/.test(item)) current.push(header);
			current.push(`| ${item || sub || group} | ${numbers.join(' | ')} |`);
		}
		flush();
		lines.splice(first, last - first + 1, ...out);
		// `数据1` … `数据6` name columns: the parser reports their digits, they are not values.
		const allowed =
			style === 'numbered'
				? lines.flatMap((l, i) =>
						l === header
							? [1, 2, 3, 4, 5, 6].map((n) => ({
									line: i + 1,
									raw: String(n),
									reason: 'column name',
								}))
							: [],
					)
				: [];
		return done(lines, allowed);
	};
}

/** Move the line range holding `from`…`to` (inclusive) to just before the line holding `before`. */
export function moveBlock(from: string, to: string, before: string): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		const a = at(lines, from);
		const b = at(lines, to, a);
		const block = lines.splice(a, b - a + 1);
		lines.splice(at(lines, before), 0, ...block);
		return done(lines);
	};
}

/** Insert a local extra row (a label the template does not have) before the line holding `before`. */
export function insertRowBefore(row: string, before: string, raw: string): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		const i = at(lines, before);
		lines.splice(i, 0, row);
		return done(lines, [{ line: i + 1, raw, reason: 'local extra row' }]);
	};
}

/** Cut the text after the first occurrence of `needle` on the line holding `lineNeedle`. */
export function cutAfter(lineNeedle: string, keep: (line: string) => string): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		const i = at(lines, lineNeedle);
		lines.splice(i, lines.length - i, keep(lines[i]!));
		return { text: lines.join('\n'), allowedUnassigned: [] };
	};
}

/**
 * One cell per line with a bare `|` line between cells (a converter's column separator): inside
 * the table sections, a `|` line after every cell line.
 */
export function separatorBars(): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		const from = at(lines, '二、主动公开政府信息情况');
		const to = at(lines, '五、存在的主要问题及改进情况', from);
		const out = lines.flatMap((l, i) => (i > from && i < to && /^\t.*\S/.test(l) ? [l, '|'] : [l]));
		return done(out);
	};
}

/**
 * One cell per line where a converter closes every cell with `|` (`\t 6|`, `（一）…|`): an empty
 * cell (the renderer's lone ideographic space, or a lone tab) is then a line holding only `|`.
 * `tab` false drops the leading tab of cell lines as well (a plainer converter).
 */
export function barClosedCells({ tab }: { tab: boolean }): TextDamage {
	return (text) => {
		const lines = text.split('\n');
		const from = at(lines, '二、主动公开政府信息情况');
		const to = at(lines, '五、存在的主要问题及改进情况', from);
		const out = lines.map((l, i) => {
			if (i <= from || i >= to || l === '') return l;
			if (/^[\t\u3000\s]*$/.test(l)) return '|';
			const cell = tab ? l : l.replace(/^\t/, '');
			// Prose inside a table section (a sentence) is no cell.
			return cell.includes('。') ? l : `${cell}|`;
		});
		return done(out);
	};
}
