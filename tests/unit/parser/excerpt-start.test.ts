/**
 * excerpt-start.ts: where the Table 3 walk starts when a text enters the table past its first
 * rows. The start is the first label followed by numbers; a caption never starts it, and a table
 * that begins within the walk's reach keeps the ordinary start.
 */
import { describe, expect, it } from 'vitest';
import { excerptStart } from '../../../src/lib/report/excerpt-start.ts';
import type { RowDef } from '../../../src/lib/report/labels.ts';
import { splitSource } from '../../../src/lib/report/source.ts';
import { tokenizeRegion } from '../../../src/lib/report/tokens.ts';

const DEFS: RowDef[] = [
	{ key: 'a', keywords: /甲行/ },
	{ key: 'b', keywords: /乙行/ },
	{ key: 'cap', keywords: /丙组$/, weak: true },
	{ key: 'c', keywords: /丙行/ },
	{ key: 'd', keywords: /丁行/ },
	{ key: 'e', keywords: /戊行/ },
];
const tokens = (lines: string[]) =>
	tokenizeRegion(splitSource(lines.join('\n')), 0, lines.length).tokens;

describe('excerptStart', () => {
	it('starts at the first labelled row past the window', () => {
		expect(excerptStart(tokens(['丁行\t1\t2', '戊行\t3\t4']), DEFS, 2)).toBe(4);
	});
	it('takes the row, not the caption printed before it on the same line', () => {
		expect(excerptStart(tokens(['丙组\t1.丙行\t1\t2', '丁行\t3\t4']), DEFS, 2)).toBe(3);
	});
	it('keeps the ordinary start when the first row is within reach', () => {
		expect(excerptStart(tokens(['乙行\t1\t2', '丁行\t3\t4']), DEFS, 2)).toBeNull();
	});
	it('ignores numbers with no label before them and labels with no numbers after them', () => {
		expect(excerptStart(tokens(['5\t6', '丙行', '丁行\t3\t4']), DEFS, 2)).toBe(4);
	});
	it('finds nothing in text that names no row', () => {
		expect(excerptStart(tokens(['其他内容\t1\t2']), DEFS, 2)).toBeNull();
	});
});
