/**
 * A sum over more than FIGURE_CELLS_LIMIT reports is printed as a plain number, so a national or
 * province page does not carry one cell reference per report; at or under the limit it still names
 * every cell it adds.
 */
import { describe, expect, it } from 'vitest';
import { findingText } from '../../../src/lib/site/findings.ts';
import { FIGURE_CELLS_LIMIT, yearFindings } from '../../../src/lib/site/group-findings.ts';
import { makeEntry } from './entry-factory.ts';
import { figuresOf } from './findings-helpers.ts';

const reports = (n: number) =>
	Array.from({ length: n }, (_, i) =>
		makeEntry({
			code: `6108811${String(i).padStart(2, '0')}`,
			set: { 'table3.newReceived.total': i + 1 },
		}),
	);
const sumFigures = (n: number) =>
	figuresOf(yearFindings(2023, reports(n))).filter((f) => f.cells.length > 1);

describe('FIGURE_CELLS_LIMIT', () => {
	it('names every cell of a sum over up to the limit', () => {
		const [sum] = sumFigures(FIGURE_CELLS_LIMIT);
		expect(sum!.cells).toHaveLength(FIGURE_CELLS_LIMIT);
	});

	it('prints a larger sum as a plain number with the same value', () => {
		const n = FIGURE_CELLS_LIMIT + 1;
		expect(sumFigures(n)).toEqual([]);
		const expected = (n * (n + 1)) / 2;
		const text = yearFindings(2023, reports(n)).map(findingText).join('\n');
		expect(text).toContain(`共 ${expected.toLocaleString('en-US')} 件`);
	});
});
