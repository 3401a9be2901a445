import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	CELL_PATHS,
	cellAddress,
	cellAt,
	isCellPath,
	recordCellPaths,
	rowCellPaths,
} from '../../../src/lib/model/cells.ts';
import { reportRecordSchema, type ReportRecord } from '../../../src/lib/model/record.ts';
import { leafAt, numericLeaves } from '../../support/record-leaves.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
const goldens: ReportRecord[] = readdirSync(SEEDS)
	.filter((f) => f.endsWith('.golden.json'))
	.map((f) => reportRecordSchema.parse(JSON.parse(readFileSync(join(SEEDS, f), 'utf8'))));
const LAYOUTS = join(import.meta.dirname, '..', '..', 'fixtures', 'layouts');
/** Layout truths hold both formats (2019 Table 2, the single （六） row), unlike the seeds. */
const truths = readdirSync(LAYOUTS)
	.filter((f) => f.endsWith('.truth.json'))
	.map((f) => JSON.parse(readFileSync(join(LAYOUTS, f), 'utf8')) as object);

describe('CELL_PATHS', () => {
	it('lists each cell once: Table 2 (10), its 2019 form (22), Table 3 (26 rows × 7), Table 4 (15)', () => {
		expect(new Set(CELL_PATHS).size).toBe(CELL_PATHS.length);
		const count = (prefix: string) => CELL_PATHS.filter((p) => p.startsWith(prefix)).length;
		expect(count('table2.')).toBe(10);
		expect(count('table2v2019.')).toBe(22);
		expect(count('table3.')).toBe(26 * 7);
		expect(count('table4.')).toBe(15);
	});
	it('splits every path into the keys it is made of', () => {
		for (const path of CELL_PATHS) {
			const a = cellAddress(path);
			expect(`${a.table}.${a.row}.${a.column}`).toBe(path);
		}
	});
	it('names exactly the numeric leaves of records of both formats', () => {
		const seen = new Set<string>();
		for (const record of [...goldens, ...truths])
			for (const leaf of numericLeaves(record)) seen.add(leaf.path);
		for (const path of seen) expect(isCellPath(path), path).toBe(true);
		expect(isCellPath('table3.granted')).toBe(false);
		expect(isCellPath('metadata.title')).toBe(false);
	});
});

describe('cellAt', () => {
	it('joins the value in the table with the provenance in cells, for every cell of every seed', () => {
		for (const record of goldens) {
			for (const path of CELL_PATHS) {
				const cell = cellAt(record, path);
				const leaf = leafAt(record, path);
				expect(cell.value, path).toBe(typeof leaf === 'number' ? leaf : null);
				expect(cell.provenance, path).toBe(record.cells[path]);
			}
		}
	});
	it('reads null, not 0, from a table the report does not have', () => {
		const record = { ...goldens[0]!, table2v2019: null };
		expect(cellAt(record, 'table2v2019.penalty.decisions')).toEqual({
			value: null,
			provenance: undefined,
		});
	});
});

describe('recordCellPaths', () => {
	it('lists the cells of the tables a record printed, in the record order', () => {
		for (const record of [...goldens, ...truths]) {
			const mine = recordCellPaths(record as ReportRecord);
			expect(new Set(mine)).toEqual(new Set(numericLeaves(record).map((l) => l.path)));
		}
	});
});

describe('rowCellPaths', () => {
	it('gives a row its cells column by column', () => {
		expect(rowCellPaths('table4', 'reconsideration')).toEqual([
			'table4.reconsideration.upheld',
			'table4.reconsideration.corrected',
			'table4.reconsideration.otherResult',
			'table4.reconsideration.pending',
			'table4.reconsideration.total',
		]);
		expect(rowCellPaths('table2', 'fees')).toEqual(['table2.fees.amountWan']);
	});
});
