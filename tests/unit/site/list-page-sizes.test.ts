/**
 * The list pages' size model applied to the real division data: the largest province, prefecture
 * and county of divisions.json × 7 report years must give pages under the 200 KB budget. The model's
 * bytes-per-row bounds are checked against built pages in tests/e2e/scale.test.ts.
 */
import { describe, expect, it } from 'vitest';
import divisions from '../../../src/data/divisions.json';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import { DIRECTORY_PROVINCE_LIMIT } from '../../../src/lib/site/township-directory.ts';
import {
	COSTS,
	PAGE_BUDGET,
	pageBytes,
	worstCaseUnits,
	YEARS_AT_SCALE,
	type ListPageKind,
} from '../../../src/lib/site/list-page-sizes.ts';

const table = divisions as DivisionTable;
const worst = worstCaseUnits(table);

describe('worst case from the division data', () => {
	it('finds the largest regions by counting the table itself', () => {
		const townships = (county: string) => table.townships[county]!.length;
		const maxCounty = Math.max(...Object.keys(table.townships).map(townships));
		expect(worst['tracker/county'].rows).toBe(maxCounty);
		expect(worst['year/county'].rows).toBe(maxCounty);
		const countiesIn = (prefix: string) =>
			Object.keys(table.counties).filter((c) => c.startsWith(prefix)).length;
		expect(worst['tracker/province'].rows).toBe(
			Math.max(...Object.keys(table.provinces).map(countiesIn)),
		);
		// The directory lists a whole province only up to the split limit, else one prefecture a page.
		const townshipsIn = (prefix: string) =>
			Object.keys(table.counties)
				.filter((c) => c.startsWith(prefix))
				.reduce((n, c) => n + townships(c), 0);
		const whole = Object.keys(table.provinces)
			.filter((p) => townshipsIn(p) <= DIRECTORY_PROVINCE_LIMIT)
			.map((p) =>
				pageBytes('townships/province', {
					rows: townshipsIn(p),
					groups: countiesIn(p),
					years: YEARS_AT_SCALE,
				}),
			);
		expect(pageBytes('townships/province', worst['townships/province'])).toBe(Math.max(...whole));
		expect(worst['townships/prefecture'].rows).toBe(
			Math.max(...Object.keys(table.prefectures).map(townshipsIn)),
		);
		expect(worst.tracker.rows).toBe(Object.keys(table.provinces).length);
		for (const u of Object.values(worst)) expect(u.years).toBe(YEARS_AT_SCALE);
	});

	it.each(Object.keys(worst) as ListPageKind[])(
		'%s: the largest page stays under the budget',
		(kind) => {
			const bytes = pageBytes(kind, worst[kind]);
			console.log(
				`${kind.padEnd(20)} ${worst[kind].region.padEnd(24)} rows ${String(worst[kind].rows).padStart(5)} → ${(bytes / 1024).toFixed(0)} KB`,
			);
			expect(bytes).toBeLessThan(PAGE_BUDGET);
		},
	);
});

describe('the model', () => {
	it('grows with rows and years, never shrinks', () => {
		for (const kind of Object.keys(worst) as ListPageKind[]) {
			const base = pageBytes(kind, { rows: 10, groups: 2, years: 3 });
			expect(pageBytes(kind, { rows: 11, groups: 2, years: 3 })).toBeGreaterThanOrEqual(base);
			expect(pageBytes(kind, { rows: 10, groups: 2, years: 4 })).toBeGreaterThanOrEqual(base);
			expect(base).toBeGreaterThanOrEqual(COSTS.page);
		}
	});

	it('would fail the budget for a page listing every report of the largest province', () => {
		// The pre-split year page: a report row per township of the largest province.
		const rows = Math.max(
			...Object.keys(table.provinces).map((p) =>
				Object.keys(table.counties)
					.filter((c) => c.startsWith(p))
					.reduce((n, c) => n + table.townships[c]!.length, 0),
			),
		);
		expect(pageBytes('year/county', { rows, years: 1 })).toBeGreaterThan(PAGE_BUDGET);
	});
});
