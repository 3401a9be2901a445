/**
 * tokens.ts + rows.ts: a bare `|` line is an empty cell where every cell line ends with `|`
 * (one cell per line, closed by a converter), and no cell where the cell lines do not (a
 * column separator). The layout decides, never the line alone.
 */
import { describe, expect, it } from 'vitest';
import { fitRow } from '../../../src/lib/report/rows.ts';
import { splitSource } from '../../../src/lib/report/source.ts';
import { tokenizeRegion } from '../../../src/lib/report/tokens.ts';

const tokensOf = (lines: string[]) =>
	tokenizeRegion(splitSource(lines.join('\n')), 0, lines.length).tokens;
const shape = (lines: string[]) =>
	tokensOf(lines).map((t) => (t.kind === 'num' ? t.value : t.kind === 'blank' ? '∅' : t.text));

describe('one cell per line closed by `|`', () => {
	const closed = ['\t1.重复申请|', '\t4|', '\t 1|', '|', '\t2|', '', '|', '\t2.其他|'];
	it('reads `4|` as the number 4 and a bare `|` as a blank cell', () => {
		expect(shape(closed)).toEqual(['1.重复申请', 4, 1, '∅', 2, '∅', '2.其他']);
		const blanks = tokensOf(closed).filter((t) => t.kind === 'blank');
		expect(blanks.every((t) => t.explicit && t.cellLine)).toBe(true);
	});
	it('fills a row’s missing last cell from the bare `|` after its last number, no further', () => {
		const tokens = tokensOf(['\t行|', '\t3|', '\t5|', '|', '', '|', '|', '\t下一行|']);
		const row = tokens.slice(1, -1);
		const fitted = fitRow(row, 3, null, '行');
		expect(fitted.problem).toBeNull();
		expect(fitted.cells.map((c) => c.kind)).toEqual(['token', 'token', 'blank']);
	});
	it('without the closing `|` on the cell lines, a bare `|` is a separator and no cell', () => {
		const separated = ['\t1.重复申请', '|', '\t4', '|', '\t 1', '|', '\t2', '|'];
		expect(shape(separated).filter((s) => s !== '∅')).toEqual(['1.重复申请', 4, 1, 2]);
		expect(tokensOf(separated).some((t) => t.cellLine)).toBe(false);
	});
	it('a pipe row `| 4 | 1 |` is not a cell line closed by `|`', () => {
		expect(
			tokensOf([
				'| 重复申请 | 4 | 1 |',
				'| 其他 | 2 | 3 |',
				'| a | 1 | 2 |',
				'| b | 3 | 4 |',
				'|',
			]).some((t) => t.cellLine),
		).toBe(false);
	});
});
