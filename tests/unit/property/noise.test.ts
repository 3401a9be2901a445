/**
 * Noise (issue "Bad input never breaks the build or loses data"): the faults of FORMAT.md §8
 * applied
 * at random to rendered layouts (random valid truths, tests/support/report-arbitraries.ts) and to
 * the
 * five real seeds in content/reports/: delete a cell, duplicate a cell, wrap a label over two
 * lines,
 * page markers (— 3 —, 第 3 页 共 6 页), odd spaces (U+3000, NBSP, U+2002), full-width digits ０-９,
 * junk lines, and CRLF / CR / mixed line endings, parsed from a string or from UTF-8 bytes (± BOM).
 * See tests/support/noise.ts for the mutations and the two checks.
 *
 * Properties, for every damaged report:
 * 1. parseReport does not throw: the headings are never damaged, so it is still clearly a report
 * and
 * must not be rejected either (arbitrary text and bytes below may be rejected, with ReportRejection
 * only);
 * 2. the record passes reportRecordSchema, and every diagnostic names the file and a line of it;
 * 3. it never invents a value: every non-null number of table2/table2v2019/table3/table4 has a
 * cells
 *    entry with status ok/marker whose raw text sits on its stated line and prints that number
 *    (after full-width folding), or status inferred with the rule (H3/H4) that it makes hold;
 * 4. every numeric token of the table sections is placed in a cell or reported in `unassigned`,
 *    line by line (what counts as a numeric token is documented at countedDigits in noise.ts).
 *
 * Fixed seeds, plus one random seed per run for a layout and a seed (tests/support/run-seed.ts,
 * printed and in the test name, for replay); measured: about 3.5 s for the whole file (6 × 100 damaged layouts, 5 × 100 damaged
 * seeds, 4 × 200 arbitrary inputs).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	decodeReport,
	parseReport,
	ReportRejection,
	reportRecordSchema,
	type ReportRecord,
} from '../../../src/lib/report/index.ts';
import { renderReport, type Layout } from '../../support/render-report.ts';
import {
	cutInTables,
	damage,
	damageArb,
	inventedValues,
	tableDamageArb,
	unaccountedNumbers,
	type Damage,
} from '../../support/noise.ts';
import {
	LAYOUTS,
	anyTruthArb,
	linesOf,
	renderOptionsArb,
} from '../../support/report-arbitraries.ts';
import { RUN_SEED } from '../../support/run-seed.ts';

const RUNS = 100;
const SEEDS = [
	'000_6f2e2ab07841e359',
	'001_b878a3b9c19ecb27',
	'002_ccc6fd39e1392b13',
	'003_9745357b52893146',
	'004_8f2481f9843f518e',
];
const seedText = (name: string) => readFileSync(`content/reports/${name}.txt`, 'utf8');

function schemaProblems(record: ReportRecord, text: string, file: string): string[] {
	const parsed = reportRecordSchema.safeParse(record);
	const problems = parsed.success
		? []
		: parsed.error.issues.map((i) => `schema: ${i.path.join('.')}: ${i.message}`);
	const lineCount = linesOf(text).length;
	for (const d of record.diagnostics) {
		if (d.file !== file || d.line < 1 || d.line > lineCount)
			problems.push(
				`diagnostic ${d.file}:${d.line} ${d.ruleId} does not name ${file} and a line 1..${lineCount}`,
			);
	}
	return problems;
}

/** Properties 1–4 for one damaged report. */
function checkDamaged(original: string, d: Damage, file: string): void {
	const { text, input } = damage(original, d);
	let record: ReportRecord;
	try {
		record = parseReport(input, { file });
	} catch (error) {
		throw new Error(`parseReport threw on a damaged report (headings intact): ${String(error)}`);
	}
	expect(schemaProblems(record, text, file)).toEqual([]);
	expect(inventedValues(record, text)).toEqual([]);
	expect(unaccountedNumbers(record, text)).toEqual([]);
}

describe('noise: damaged rendered layouts', () => {
	const caseArb = (layout: Layout) =>
		anyTruthArb.chain((c) =>
			renderOptionsArb(layout, c.printed).map((options) => ({ ...c, options })),
		);
	it.each([
		...LAYOUTS.map((layout, i) => [layout, 31_000 + i] as const),
		[LAYOUTS[RUN_SEED % LAYOUTS.length]!, RUN_SEED] as const,
	])('%s: never throws, never invents, loses no number (seed %i)', (layout, seed) => {
		fc.assert(
			fc.property(caseArb(layout), damageArb, ({ truth, options }, d) =>
				checkDamaged(renderReport(truth, options).text, d, `noise/${layout}.txt`),
			),
			{ seed, numRuns: RUNS },
		);
	});
});

describe('noise: damaged seeds', () => {
	it.each([
		...SEEDS.map((name, i) => [name, 41_000 + i] as const),
		[SEEDS[RUN_SEED % SEEDS.length]!, RUN_SEED] as const,
	])('%s: never throws, never invents, loses no number (seed %i)', (name, seed) => {
		const original = seedText(name);
		fc.assert(
			fc.property(damageArb, (d) => checkDamaged(original, d, `content/reports/${name}.txt`)),
			{ seed, numRuns: RUNS },
		);
	});
});

/**
 * The table damage of issue 9 §2 (a label floated below its numbers, a label with a character
 * lost, a header row repeated mid-table, a value cell written out blank) in its own blocks with
 * their own seeds, mixed with the faults above; a text cut off inside the tables must never
 * invent a value either.
 */
describe('noise: table damage of issue 9 §2 (floating and damaged labels, repeated headers, blank cells)', () => {
	const caseArb = (layout: Layout) =>
		anyTruthArb.chain((c) =>
			renderOptionsArb(layout, c.printed).map((options) => ({ ...c, options })),
		);
	it.each(LAYOUTS.map((layout, i) => [layout, 51_000 + i] as const))(
		'%s: never throws, never invents, loses no number (seed %i)',
		(layout, seed) => {
			fc.assert(
				fc.property(caseArb(layout), tableDamageArb, ({ truth, options }, d) =>
					checkDamaged(renderReport(truth, options).text, d, `noise/${layout}.txt`),
				),
				{ seed, numRuns: RUNS },
			);
		},
	);
	it.each(SEEDS.map((name, i) => [name, 52_000 + i] as const))(
		'%s: never throws, never invents, loses no number (seed %i)',
		(name, seed) => {
			const original = seedText(name);
			fc.assert(
				fc.property(tableDamageArb, (d) =>
					checkDamaged(original, d, `content/reports/${name}.txt`),
				),
				{ seed, numRuns: RUNS },
			);
		},
	);
});

describe('noise: text cut off inside the tables (issue 9 §2 item 8)', () => {
	it.each(LAYOUTS.map((layout, i) => [layout, 53_000 + i] as const))(
		'%s: a cut text is parsed or rejected, and never invents a value (seed %i)',
		(layout, seed) => {
			fc.assert(
				fc.property(
					anyTruthArb.chain((c) =>
						renderOptionsArb(layout, c.printed).map((options) => ({ ...c, options })),
					),
					fc.nat(),
					fc.nat(),
					({ truth, options }, at, pick) => {
						const text = cutInTables(renderReport(truth, options).text, at, pick);
						let record: ReportRecord;
						try {
							record = parseReport(text, { file: `cut/${layout}.txt` });
						} catch (error) {
							expect(error).toBeInstanceOf(ReportRejection);
							return;
						}
						expect(schemaProblems(record, text, `cut/${layout}.txt`)).toEqual([]);
						expect(inventedValues(record, text)).toEqual([]);
					},
				),
				{ seed, numRuns: RUNS },
			);
		},
	);
});

/** Anything else: a record that passes the schema and invents nothing, or a ReportRejection with a one-line message. */
function checkAnything(input: string | Uint8Array, text: () => string): void {
	let record: ReportRecord;
	try {
		record = parseReport(input, { file: 'anything.txt' });
	} catch (error) {
		expect(error).toBeInstanceOf(ReportRejection);
		expect((error as Error).message).toMatch(/^[^\n]{10,}$/);
		return;
	}
	const t = text();
	expect(schemaProblems(record, t, 'anything.txt')).toEqual([]);
	expect(inventedValues(record, t)).toEqual([]);
}

describe('noise: text that may not be a report at all', () => {
	const pool = SEEDS.flatMap((name) => seedText(name).split('\n'));
	it('fragments of the seeds (random lines in random order) parse or are rejected with ReportRejection', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 120 }), (picks) => {
				const text = picks.map((i) => pool[i]).join('\n');
				checkAnything(text, () => text);
			}),
			{ seed: 51_000, numRuns: 200 },
		);
	});
	it('seeds with random lines dropped (headings, table rows, whole tables lost) parse or are rejected with ReportRejection', () => {
		const seeds = SEEDS.map((name) => seedText(name).split('\n'));
		fc.assert(
			fc.property(
				fc.nat({ max: seeds.length - 1 }),
				fc.array(fc.nat({ max: 9 }), { minLength: 410, maxLength: 410 }),
				(s, draws) => {
					const text = seeds[s]!.filter((_, i) => draws[i]! < 7).join('\n');
					checkAnything(text, () => text);
				},
			),
			{ seed: 51_500, numRuns: 200 },
		);
	});
	it('random strings of report characters parse or are rejected with ReportRejection', () => {
		const unit = fc.constantFrom(
			...'一二三四五六、总体情况主动公开收到和处理申请行政复议诉讼第二十条（）()0123456789 \t|\n\r\u3000\u00a0。，：-—/无总计其他年月日镇乡人民政府报告',
		);
		fc.assert(
			fc.property(fc.string({ unit, maxLength: 400 }), (text) => checkAnything(text, () => text)),
			{ seed: 52_000, numRuns: 200 },
		);
	});
	it('random bytes parse or are rejected with ReportRejection', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) =>
				checkAnything(bytes, () => decodeReport(bytes).text),
			),
			{ seed: 53_000, numRuns: 200 },
		);
	});
});

describe('noise: the checks themselves', () => {
	// Guard against a vacuous property: tampered records must be caught by the checks.
	const text = seedText('002_ccc6fd39e1392b13');
	const record = parseReport(text, { file: 'seed-002.txt' });
	it('a clean seed passes both checks', () => {
		expect(inventedValues(record, text)).toEqual([]);
		expect(unaccountedNumbers(record, text)).toEqual([]);
	});
	it('a changed value is an invented value', () => {
		const tampered = structuredClone(record);
		tampered.table2!.penalty.decisions = 17;
		expect(inventedValues(tampered, text)).toEqual([
			expect.stringContaining('table2.penalty.decisions = 17'),
		]);
	});
	it('a reported number that is dropped from unassigned is a lost number', () => {
		const tampered = { ...record, unassigned: record.unassigned.slice(1) };
		expect(unaccountedNumbers(tampered, text)).toHaveLength(1);
	});
	it('a number both placed and reported is counted twice', () => {
		const cell = record.cells['table2.penalty.decisions']!;
		const tampered = {
			...record,
			unassigned: [
				...record.unassigned,
				{ raw: cell.raw!, line: cell.line!, col: cell.col!, table: 'table2', reason: 'test' },
			],
		};
		expect(unaccountedNumbers(tampered, text)).toEqual([
			expect.stringContaining(`line ${cell.line}`),
		]);
	});
});

describe('noise: regression found by the property (sign glued to the number before it)', () => {
	// The smallest report that shows it: a 2019 Table 2 row in PDF text whose space before a signed
	// 本年增/减 was lost (`12-2` for `12 -2`): every number must still be placed or reported.
	const report = (row: string) =>
		[
			'二、主动公开政府信息情况',
			'第二十条第（五）项',
			'信息内容 上一年项目数量 本年增/减 处理决定数量',
			row,
			'三、收到和处理政府信息公开申请情况',
			'',
		].join('\n');

	it('`行政许可 12-2 38`: 12, -2 and 38 are each placed in a cell or reported in unassigned', () => {
		const record = parseReport(report('行政许可 12-2 38'), { file: 'glued-sign.txt' });
		const onRow = [
			...Object.values(record.cells)
				.filter((c) => c.line === 4 && (c.status === 'ok' || c.status === 'marker'))
				.map((c) => c.raw!),
			...record.unassigned.filter((u) => u.line === 4).map((u) => u.raw),
		];
		expect(onRow.join(' ').match(/\d+/g)?.sort()).toEqual(['12', '2', '38']);
	});

	it('`行政许可 12 -2 38` (with the space) reads all three', () => {
		expect(
			parseReport(report('行政许可 12 -2 38'), { file: 'spaced-sign.txt' }).table2v2019?.licensing,
		).toEqual({ priorYearItems: 12, netChange: -2, decisions: 38 });
	});
});
