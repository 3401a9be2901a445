/**
 * fast-check arbitraries for the property tests: random but *valid* table truths (FORMAT.md §6.1
 * H1–H4 hold by construction) in the 2021 or the 2019 format, rendered by render-report.ts, plus
 * small helpers shared by the round-trip and noise properties.
 *
 * Construction (never filtering, so shrinking stays cheap):
 * - Table 3, per applicant column c: one count per result row (（一）…（六）), resultsTotal[c] is
 * their sum (H2); carriedForward[c] is free; carriedOver[c] is drawn in
 * 0..resultsTotal+carriedForward
 *   and newReceived[c] = resultsTotal + carriedForward − carriedOver ≥ 0 (H1). The total column of
 *   every row is the sum of the six applicant columns (H3), so H1/H2 hold for `total` as well.
 * - Table 4: four counts per group and their sum as 总计 (H4).
 * - Table 2: free counts; the fee (万元) is a decimal string with 0–4 decimals, trailing zeros kept
 *   (`0.1250`). 2019: a signed 本年增/减 printed as `-3`, `减少3`, `+3`, `增加3` or bare, and a
 *   procurement amount printed bare, with `元` or with `万元`.
 */
import fc from 'fast-check';
import type { Table2, Table2v2019, Table3, Table4 } from '../../src/lib/model/record.ts';
import {
	ORG_COLUMN_KEYS,
	TABLE3_COLUMN_KEYS,
	TABLE3_ROWS_2019,
	TABLE3_ROWS_2021,
	TABLE4_GROUP_KEYS,
	type Layout,
	type RenderOptions,
	type ReportTruth,
} from './render-report.ts';

export const LAYOUTS: Layout[] = ['pipe', 'tsv', 'cellPerLine', 'pdfText', 'glued', 'html'];

/** A truth plus the printed forms of the cells that are not printed as a plain number. */
export interface TruthCase {
	truth: ReportTruth;
	printed: Record<string, string>;
}

/** A count as townships report them: mostly 0 or small, sometimes large. */
const count = (big = 300) =>
	fc.oneof(
		{ weight: 5, arbitrary: fc.constant(0) },
		{ weight: 4, arbitrary: fc.integer({ min: 1, max: Math.min(9, big) }) },
		{ weight: 1, arbitrary: fc.integer({ min: Math.min(10, big), max: big }) },
	);

type Row = Record<(typeof TABLE3_COLUMN_KEYS)[number], number | null>;
const nullRow = (): Row => Object.fromEntries(TABLE3_COLUMN_KEYS.map((c) => [c, null])) as Row;

const columnArb = (resultRows: number) =>
	fc.record({
		results: fc.array(count(), { minLength: resultRows, maxLength: resultRows }),
		carriedForward: count(40),
		/** Scaled into 0..resultsTotal+carriedForward. */
		carriedOverDraw: fc.nat({ max: 1_000_000 }),
	});

export function table3Arb(shape: '2021' | '2019'): fc.Arbitrary<Table3> {
	const defs = shape === '2021' ? TABLE3_ROWS_2021 : TABLE3_ROWS_2019;
	const resultKeys = defs
		.filter((d) => d.group !== '' && d.key !== 'resultsTotal')
		.map((d) => d.key);
	return fc.array(columnArb(resultKeys.length), { minLength: 6, maxLength: 6 }).map((columns) => {
		const table: Record<string, Row> = Object.fromEntries(defs.map((d) => [d.key, nullRow()]));
		TABLE3_COLUMN_KEYS.slice(0, 6).forEach((c, i) => {
			const col = columns[i]!;
			let results = 0;
			resultKeys.forEach((key, j) => {
				table[key]![c] = col.results[j]!;
				results += col.results[j]!;
			});
			const carriedOver = col.carriedOverDraw % (results + col.carriedForward + 1);
			table.resultsTotal![c] = results;
			table.carriedForward![c] = col.carriedForward;
			table.carriedOver![c] = carriedOver;
			table.newReceived![c] = results + col.carriedForward - carriedOver;
		});
		for (const row of Object.values(table))
			row.total = ORG_COLUMN_KEYS.reduce((a, c) => a + row[c]!, row.naturalPerson!);
		if (shape === '2019')
			for (const key of ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'])
				table[key] = nullRow();
		return table as unknown as Table3;
	});
}

export const table4Arb: fc.Arbitrary<Table4> = fc
	.array(fc.array(count(30), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 })
	.map((groups) => {
		const t = {} as Record<string, Record<string, number>>;
		TABLE4_GROUP_KEYS.forEach((g, i) => {
			const [upheld, corrected, otherResult, pending] = groups[i]!;
			t[g] = {
				upheld: upheld!,
				corrected: corrected!,
				otherResult: otherResult!,
				pending: pending!,
				total: upheld! + corrected! + otherResult! + pending!,
			};
		});
		return t as unknown as Table4;
	});

/** A fee in 万元 as printed: `0`, `12`, `0.35`, `0.0860`, `3.1250` (0–4 decimals, trailing zeros kept). */
export const feeArb: fc.Arbitrary<string> = fc
	.tuple(
		fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 999 })),
		fc.integer({ min: 0, max: 4 }),
		fc.nat({ max: 9999 }),
	)
	.map(([whole, decimals, frac]) =>
		decimals === 0
			? String(whole)
			: `${whole}.${String(frac % 10 ** decimals).padStart(decimals, '0')}`,
	);

export const table2Arb: fc.Arbitrary<Table2> = fc
	.record({
		regulations: fc.record({ issued: count(5), repealed: count(5), inForce: count(20) }),
		normativeDocuments: fc.record({ issued: count(30), repealed: count(10), inForce: count(200) }),
		licensing: fc.record({ decisions: count(5000) }),
		penalty: fc.record({ decisions: count(500) }),
		coercion: fc.record({ decisions: count(100) }),
		fee: feeArb,
	})
	.map(({ fee, ...rest }) => ({ ...rest, fees: { amountWan: Number(fee), amountRaw: fee } }));

const netChangeArb = fc.integer({ min: -30, max: 30 });

/** How a signed 本年增/减 is printed (FORMAT.md §3.2): `-3`, `减少3`, `3`, `+3`, `增加3`. */
const signedPrintArb = fc.constantFrom('plain', 'sign', 'word');
function printSigned(value: number, style: string): string | undefined {
	if (style === 'plain' || value === 0) return undefined;
	if (value < 0) return style === 'word' ? `减少${-value}` : undefined; // plain already prints -3
	return style === 'word' ? `增加${value}` : `+${value}`;
}

const decisions2019 = fc.record({
	priorYearItems: count(50),
	netChange: netChangeArb,
	decisions: count(500),
	style: signedPrintArb,
});

export const table2v2019Arb: fc.Arbitrary<{ table: Table2v2019; printed: Record<string, string> }> =
	fc
		.record({
			regulations: fc.record({
				newlyMade: count(5),
				newlyPublished: count(5),
				totalPublished: count(20),
			}),
			normativeDocuments: fc.record({
				newlyMade: count(30),
				newlyPublished: count(30),
				totalPublished: count(200),
			}),
			licensing: decisions2019,
			otherExternalServices: decisions2019,
			penalty: decisions2019,
			coercion: decisions2019,
			fees: fc.record({
				priorYearItems: count(10),
				netChange: netChangeArb,
				style: signedPrintArb,
			}),
			procurement: fc.record({
				projects: count(10),
				totalAmount: count(1_000_000),
				unit: fc.constantFrom(null, '元', '万元'),
			}),
		})
		.map((r) => {
			const printed: Record<string, string> = {};
			const decisions = (key: 'licensing' | 'otherExternalServices' | 'penalty' | 'coercion') => {
				const { style, ...row } = r[key];
				const p = printSigned(row.netChange, style);
				if (p) printed[`table2v2019.${key}.netChange`] = p;
				return row;
			};
			const feeP = printSigned(r.fees.netChange, r.fees.style);
			if (feeP) printed['table2v2019.fees.netChange'] = feeP;
			if (r.procurement.unit)
				printed['table2v2019.procurement.totalAmount'] =
					`${r.procurement.totalAmount}${r.procurement.unit}`;
			const table: Table2v2019 = {
				regulations: r.regulations,
				normativeDocuments: r.normativeDocuments,
				licensing: decisions('licensing'),
				otherExternalServices: decisions('otherExternalServices'),
				penalty: decisions('penalty'),
				coercion: decisions('coercion'),
				fees: { priorYearItems: r.fees.priorYearItems, netChange: r.fees.netChange },
				procurement: {
					projects: r.procurement.projects,
					totalAmount: r.procurement.totalAmount,
					totalAmountUnitRaw: r.procurement.unit,
				},
				extraRows: [],
			};
			return { table, printed };
		});

const TOWNSHIPS = [
	'石桥镇',
	'柳溪镇',
	'桃源乡',
	'白马镇',
	'芦溪乡',
	'城关街道',
	'龙泉镇',
	'长乐乡',
];
const COUNTIES = [null, '安平县', '青阳县', '新丰县', '东川县', '宁远县'];

export const metaArb = (format: '2021' | '2019') =>
	fc.record({
		county: fc.constantFrom(...COUNTIES),
		township: fc.constantFrom(...TOWNSHIPS),
		year:
			format === '2021'
				? fc.integer({ min: 2021, max: 2025 })
				: fc.integer({ min: 2019, max: 2020 }),
	});

export const truthArb = (format: '2021' | '2019'): fc.Arbitrary<TruthCase> =>
	format === '2021'
		? fc
				.record({
					meta: metaArb('2021'),
					table2: table2Arb,
					table3: table3Arb('2021'),
					table4: table4Arb,
				})
				.map(({ meta, table2, table3, table4 }) => ({
					truth: {
						meta,
						formatVersion: '2021' as const,
						table2,
						table2v2019: null,
						table3,
						table4,
					},
					printed: {},
				}))
		: fc
				.record({
					meta: metaArb('2019'),
					t2: table2v2019Arb,
					table3: table3Arb('2019'),
					table4: table4Arb,
				})
				.map(({ meta, t2, table3, table4 }) => ({
					truth: {
						meta,
						formatVersion: '2019' as const,
						table2: null,
						table2v2019: t2.table,
						table3,
						table4,
					},
					printed: t2.printed,
				}));

export const anyTruthArb: fc.Arbitrary<TruthCase> = fc.oneof(truthArb('2021'), truthArb('2019'));

/** Label variants seen in the seeds (FORMAT.md §4.3): ASCII brackets, `1. ` item numbers, 社会组织, 只记, 重复出具… */
export const LABEL_VARIANTS: Record<string, Record<string, string>> = {
	asciiBrackets: {
		'table3.granted': '(一) 予以公开',
		'table3.partiallyGranted': '(二) 部分公开(区分处理的, 只记这一情形, 不计其他情形)',
		'table3.otherCombined': '(六) 其他处理',
		'table3.resultsTotal': '(七) 总计',
		'table3.group.denied': '(三) 不予公开',
		'table3.group.unable': '(四) 无法提供',
		'table3.group.notHandled': '(五) 不予处理',
		'table3.group.other': '(六) 其他处理',
		'table3.note': '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
	},
	spacedItemNumbers: Object.fromEntries(
		TABLE3_ROWS_2021.filter((r) => /^\d\./.test(r.label)).map((r) => [
			`table3.${r.key}`,
			r.label.replace(/^(\d\.)/, '$1 '),
		]),
	),
	henan: {
		'table3.col.publicInterestOrg': '社会组织',
		'table3.deniedLawProhibited': '2.其他法律法规禁止公开',
		'table2.col.amountWan': '本年收费金额（单位：万元，保留4位小数）',
	},
	seed002: {
		'table3.notHandledReissue': '5. 要求行政机关确认或重复出具已获取信息',
		'table3.partiallyGranted': '(二) 部分公开(区分处理的, 只记这一情形, 不计其他情形)',
	},
	seed003: { 'table2.col.decisions': '处理决定数量' },
};

const variantsArb = (layout: Layout) =>
	fc.record({
		fullWidthDigits: fc.boolean(),
		subtotalColumn: fc.boolean(),
		groupSubtotalRows: fc.boolean(),
		spacedTable4Headers: fc.boolean(),
		ideographicSpaces:
			layout === 'pdfText' || layout === 'glued' ? fc.boolean() : fc.constant(false),
		zeroFillMergedTable2: fc.boolean(),
		pageBreak: layout === 'tsv' || layout === 'pipe' ? fc.boolean() : fc.constant(false),
		table3BreakAfter: fc.constantFrom(
			...TABLE3_ROWS_2021.map((r) => r.key).filter((k) => !k.startsWith('other')),
		),
		labelSets: fc.subarray(Object.keys(LABEL_VARIANTS)),
	});

/**
 * Render options for a layout: the truth's printed overrides plus random variants of FORMAT.md
 * §4.1/§4.3/§8 that keep the record recoverable (an ambiguous 16-cell Table 4 or a lost cell are
 * the noise test's business, not the round trip's).
 */
export function renderOptionsArb(
	layout: Layout,
	printed: Record<string, string>,
): fc.Arbitrary<RenderOptions> {
	return variantsArb(layout).map((v) => {
		const labels = Object.assign({}, ...v.labelSets.map((k) => LABEL_VARIANTS[k]!)) as Record<
			string,
			string
		>;
		const options: RenderOptions = { layout, printed, labels };
		if (v.fullWidthDigits) options.fullWidthDigits = true;
		if (v.subtotalColumn) options.subtotalColumn = true;
		if (v.groupSubtotalRows) options.groupSubtotalRows = true;
		if (v.spacedTable4Headers) options.spacedTable4Headers = true;
		if (v.ideographicSpaces) options.ideographicSpaces = true;
		if (v.zeroFillMergedTable2) options.zeroFillMergedTable2 = true;
		if (v.pageBreak) {
			options.pageBreakStyle = layout === 'tsv' ? 'blankLines' : 'splitTable';
			options.table3BreakAfter = v.table3BreakAfter;
		}
		return options;
	});
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** Full-width digits, `．`, `－`, `＋` folded to ASCII (what NFKC does for these characters). */
export const foldWidth = (s: string) =>
	s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** The lines of a text as the parser numbers them (1-based = index + 1): zero-width characters dropped, CR/LF/CRLF/FF/U+2028/U+2029 break lines. */
export const linesOf = (text: string) =>
	text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').split(/\r\n?|\n|\f|\u2028|\u2029/);

/** Every numeric leaf of the table part of a record or truth, as [dotted path, value]; raw-text companions and extraRows skipped. */
export function numericLeaves(
	record: Record<'table2' | 'table2v2019' | 'table3' | 'table4', unknown>,
): [string, number | null][] {
	const out: [string, number | null][] = [];
	const skip = new Set(['amountRaw', 'totalAmountUnitRaw', 'extraRows']);
	for (const table of ['table2', 'table2v2019', 'table3', 'table4'] as const) {
		const value = record[table] as Record<string, Record<string, unknown>> | null | undefined;
		if (!value) continue;
		for (const [row, node] of Object.entries(value)) {
			if (skip.has(row) || !node || typeof node !== 'object' || Array.isArray(node)) continue;
			for (const [col, v] of Object.entries(node)) {
				if (skip.has(col)) continue;
				if (v === null || typeof v === 'number') out.push([`${table}.${row}.${col}`, v]);
			}
		}
	}
	return out;
}
