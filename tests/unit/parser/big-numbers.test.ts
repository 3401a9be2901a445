/**
 * Issue 13 item 11: a count a double cannot hold exactly (beyond 2^53, or a 22-digit number that
 * would print as 1e21) is never stored rounded — it keeps its raw text, is not `ok`, and is
 * reported; a count above the plausible bound is kept but flagged.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/lib/report/index.ts';
import { PLAUSIBLE_MAX } from '../../../src/lib/report/plausible.ts';
import { makeTable2, makeTable3, makeTable4 } from '../../support/layout-fixtures.ts';
import { renderReport, type RenderOptions } from '../../support/render-report.ts';

const truth = {
	meta: { county: '青阳县', township: '柳溪镇', year: 2023 },
	formatVersion: '2021' as const,
	table2: makeTable2(7),
	table2v2019: null,
	table3: makeTable3(7, '2021'),
	table4: makeTable4(7),
};
const parse = (printed: RenderOptions['printed']) =>
	parseReport(renderReport(truth, { layout: 'tsv', printed }).text, { file: 'big.txt' });

describe.each(['9007199254740993', '1000000000000000000000'])('a count of %s', (raw) => {
	const record = parse({ 'table3.granted.naturalPerson': raw });

	it('is not stored as a rounded number: null, status missing, raw text kept', () => {
		expect(record.table3!.granted.naturalPerson).toBeNull();
		expect(record.cells['table3.granted.naturalPerson']).toMatchObject({ raw, status: 'missing' });
	});

	it('is reported with its raw text and a reason naming 2^53', () => {
		const u = record.unassigned.find((x) => x.raw === raw);
		expect(u?.reason).toContain('2^53');
		expect(record.diagnostics.some((d) => d.message.includes(raw))).toBe(true);
	});

	it('feeds no inference: the rest of the row stays as printed, nothing inferred', () => {
		expect(Object.values(record.cells).some((c) => c.status === 'inferred')).toBe(false);
		expect(record.table3!.granted.total).toBe(truth.table3.granted.total);
	});
});

describe('a count above the plausible bound', () => {
	const big = PLAUSIBLE_MAX + 1;
	const record = parse({ 'table2.licensing.decisions': String(big) });

	it('is kept as printed and flagged count-implausible at its line', () => {
		expect(record.table2!.licensing.decisions).toBe(big);
		const d = record.diagnostics.find((x) => x.ruleId === 'count-implausible');
		expect(d).toMatchObject({
			severity: 'warning',
			line: record.cells['table2.licensing.decisions']!.line,
		});
	});

	it('a plausible count is not flagged', () => {
		const plain = parse({});
		expect(plain.diagnostics.some((x) => x.ruleId === 'count-implausible')).toBe(false);
	});
});
