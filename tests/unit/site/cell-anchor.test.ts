import { describe, expect, it } from 'vitest';
import { CELL_PATHS } from '../../../src/lib/model/cells.ts';
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../../../src/lib/model/vocabulary.ts';
import {
	cellAnchor,
	legacyCellAnchor,
	legacyLinkedCells,
} from '../../../src/lib/site/cell-anchor.ts';
import { METRICS, type MetricKey } from '../../../src/lib/site/key-figures.ts';
import { metricCells } from '../../../src/lib/site/metric-cells.ts';
import { makeEntry } from './entry-factory.ts';

describe('cellAnchor', () => {
	it('gives every cell of every table its own id, usable in a URL fragment and a selector', () => {
		const ids = CELL_PATHS.map(cellAnchor);
		expect(new Set(ids).size).toBe(CELL_PATHS.length);
		for (const id of ids) expect(id).toMatch(/^t[234]a?-[A-Za-z0-9]+-[A-Za-z0-9]+$/);
	});

	it('names Tables 3 and 4 columns by their printed position, Table 2 columns by their key', () => {
		// Public URLs: these ids are the contract, so they are spelled out here once.
		expect(cellAnchor('table3.newReceived.total')).toBe('t3-newReceived-7');
		expect(cellAnchor('table3.deniedStateSecret.naturalPerson')).toBe('t3-deniedStateSecret-1');
		expect(cellAnchor('table4.litigationDirect.corrected')).toBe('t4-litigationDirect-2');
		expect(cellAnchor('table2.penalty.decisions')).toBe('t2-penalty-decisions');
		expect(cellAnchor('table2v2019.penalty.decisions')).toBe('t2a-penalty-decisions');
		for (const [i, c] of TABLE3_COLUMNS.entries())
			expect(cellAnchor(`table3.granted.${c}`)).toBe(`t3-granted-${i + 1}`);
		for (const [i, c] of TABLE4_COLUMNS.entries())
			expect(cellAnchor(`table4.reconsideration.${c}`)).toBe(`t4-reconsideration-${i + 1}`);
	});

	it('is shorter than the old id for every cell', () => {
		for (const p of CELL_PATHS)
			expect(cellAnchor(p).length).toBeLessThan(legacyCellAnchor(p).length);
	});
});

describe('legacyLinkedCells', () => {
	it('keeps the old id on exactly the cells the 要点 sentences linked to', () => {
		const { record } = makeEntry();
		const linked = legacyLinkedCells(record);
		const firsts = (Object.keys(METRICS) as MetricKey[])
			.map((k) => metricCells(k, record)[0])
			.filter((p): p is NonNullable<typeof p> => p !== undefined);
		for (const p of firsts) expect(linked.has(p)).toBe(true);
		expect(linked.has('table4.reconsideration.corrected')).toBe(true);
		expect(linked.size).toBe(new Set([...firsts, 'table4.reconsideration.corrected']).size);
		expect(legacyCellAnchor('table3.newReceived.total')).toBe('cell-table3-newReceived-total');
	});
});
