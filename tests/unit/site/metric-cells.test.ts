import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafAt as valueAt } from '../../support/record-leaves.ts';
import { KEY_FIGURES, metric } from '../../../src/lib/site/key-figures.ts';
import { metricCells } from '../../../src/lib/site/metric-cells.ts';
import { TABLE3_ROWS } from '../../../src/lib/model/vocabulary.ts';
import { makeEntry } from './entry-factory.ts';

/** Every key figure is exactly the sum of the cells metricCells names (unknown when one is). */
describe('metricCells', () => {
	it('adds up to the key figure for any Table 3, Table 2 and Table 4 values', () => {
		const value = fc.option(fc.integer({ min: 0, max: 50 }), { nil: null, freq: 6 });
		fc.assert(
			fc.property(
				fc.array(value, { minLength: TABLE3_ROWS.length, maxLength: TABLE3_ROWS.length }),
				fc.tuple(value, value, value, value, value, value),
				(rows, [lic, pen, coe, rec, lit1, lit2]) => {
					const set: Record<string, unknown> = {
						'table2.licensing.decisions': lic,
						'table2.penalty.decisions': pen,
						'table2.coercion.decisions': coe,
						'table4.reconsideration.total': rec,
						'table4.litigationDirect.total': lit1,
						'table4.litigationAfterReconsideration.total': lit2,
					};
					TABLE3_ROWS.forEach((r, i) => {
						if (r !== 'otherCombined') set[`table3.${r}.total`] = rows[i];
					});
					const { record } = makeEntry({ set });
					for (const key of KEY_FIGURES) {
						const values = metricCells(key, record).map((p) => valueAt(record, p));
						const sum = values.some((v) => typeof v !== 'number')
							? null
							: (values as number[]).reduce((a, b) => a + b, 0);
						expect(sum, key).toBe(metric(key, record));
					}
				},
			),
			{ numRuns: 50 },
		);
	});

	it('uses the 2019 （六） row when printed, and names no cell for an absent table', () => {
		const entry = makeEntry({
			set: {
				'table3.otherCombined': {
					naturalPerson: 0,
					commercialEnterprise: 0,
					researchInstitution: 0,
					publicInterestOrg: 0,
					legalServiceOrg: 0,
					otherOrg: 0,
					total: 3,
				},
				table4: null,
			},
		});
		expect(metricCells('otherHandled', entry.record)).toEqual(['table3.otherCombined.total']);
		expect(metricCells('reconsideration', entry.record)).toEqual([]);
	});
});
