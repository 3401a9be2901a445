/**
 * Round trip (issue "Bad input never breaks the build or loses data"): a random valid table truth
 * (H1–H4 hold by construction, see tests/support/report-arbitraries.ts), 2021 or 2019 format,
 * rendered by tests/support/render-report.ts into each layout with random harmless variants
 * (full-width digits, subtotal column/rows, page breaks, zero-filled merged cells, label variants
 * of FORMAT.md §4.3), must parse back to exactly that truth: table2 / table2v2019, table3 and
 * table4 cell for cell, the format version, every hard rule passing, and `unassigned` holding
 * exactly the numbers the renderer printed outside the canonical cells (page markers, subtotals,
 * filler), no more and no fewer.
 *
 * A fixed seed per layout makes runs reproducible, plus one random seed per run
 * (tests/support/run-seed.ts, printed); on failure fast-check prints the seed and
 * path of the shrunk counterexample (replay with `{ seed, path, endOnFailure: true }`).
 * Measured: 6 × 300 runs in about 2.5 s.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/lib/report/index.ts';
import { renderReport, type Layout } from '../../support/render-report.ts';
import {
	LAYOUTS,
	anyTruthArb,
	foldWidth,
	renderOptionsArb,
} from '../../support/report-arbitraries.ts';
import { RUN_SEED } from '../../support/run-seed.ts';

const RUNS = 300;
const SEEDS: Record<Layout, number> = {
	pipe: 20240101,
	tsv: 20240102,
	cellPerLine: 20240103,
	pdfText: 20240104,
	glued: 20240105,
	html: 20240106,
};

const caseArb = (layout: Layout) =>
	anyTruthArb.chain((c) =>
		renderOptionsArb(layout, c.printed).map((options) => ({ ...c, options })),
	);

const normalise = (s: string) => foldWidth(s).replace(/[\s\u00a0\u3000]/g, '');

describe.each(LAYOUTS)('round trip: %s', (layout) => {
	it.each([SEEDS[layout], RUN_SEED])(
		`recovers Table 2, Table 3 and Table 4 exactly (${RUNS} random valid truths, 2021 and 2019; seed %i)`,
		(seed) => {
			fc.assert(
				fc.property(caseArb(layout), ({ truth: rendered, options }) => {
					const { text, allowedUnassigned } = renderReport(rendered, options);
					const truth = rendered;
					const record = parseReport(text, { file: `round-trip.${layout}.txt` });
					expect(record.formatVersion).toBe(truth.formatVersion);
					if (truth.table2v2019) {
						expect(record.table2v2019).toEqual(truth.table2v2019);
						expect(record.table2).toBeNull();
					} else {
						expect(record.table2).toEqual(truth.table2);
						expect(record.table2v2019).toBeNull();
					}
					expect(record.table3).toEqual(truth.table3);
					expect(record.table4).toEqual(truth.table4);
					const failed = record.checks.filter((c) => /^H[1-7]$/.test(c.id) && c.status === 'fail');
					expect(failed.map((c) => `${c.id} ${c.scope}: ${c.message}`)).toEqual([]);
					// Nothing dropped silently, nothing reported that was a cell.
					const matches = (u: { line: number; raw: string }, a: { line: number; raw: string }) =>
						u.line === a.line && normalise(u.raw).includes(normalise(a.raw));
					expect(
						record.unassigned.filter((u) => !allowedUnassigned.some((a) => matches(u, a))),
					).toEqual([]);
					expect(
						allowedUnassigned.filter((a) => !record.unassigned.some((u) => matches(u, a))),
					).toEqual([]);
				}),
				{ seed, numRuns: RUNS },
			);
		},
	);
});

describe('round trip: regressions found by the property (merged cell printed blank-then-value)', () => {
	/** The smallest report text that shows it: a 2019 Table 2 （八） block in the seed-003 layout (FORMAT.md §8.1 003). */
	const feesBlock = (netChange: string) =>
		[
			'二、主动公开政府信息情况',
			'\t第二十条第（八）项',
			'\t信息内容',
			'\t上一年项目数量',
			'\t本年增/减',
			'\t行政事业性收费',
			'\t\u00a01',
			// The merged 本年增/减 cell as Word exports it: a U+3000 paragraph, then the value without a tab.
			'\t\u3000',
			netChange,
			'三、收到和处理政府信息公开申请情况',
			'',
		].join('\n');

	it('cellPerLine 2019: 行政事业性收费 1 / merged 本年增/减 2 → {priorYearItems: 1, netChange: 2}', () => {
		const record = parseReport(feesBlock('2'), { file: 'fees-merged-2.txt' });
		expect(record.table2v2019?.fees).toEqual({ priorYearItems: 1, netChange: 2 });
	});

	it('cellPerLine 2019: 行政事业性收费 1 / merged 本年增/减 0 → {priorYearItems: 1, netChange: 0}', () => {
		const record = parseReport(feesBlock('0'), { file: 'fees-merged-0.txt' });
		expect(record.table2v2019?.fees).toEqual({ priorYearItems: 1, netChange: 0 });
	});

	it('the same block with the value on the first line of the merged cell (`⇥2` then `　`) parses too', () => {
		const text = feesBlock('2').replace('\t\u3000\n2\n', '\t2\n\u3000\n');
		expect(parseReport(text, { file: 'fees-merged-first.txt' }).table2v2019?.fees).toEqual({
			priorYearItems: 1,
			netChange: 2,
		});
	});
});
