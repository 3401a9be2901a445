/**
 * On a phone, Table 3's cells are labelled with their column names by CSS, by the cell's position
 * in its row (ReportTable3.astro: no data-label on 175 cells). That holds only while the CSS
 * names the columns in TABLE3_COLUMNS order and every row has one cell per column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS } from '../../../src/lib/model/vocabulary.ts';
import { table3Layout } from '../../../src/lib/site/table-layout.ts';

const css = readFileSync('src/components/ReportTable3.astro', 'utf8');

describe('Table 3 phone labels', () => {
	it('name the columns in TABLE3_COLUMNS order', () => {
		const labels = [...css.matchAll(/td:nth-of-type\((\d)\)::before \{\s*content: '([^']+)'/g)];
		expect(labels.map((m) => Number(m[1]))).toEqual(TABLE3_COLUMNS.map((_, i) => i + 1));
		expect(labels.map((m) => m[2])).toEqual(TABLE3_COLUMNS.map((c) => TABLE3_COLUMN_LABELS[c]));
	});

	it.each(['2021', '2019'] as const)('fit every row of the %s layout: one cell per column', (v) => {
		for (const row of table3Layout(v))
			expect(row.paths, row.key).toHaveLength(TABLE3_COLUMNS.length);
	});
});
