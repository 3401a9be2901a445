/**
 * pipe-padding.ts + tokens.ts: the glued bars a crawler pads a pipe row with (`| 7 | ||`) are no
 * cells; an empty cell it prints (`|  |`) is one, at the end of the row as well. Rows without the
 * leading bar (`行政许可 | 7 | ||`) are read the same way.
 */
import { describe, expect, it } from 'vitest';
import { pipePaddingStart } from '../../../src/lib/report/pipe-padding.ts';
import { fitRow } from '../../../src/lib/report/rows.ts';
import { splitSource } from '../../../src/lib/report/source.ts';
import { tokenizeRegion } from '../../../src/lib/report/tokens.ts';

const tokensOf = (line: string) => tokenizeRegion(splitSource(line), 0, 1).tokens;
const shape = (line: string) =>
	tokensOf(line).map((t) => (t.kind === 'num' ? t.value : t.kind === 'blank' ? '∅' : t.text));

describe('pipePaddingStart', () => {
	it('finds the glued run at the end of a row', () => {
		expect(pipePaddingStart('| 行政许可 | 7 | ||'.split('|'))).toBe(3);
		expect(pipePaddingStart('| 第二十条第(一)项 | |||'.split('|'))).toBe(2);
	});
	it('keeps a printed empty cell before the padding', () => {
		const fields = '| 其他 | 0 |  | ||'.split('|');
		expect(fields[3]).toBe('  ');
		expect(pipePaddingStart(fields)).toBe(4);
	});
	it('finds no padding where no field is empty of everything (`| 4 | |`)', () => {
		const fields = '| 4 | |'.split('|');
		expect(pipePaddingStart(fields)).toBe(fields.length - 1);
	});
});

describe('pipe rows padded by a crawler', () => {
	it('reads the padding as no cell and a printed empty last cell as a blank', () => {
		expect(shape('| 4.保护第三方合法权益 | 5 | 0 | 0 | 1 | 0 | 0 |  | ||')).toEqual([
			'4.保护第三方合法权益',
			5,
			0,
			0,
			1,
			0,
			0,
			'∅',
		]);
	});
	it('fits such a row with its last cell blank, not inferred from H3', () => {
		const tokens = tokensOf('4.保护第三方合法权益 | 5 | 0 | 0 | 1 | 0 | 0 |  | ||').slice(1);
		const fitted = fitRow(tokens, 7, null, '行');
		expect(fitted.problem).toBeNull();
		expect(fitted.cells.map((c) => c.kind)).toEqual([...Array(6).fill('token'), 'blank']);
	});
	it('reads a row without the leading bar the same way', () => {
		expect(shape('行政许可 | 7 | ||')).toEqual(['行政许可', 7]);
		expect(shape('其他 | 0 |  | ||')).toEqual(['其他', 0, '∅']);
	});
});
