/**
 * The layout fixtures: one truth per layout and variant of FORMAT.md §3–§5 and §8, rendered by
 * render-report.ts. `buildLayoutFixtures()` is deterministic; write-layout-fixtures.ts writes its
 * output to tests/fixtures/layouts/ and the layout test checks the committed files are current.
 *
 * Truth values are realistic and mostly non-zero, and every Table 3 row, Table 3 column and
 * Table 4 group differs from every other one, so a shifted or swapped cell changes the record.
 */
import { execFileSync } from 'node:child_process';
import * as OpenCC from 'opencc-js';
import type { Table2, Table2v2019, Table3, Table4 } from '../../src/lib/model/record.ts';
import {
	ORG_COLUMN_KEYS,
	TABLE3_COLUMN_KEYS,
	TABLE3_ROWS_2019,
	TABLE3_ROWS_2021,
	TABLE4_COLUMN_KEYS,
	TABLE4_GROUP_KEYS,
	renderReport,
	type Layout,
	type RenderOptions,
	type ReportMeta,
	type ReportTruth,
} from './render-report.ts';
import { tableDamageSpecs } from './table-damage-fixtures.ts';
import { surveySpecs } from './survey-fixtures.ts';
import type { TextDamage } from './table-damage.ts';

export type FixtureEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le-bom';

/** A check the parser must report as failed. `values` are the two sides of the rule. */
export interface MustFail {
	id: string;
	/** A cell path that only this check (among checks with this id) lists in `cells`. */
	cell: string;
	/** The two sides of the rule, in any order: expected and actual must be exactly these. */
	values: [number, number];
	/** When the printed value is one side (a printed total), `actual` must be it. */
	actual?: number;
}

/** What a fixture must parse to; stored as <name>.truth.json next to <name>.txt. */
export interface FixtureTruth {
	fixture: string;
	description: string;
	/** FORMAT.md sections whose layouts or variants this fixture exercises. */
	covers: string[];
	layout: Layout;
	encoding: FixtureEncoding;
	lineEnding: 'lf' | 'crlf';
	formatVersion: ReportTruth['formatVersion'];
	metadata: { township: string; county: string | null; reportYear: number };
	/** Values exactly as printed (never repaired). `table2.fees.amountRaw` is the printed decimal, NFKC-normalised and trimmed. */
	table2: Table2 | null;
	table2v2019: Table2v2019 | null;
	table3: Table3;
	table4: Table4;
	/** Numbers in table sections that may appear in `record.unassigned`: page markers, subtotals, filler. */
	allowedUnassigned: { line: number; raw: string; reason: string }[];
	/** Hard-rule checks that must fail (only for a report that breaks its own sums). */
	mustFail: MustFail[];
	/** Null cells that were cut off or lost (status `missing`, not `blank`). */
	missing?: string[];
	/** Cell paths whose printed row label must be recorded in `labelVariants`. */
	labelVariants?: string[];
}

export interface BuiltFixture {
	name: string;
	bytes: Uint8Array;
	truth: FixtureTruth;
}

// ---------------------------------------------------------------------------------------------
// Consistent random tables

function randomSource(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
	return { next, int };
}

const allDistinct = (vectors: unknown[]) =>
	new Set(vectors.map((v) => JSON.stringify(v))).size === vectors.length;

type Row = Record<(typeof TABLE3_COLUMN_KEYS)[number], number | null>;
const nullRow = (): Row => Object.fromEntries(TABLE3_COLUMN_KEYS.map((c) => [c, null])) as Row;

/** A Table 3 satisfying H1–H3, natural persons dominant, organisations sparse but present. */
export function makeTable3(seed: number, shape: '2021' | '2019'): Table3 {
	for (let attempt = 0; ; attempt++) {
		const { next, int } = randomSource(seed * 1000 + attempt);
		const defs = shape === '2021' ? TABLE3_ROWS_2021 : TABLE3_ROWS_2019;
		const resultKeys = defs
			.filter((d) => d.group !== '' && d.key !== 'resultsTotal')
			.map((d) => d.key);
		const table: Record<string, Row> = Object.fromEntries(defs.map((d) => [d.key, nullRow()]));
		for (const c of TABLE3_COLUMN_KEYS.slice(0, 6)) {
			const person = c === 'naturalPerson';
			let results = 0;
			for (const key of resultKeys) {
				let v: number;
				if (key === 'granted') v = person ? int(8, 30) : int(1, 6);
				else if (key === 'partiallyGranted') v = person ? int(1, 6) : int(0, 3);
				else v = next() < (person ? 0.75 : 0.3) ? int(1, person ? 5 : 2) : 0;
				table[key]![c] = v;
				results += v;
			}
			const carriedForward = person ? int(1, 4) : int(0, 2);
			const carriedOver = Math.min(int(0, person ? 4 : 2), results + carriedForward);
			table.resultsTotal![c] = results;
			table.carriedForward![c] = carriedForward;
			table.carriedOver![c] = carriedOver;
			table.newReceived![c] = results + carriedForward - carriedOver;
		}
		for (const row of Object.values(table)) {
			row.total = ORG_COLUMN_KEYS.reduce((a, c) => a + (row[c] ?? 0), row.naturalPerson ?? 0);
		}
		if (shape === '2019') {
			for (const key of ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'])
				table[key] = nullRow();
		}
		const rows = defs.map((d) => table[d.key]);
		const columns = TABLE3_COLUMN_KEYS.map((c) => defs.map((d) => table[d.key]![c]));
		if (allDistinct(rows) && allDistinct(columns)) return table as unknown as Table3;
	}
}

/** A Table 4 satisfying H4 with three different, non-empty groups. */
export function makeTable4(seed: number): Table4 {
	for (let attempt = 0; ; attempt++) {
		const { int } = randomSource(seed * 1000 + 500 + attempt);
		const group = () => {
			const g = {
				upheld: int(0, 3),
				corrected: int(0, 1),
				otherResult: int(0, 1),
				pending: int(0, 2),
				total: 0,
			};
			g.total = g.upheld + g.corrected + g.otherResult + g.pending;
			return g;
		};
		const table = {
			reconsideration: group(),
			litigationDirect: group(),
			litigationAfterReconsideration: group(),
		};
		const groups = Object.values(table);
		if (allDistinct(groups) && groups.every((g) => g.total > 0)) return table;
	}
}

const FEES = ['0.35', '1.2', '0.086', '2.75', '0.5', '3.6'];

/** A 2021 Table 2: no 规章 (a township cannot make them, S1), everything else non-zero. */
export function makeTable2(seed: number): Table2 {
	for (let attempt = 0; ; attempt++) {
		const { int } = randomSource(seed * 1000 + 900 + attempt);
		const fee = FEES[int(0, FEES.length - 1)]!;
		const t: Table2 = {
			regulations: { issued: 0, repealed: 0, inForce: 0 },
			normativeDocuments: { issued: int(1, 6), repealed: int(1, 3), inForce: int(8, 25) },
			licensing: { decisions: int(10, 80) },
			penalty: { decisions: int(3, 30) },
			coercion: { decisions: int(1, 6) },
			fees: { amountWan: Number(fee), amountRaw: fee },
		};
		const numbers = [
			t.normativeDocuments.issued,
			t.normativeDocuments.repealed,
			t.normativeDocuments.inForce,
			t.licensing.decisions,
			t.penalty.decisions,
			t.coercion.decisions,
		];
		if (allDistinct(numbers)) return t;
	}
}

/** A 2019 Table 2 with a signed 本年增/减 and a procurement amount in 元. */
export function makeTable2v2019(variant: 'A' | 'B'): Table2v2019 {
	const a = variant === 'A';
	return {
		regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
		normativeDocuments: {
			newlyMade: a ? 4 : 2,
			newlyPublished: a ? 3 : 2,
			totalPublished: a ? 17 : 11,
		},
		licensing: { priorYearItems: a ? 12 : 15, netChange: a ? -2 : 3, decisions: a ? 38 : 52 },
		otherExternalServices: { priorYearItems: a ? 6 : 8, netChange: 1, decisions: a ? 21 : 9 },
		penalty: { priorYearItems: a ? 9 : 5, netChange: -1, decisions: a ? 14 : 7 },
		coercion: { priorYearItems: 2, netChange: 0, decisions: a ? 3 : 4 },
		fees: { priorYearItems: 1, netChange: 0 },
		procurement: { projects: a ? 2 : 3, totalAmount: a ? 86500 : 152790, totalAmountUnitRaw: '元' },
		extraRows: [],
	};
}

/** The hard rules H1–H4 (FORMAT.md §6.1) on a truth; cells that are null are skipped. */
export function hardRuleViolations(truth: Pick<ReportTruth, 'table3' | 'table4'>): string[] {
	const out: string[] = [];
	const t3 = truth.table3 as unknown as Record<string, Row | undefined>;
	const rowKeys = (t3.otherCombined ? TABLE3_ROWS_2019 : TABLE3_ROWS_2021).map((d) => d.key);
	const resultKeys = rowKeys.filter(
		(k) => !['newReceived', 'carriedOver', 'resultsTotal', 'carriedForward'].includes(k),
	);
	const sum = (values: (number | null | undefined)[]) =>
		values.some((v) => v === null || v === undefined)
			? null
			: values.reduce<number>((a, v) => a + (v ?? 0), 0);
	const compare = (what: string, left: number | null, right: number | null) => {
		if (left !== null && right !== null && left !== right) out.push(`${what}: ${left} ≠ ${right}`);
	};
	for (const c of TABLE3_COLUMN_KEYS) {
		const cell = (r: string) => t3[r]?.[c];
		compare(
			`H1 ${c}`,
			sum([cell('newReceived'), cell('carriedOver')]),
			sum([cell('resultsTotal'), cell('carriedForward')]),
		);
		compare(`H2 ${c}`, cell('resultsTotal') ?? null, sum(resultKeys.map(cell)));
	}
	for (const r of rowKeys) {
		const row = t3[r]!;
		compare(`H3 ${r}`, row.total, sum(TABLE3_COLUMN_KEYS.slice(0, 6).map((c) => row[c])));
	}
	for (const g of TABLE4_GROUP_KEYS) {
		const group = truth.table4?.[g];
		if (!group) continue; // a text cut off before Table 4
		compare(
			`H4 ${g}`,
			group.total,
			sum([group.upheld, group.corrected, group.otherResult, group.pending]),
		);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Fixture definitions

export interface FixtureSpec {
	name: string;
	description: string;
	covers: string[];
	truth: ReportTruth;
	options: RenderOptions;
	encoding?: FixtureEncoding;
	lineEnding?: 'lf' | 'crlf';
	mustFail?: MustFail[];
	/** Damage applied to the rendered text (issue 9 §2), see table-damage.ts. */
	damage?: TextDamage;
	/** What the damage took away: nulls those cells in a copy of the truth, returns their paths. */
	cutAway?: (truth: ReportTruth) => string[];
	labelVariants?: string[];
}

export function truth2021(seed: number, meta: ReportMeta): ReportTruth {
	return {
		meta,
		formatVersion: '2021',
		table2: makeTable2(seed),
		table2v2019: null,
		table3: makeTable3(seed, '2021'),
		table4: makeTable4(seed),
	};
}

export function truth2019(seed: number, meta: ReportMeta, variant: 'A' | 'B'): ReportTruth {
	return {
		meta,
		formatVersion: '2019',
		table2: null,
		table2v2019: makeTable2v2019(variant),
		table3: makeTable3(seed, '2019'),
		table4: makeTable4(seed),
	};
}

/** Table 3 child labels with a space after the item number (`1. 属于国家秘密`, seeds 000/002). */
function spacedItemNumbers(): Record<string, string> {
	return Object.fromEntries(
		TABLE3_ROWS_2021.filter((r) => /^\d\./.test(r.label)).map((r) => [
			`table3.${r.key}`,
			r.label.replace(/^(\d\.)/, '$1 '),
		]),
	);
}

/** ASCII brackets plus a space, as in `(一) 予以公开` (seeds 001/002/004). */
function asciiBracketLabels(): Record<string, string> {
	const ascii = (s: string) => s.replace(/^（(.)）/, '($1) ');
	return {
		'table3.granted': ascii('（一）予以公开'),
		'table3.partiallyGranted': ascii('（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
		'table3.otherCombined': ascii('（六）其他处理'),
		'table3.resultsTotal': ascii('（七）总计'),
		'table3.group.denied': ascii('（三）不予公开'),
		'table3.group.unable': ascii('（四）无法提供'),
		'table3.group.notHandled': ascii('（五）不予处理'),
		'table3.group.other': ascii('（六）其他处理'),
	};
}

/** Print zero cells of some Table 3 rows with the zero markers of FORMAT.md §7.1. */
function zeroMarkers(table3: Table3, table4: Table4): Record<string, string> {
	const printed: Record<string, string> = {};
	const markerByRow: Record<string, string> = {
		deniedStateSecret: '—',
		deniedLawProhibited: '-',
		deniedSecurityStability: '/',
		deniedThirdParty: '无',
		deniedInternalAffairs: '－',
		deniedProcessInfo: '／',
	};
	const t3 = table3 as unknown as Record<string, Row>;
	for (const [row, marker] of Object.entries(markerByRow)) {
		for (const c of TABLE3_COLUMN_KEYS)
			if (t3[row]![c] === 0) printed[`table3.${row}.${c}`] = marker;
	}
	for (const g of TABLE4_GROUP_KEYS) {
		for (const c of TABLE4_COLUMN_KEYS) if (table4[g][c] === 0) printed[`table4.${g}.${c}`] = '—';
	}
	return printed;
}

function fixtureSpecs(): FixtureSpec[] {
	const specs: FixtureSpec[] = [];

	// --- The six base layouts (2021 format) ---
	specs.push({
		name: 'pipe',
		description:
			"Markdown pipe tables; each table's first row (a caption or header row) becomes the markdown header followed by |---| (seed 002).",
		covers: ['§3.1', '§4', '§5', '§8.1 002'],
		truth: truth2021(11, { county: '安平县', township: '石桥镇', year: 2023 }),
		options: { layout: 'pipe' },
	});
	specs.push({
		name: 'tsv',
		description:
			'Tab-separated rows; merged cells expanded to empty fields, three label columns in Table 3 (seeds 000/001/004, cleaned).',
		covers: ['§3.1', '§4', '§5', '§8.1 000/001/004'],
		truth: truth2021(12, { county: '青阳县', township: '柳溪镇', year: 2023 }),
		options: { layout: 'tsv' },
	});
	specs.push({
		name: 'cell-per-line',
		description:
			'One cell per line after a tab, rows separated by blank lines, numbers padded with NBSP, blank merged cells as U+3000, merged Table 2 values on a line of their own; two-line title, Word numbering in headings, a trailing U+2002 (seed 003).',
		covers: ['§3.1', '§4', '§5', '§8.1 003', '§8.3'],
		truth: truth2021(13, { county: '上林县', township: '龙泉镇', year: 2024 }),
		options: {
			layout: 'cellPerLine',
			titleLines: ['上林县龙泉镇人民政府', '2024年政府信息公开工作年度报告'],
			headings: [
				'1、 总体情况',
				'二、主动公开政府信息情况',
				'三、收到和处理政府信息公开申请情况',
				'四、政府信息公开行政复议、行政诉讼情况',
				'5、 存在的主要问题及改进情况',
				'六、其他需要报告的事项\u2002',
			],
			trailer: [' '.repeat(56)],
		},
	});
	specs.push({
		name: 'pdf-text',
		description:
			'PDF text layer: cells separated by spaces, long Table 3 labels wrapped mid-label with the numbers on the second line, wrapped header cells (商业 / 企业), merged group labels alone in the middle of their rows, page footers (— 2 —, 第 3 页 共 6 页, — 4 —) between table rows.',
		covers: ['§3.1', '§4.3', '§5', '§8.2', '§8.3'],
		truth: truth2021(14, { county: '新丰县', township: '马头镇', year: 2022 }),
		options: { layout: 'pdfText' },
	});
	specs.push({
		name: 'glued',
		description:
			'No separator between a label and its first number, numbers separated by single spaces: `（一）予以公开3 0 0 0 0 0 3`.',
		covers: ['§3.1', '§4', '§5', '§8.3'],
		truth: truth2021(15, { county: '东川县', township: '桃源乡', year: 2023 }),
		options: { layout: 'glued' },
	});
	specs.push({
		name: 'html',
		description:
			'HTML <table><tr><td> markup with the official colspan/rowspan header and label cells, one <tr> per line.',
		covers: ['§3.1', '§4.1', '§4.2', '§5'],
		truth: truth2021(16, { county: '宁远县', township: '白马镇', year: 2024 }),
		options: { layout: 'html' },
	});

	// --- Variants of Table 3 / Table 2 ---
	specs.push({
		name: 'tsv-subtotal-column',
		description:
			'Table 3 with an invented 法人或其他组织 小计 column after 自然人: 8 numbers per row, the 2nd = sum of the 5 organisation columns (to be ignored).',
		covers: ['§4.1'],
		truth: truth2021(17, { county: '永和县', township: '芦溪乡', year: 2023 }),
		options: { layout: 'tsv', subtotalColumn: true },
	});
	specs.push({
		name: 'tsv-subtotal-column-after-other',
		description:
			'Table 3 with the 小计 column after 其他, spanning both header rows: its name is printed on the header line above 其他, so the header words say 小计 before 其他; the 7th of the 8 numbers is the subtotal.',
		covers: ['§4.1'],
		truth: truth2021(58, { county: '汝城县', township: '热水镇', year: 2024 }),
		options: { layout: 'tsv', subtotalColumn: 'afterOther' },
	});
	specs.push({
		name: 'pipe-subtotal-column-after-other',
		description:
			'Markdown Table 3 with the 小计 column after 其他 named on the header row above (as tsv-subtotal-column-after-other).',
		covers: ['§4.1'],
		truth: truth2021(59, { county: '桂阳县', township: '黄沙坪街道', year: 2023 }),
		options: { layout: 'pipe', subtotalColumn: 'afterOther' },
	});
	specs.push({
		name: 'tsv-group-subtotal-rows',
		description:
			'（三）不予公开 / （四）无法提供 / （五）不予处理 printed as rows with their own 7 numbers, the sums of their children (to be ignored).',
		covers: ['§4.2'],
		truth: truth2021(18, { county: '清河县', township: '太平镇', year: 2022 }),
		options: { layout: 'tsv', groupSubtotalRows: true },
	});
	specs.push({
		name: 'tsv-format2019',
		description:
			'2019 trial format: Table 2 with 本年新制作数量 / 上一年项目数量 / 本年增/减 (printed -2 and 减少1) / 政府集中采购 (86500元), Table 3 with the single （六）其他处理 row.',
		covers: ['§1.5', '§1.6', '§3.2', '§4.2 (2019)', '§7.3'],
		truth: truth2019(19, { county: '安化县', township: '长乐乡', year: 2019 }, 'A'),
		options: {
			layout: 'tsv',
			printed: {
				'table2v2019.penalty.netChange': '减少1',
				'table2v2019.procurement.totalAmount': '86500元',
			},
		},
	});
	specs.push({
		name: 'html-format2019',
		description:
			'2019 trial format in HTML markup, with the truncated header `本年增/` (马水镇, 善感乡) and a +3 change.',
		covers: ['§3.2', '§4.2 (2019)', '§7.3', '§8.2'],
		truth: truth2019(20, { county: '兴山县', township: '高桥镇', year: 2020 }, 'B'),
		options: {
			layout: 'html',
			labels: { 'table2.col.netChange': '本年增/' },
			printed: {
				'table2v2019.procurement.totalAmount': '152790元',
				'table2v2019.penalty.netChange': '-1',
				'table2v2019.licensing.netChange': '+3',
			},
		},
	});
	const singleOther = truth2021(21, { county: '南城县', township: '梅岭镇', year: 2021 });
	singleOther.formatVersion = 'mixed';
	singleOther.table3 = makeTable3(21, '2019');
	specs.push({
		name: 'pipe-single-other-row',
		description:
			'2021 Table 2 but the 2019-shape single （六）其他处理 row in Table 3: formatVersion mixed, otherCombined filled, the three （六） sub-rows null.',
		covers: ['§1.5', '§4.2', '§6.2 S7', '§7.3'],
		truth: singleOther,
		options: { layout: 'pipe' },
	});
	specs.push({
		name: 'tsv-label-variants',
		description:
			'Table 3/4 label variants: 社会组织, ASCII brackets and commas, 只记这一情形, 其他法律法规禁止公开, ASCII quotes around 三安全一稳定, 重复出具, `1. ` item numbers, ASCII 勾稽 note, wrapped header cells `商业 企业`, Table 4 headers `结果 维持`.',
		covers: ['§4.3', '§5 variants'],
		truth: truth2021(22, { county: '西华县', township: '红花镇', year: 2022 }),
		options: {
			layout: 'tsv',
			spacedTable4Headers: true,
			labels: {
				...spacedItemNumbers(),
				...asciiBracketLabels(),
				'table3.note': '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
				'table3.col.publicInterestOrg': '社会组织',
				'table3.col.commercialEnterprise': '商业 企业',
				'table3.col.researchInstitution': '科研 机构',
				'table3.partiallyGranted': '(二) 部分公开(区分处理的, 只记这一情形, 不计其他情形)',
				'table3.deniedLawProhibited': '2. 其他法律法规禁止公开',
				'table3.deniedSecurityStability': '3. 危及"三安全一稳定"',
				'table3.notHandledReissue': '5. 要求行政机关确认或重复出具已获取信息',
			},
		},
	});
	specs.push({
		name: 'tsv-table2-label-variants',
		description:
			'Table 2 label variants: captions `第二十条第` with the （一） lost (block order identifies them), an empty 规章 label cell, `处理决定数量` without 本年, fee header `本年收费金额单位:万元` (徐望镇 2025, seed 003).',
		covers: ['§3.1 variants', '§8.2'],
		truth: truth2021(23, { county: '平江县', township: '三阳乡', year: 2025 }),
		options: {
			layout: 'tsv',
			labels: {
				'table2.caption.一': '第二十条第',
				'table2.caption.五': '第二十条第',
				'table2.caption.六': '第二十条第',
				'table2.caption.八': '第二十条第',
				'table2.row.regulations': '',
				'table2.col.decisions': '处理决定数量',
				'table2.col.amountWan': '本年收费金额单位:万元',
			},
		},
	});
	specs.push({
		name: 'tsv-fullwidth-digits',
		description:
			'Every digit in the tables full-width (０-９, decimal point ．), including the item numbers of the labels.',
		covers: ['§8.3'],
		truth: truth2021(24, { county: '武宁县', township: '罗坪镇', year: 2023 }),
		options: {
			layout: 'tsv',
			fullWidthDigits: true,
			labelTransform: (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
		},
	});
	specs.push({
		name: 'pdf-text-ideographic-spaces',
		description:
			'PDF-like text whose cells are separated by ideographic spaces U+3000 instead of ASCII spaces (with wrapped labels and page footers).',
		covers: ['§8.3'],
		truth: truth2021(25, { county: '修水县', township: '黄港镇', year: 2023 }),
		options: { layout: 'pdfText', ideographicSpaces: true },
	});
	specs.push({
		name: 'tsv-wrapped-headers',
		description:
			'Header cells wrapped inside the cell, so the tsv header rows break across lines: `商业\\n企业`, `科研\\n机构` (太平镇 2022, xjnlk 2023), `本年制发\\n件数`, `尚未\\n审结`.',
		covers: ['§4.3', '§8.2 header text wrapped', '§8.3'],
		truth: truth2021(36, { county: '资中县', township: '银山镇', year: 2022 }),
		options: {
			layout: 'tsv',
			labels: {
				'table3.col.commercialEnterprise': '商业\n企业',
				'table3.col.researchInstitution': '科研\n机构',
				'table3.col.publicInterestOrg': '社会公益\n组织',
				'table2.col.issued': '本年制发\n件数',
				'table2.col.repealed': '本年废止\n件数',
				'table4.col.pending': '尚未\n审结',
			},
		},
	});
	specs.push({
		name: 'tsv-format2019-annotated-headers',
		description:
			'2019 format with the Hubei 2020 annotated headers that contain digits (上一年项目数量(指2019年事项数), 本年增/减(…如-8), 处理决定数量(指2020年办件量)), wrapped header cells `本年新\\n制作数量`, a parenthetical after 规章 and `减少1`.',
		covers: ['§3.2 notes', '§8.2 header text wrapped', '§8.2 province-specific headers'],
		truth: truth2019(37, { county: '天门县', township: '拖市镇', year: 2020 }, 'B'),
		options: {
			layout: 'tsv',
			labels: {
				'table2.col.newlyMade': '本年新\n制作数量',
				'table2.col.newlyPublished': '本年新\n公开数量',
				'table2.col.priorYearItems': '上一年项目数量(指2019年事项数)',
				'table2.col.netChange': '本年增/减(指2020年增加或减少的事项数,减用负值表示,如-8)',
				'table2.col.decisions': '处理决定数量(指2020年办件量)',
				'table2.row.regulations': '规章(指本机关制定的规章)',
			},
			printed: {
				'table2v2019.penalty.netChange': '减少1',
				'table2v2019.procurement.totalAmount': '152790元',
			},
		},
	});
	specs.push({
		name: 'glued-title-year-first',
		description:
			'Title with the year first and no 人民政府 (`2022年度桃溪乡政府信息公开工作年度报告`, like 螅镇 2022); the county only in the signature; glued table text.',
		covers: ['§8.2 title form variants', '§9'],
		truth: truth2021(38, { county: '龙游县', township: '桃溪乡', year: 2022 }),
		options: { layout: 'glued', titleLines: ['2022年度桃溪乡政府信息公开工作年度报告'] },
	});
	const markers = truth2021(26, { county: '临川县', township: '云山乡', year: 2024 });
	markers.table2!.regulations = { issued: null, repealed: null, inForce: null };
	markers.table2!.normativeDocuments.repealed = 0;
	{
		// One Table 3 row left blank: move its counts to 3.其他 so the sums still hold.
		const t3 = markers.table3 as unknown as Record<string, Row>;
		for (const c of TABLE3_COLUMN_KEYS)
			t3.otherOther![c] = (t3.otherOther![c] ?? 0) + (t3.unableUnclear![c] ?? 0);
		t3.unableUnclear = nullRow();
	}
	specs.push({
		name: 'tsv-zero-markers',
		description:
			'Zero markers — - / 无 － ／ in Table 3 and Table 4 zero cells and `/` in Table 2 (→ 0), blank cells (→ null): a blank 规章 row and a blank Table 3 row (3.补正后申请内容仍不明确).',
		covers: ['§7.1 marker rule', '§8.2', '§8.3'],
		truth: markers,
		options: {
			layout: 'tsv',
			printed: {
				...zeroMarkers(markers.table3, markers.table4),
				'table2.normativeDocuments.repealed': '/',
			},
		},
	});

	// --- Whole-document noise of the seeds (§8.1) ---
	specs.push({
		name: 'tsv-seed000-noise',
		description:
			'Seed 000 noise: red header `# …人民政府文件`, document number 〔2024〕 (not the report year), title broken by spaces, markdown headings at random depths, mixed （一）/(四) brackets, `1. ` items, the row 4. 保护第三方合法权益 shifted left with an extra empty cell and followed by three blank lines, trailing empty fields, (此页无正文), --- and a print line.',
		covers: ['§2.1', '§4.3', '§8.1 000', '§9'],
		truth: truth2021(27, { county: '神池县', township: '店坪镇', year: 2023 }),
		options: {
			layout: 'tsv',
			preamble: ['# 神池县店坪镇人民政府文件', '店政字〔2024〕28号'],
			titleLines: [
				'## 神池县店坪镇人民政府 关于店坪镇政府2023年信息公开工作 年度报告',
				'神池县人民政府办公室：',
			],
			headings: [
				'### 一、总体情况',
				'## 二、主动公开政府信息情况',
				'## 三、收到和处理政府信息公开申请情况',
				'#### 四、政府信息公开行政复议、行政诉讼情况',
				'#### 五、存在的主要问题及改进情况',
				'## 六、其他需要报告的事项',
			],
			labels: {
				...spacedItemNumbers(),
				'table3.group.unable': '(四) 无法提供',
				'table3.group.notHandled': '(五) 不予处理',
				'table3.group.other': '(六) 其他处理',
				'table3.resultsTotal': '(七) 总计',
			},
			pageBreakStyle: 'blankLines',
			table3BreakAfter: 'deniedThirdParty',
			rowTweaks: {
				newReceived: { trailing: 1 },
				carriedOver: { trailing: 1 },
				deniedThirdParty: { emptyAfterLabel: true, dropLeading: 2, trailing: 1 },
			},
			signatureLines: [],
			trailer: ['(此页无正文)', '---', '店坪镇党政办公室', '2024年1月17日印发'],
		},
	});
	specs.push({
		name: 'tsv-seed001-noise',
		description:
			'Seed 001 noise: no county anywhere (only 县委、县政府), spaces around the year in the title, ASCII-bracket labels, 3.其他 shifted left by two cells, (七) 总计 with its numbers right after the label and trailing empties, Table 4 headers `结果 维持`.',
		covers: ['§4.3', '§5', '§8.1 001', '§9'],
		truth: truth2021(28, { county: null, township: '枣林乡', year: 2023 }),
		options: {
			layout: 'tsv',
			titleLines: ['枣林乡 2023 年政府信息公开工作年度报告'],
			labels: {
				...asciiBracketLabels(),
				'table3.note': '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)',
			},
			spacedTable4Headers: true,
			rowTweaks: {
				otherOther: { emptyAfterLabel: true, dropLeading: 2, trailing: 1 },
				resultsTotal: { dropLeading: 1, dropAfterLabel: 1, trailing: 2 },
			},
			signatureLines: [],
		},
	});
	specs.push({
		name: 'pipe-seed002-noise',
		description:
			'Seed 002 noise: header line with the county, title `… 2023 年…年报`, Table 2 merged cells filled with zeros (`| 行政处罚 | 16 | 0 | 0 |`), 只记这一情形 / 重复出具, row 5 of （五） shifted into column 1, Table 3 split into a second markdown table with an empty header, Table 4 data row of 16 cells, misspelt signature dated before the year ends.',
		covers: ['§3.1', '§4.3', '§5 variants', '§8.1 002'],
		truth: truth2021(29, { county: '河东县', township: '旧城镇', year: 2023 }),
		options: {
			layout: 'pipe',
			preamble: ['河东县旧城镇人民政府'],
			titleLines: ['旧城镇 2023 年政府信息公开工作年报'],
			labels: {
				...spacedItemNumbers(),
				...asciiBracketLabels(),
				'table3.note': '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)',
				'table3.partiallyGranted': '(二) 部分公开(区分处理的, 只记这一情形, 不计其他情形)',
				'table3.notHandledReissue': '5. 要求行政机关确认或重复出具已获取信息',
			},
			zeroFillMergedTable2: true,
			pageBreakStyle: 'splitTable',
			table3BreakAfter: 'notHandledReissue',
			table4ExtraCell: true,
			rowTweaks: { notHandledReissue: { emptyAfterLabel: true, dropLeading: 2, trailing: 1 } },
			signatureLines: ['河东县同城镇人民政府', '2023年12月21日'],
		},
	});
	specs.push({
		name: 'tsv-seed004-noise',
		description:
			"Seed 004 noise: prefecture+county in the title, inner items `一、…` `二、…` in 总体情况 that look like headings, fee header with 保留4位小数 and fee 0.1250, 社会组织, 其他法律法规禁止公开, the merged label split as `(三) 不予` / `公开` with row 1's numbers on the next line, rows （三）3–8 one cell left with a trailing empty, 四、结转下年度继续办理 shifted right.",
		covers: ['§2.3', '§3.1 variants', '§4.3', '§8.1 004'],
		truth: (() => {
			const t = truth2021(30, { county: '西峡县', township: '丁河镇', year: 2022 });
			t.table2!.fees = { amountWan: 0.125, amountRaw: '0.1250' };
			return t;
		})(),
		options: {
			layout: 'tsv',
			titleLines: ['南阳市西峡县丁河镇人民政府2022年政府信息公开工作年度报告'],
			overviewExtra: [
				'一、统一思想，提高认识。镇党委、政府高度重视政务公开工作。',
				'二、完善制度，规范程序。',
				'三、结合实际，全面推进。',
			],
			labels: {
				'table2.col.amountWan': '本年收费金额（单位：万元，保留4位小数）',
				'table3.col.publicInterestOrg': '社会组织',
				'table3.deniedLawProhibited': '2.其他法律法规禁止公开',
				...asciiBracketLabels(),
			},
			splitDeniedGroupLabel: true,
			rowTweaks: {
				...Object.fromEntries(
					[
						'deniedSecurityStability',
						'deniedThirdParty',
						'deniedInternalAffairs',
						'deniedProcessInfo',
						'deniedEnforcementFile',
						'deniedAdminQuery',
					].map((k) => [k, { dropLeading: 1, trailing: 1 }]),
				),
				carriedForward: { addLeading: 1, dropAfterLabel: 1 },
			},
			signatureLines: [],
		},
	});

	// --- Hand-made fixtures: encodings, traditional labels, a report that breaks its own sums ---
	specs.push({
		name: 'encoding-gbk',
		description: 'The tsv layout encoded in GBK (iconv -f UTF-8 -t GBK).',
		covers: ['§8.3', 'decodeReport'],
		truth: truth2021(31, { county: '宜黄县', township: '凤冈镇', year: 2023 }),
		options: { layout: 'tsv' },
		encoding: 'gbk',
	});
	specs.push({
		name: 'encoding-utf16le-bom',
		description: 'The pipe layout encoded in UTF-16LE with a byte-order mark.',
		covers: ['§8.3', 'decodeReport'],
		truth: truth2021(32, { county: '资溪县', township: '鹤城镇', year: 2023 }),
		options: { layout: 'pipe' },
		encoding: 'utf-16le-bom',
	});
	specs.push({
		name: 'encoding-utf8-bom-crlf',
		description: 'The tsv layout in UTF-8 with a byte-order mark and CRLF line endings.',
		covers: ['§8.3', 'decodeReport'],
		truth: truth2021(33, { county: '金溪县', township: '琅琚镇', year: 2024 }),
		options: { layout: 'tsv' },
		encoding: 'utf-8-bom',
		lineEnding: 'crlf',
	});
	const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
	specs.push({
		name: 'traditional-labels',
		description:
			'Every table label and header in Traditional characters (OpenCC cn→tw: 規章, 行政處罰, 屬於國家秘密, 申請人情況…), with the mirror-site error 文件→檔案 in 行政規範性檔案; title and narrative stay simplified.',
		covers: ['§8.2 traditional mirrors'],
		truth: truth2021(34, { county: '南丰县', township: '白舍镇', year: 2023 }),
		options: {
			layout: 'tsv',
			labelTransform: toTraditional,
			labels: { 'table2.row.normativeDocuments': '行政规范性檔案' },
		},
	});
	const broken = truth2021(35, { county: '广昌县', township: '驿前镇', year: 2023 });
	const printedNewReceived = broken.table3.newReceived.naturalPerson! + 1;
	broken.table3.newReceived.naturalPerson = printedNewReceived;
	broken.table4.reconsideration = { upheld: 1, corrected: 1, otherResult: 0, pending: 0, total: 3 };
	const b = broken.table3;
	specs.push({
		name: 'broken-sums',
		description:
			'A report that breaks its own sums, values kept as printed: 一、本年新收 自然人 printed one too high (H1 fails for 自然人 and H3 for that row; the printed 总计 is unchanged), and 行政复议 总计 printed 3 while 1+1+0+0 = 2 (H4).',
		covers: ['§6.1 H1 H3 H4'],
		truth: broken,
		options: { layout: 'tsv' },
		mustFail: [
			{
				id: 'H1',
				cell: 'table3.newReceived.naturalPerson',
				values: [
					printedNewReceived + b.carriedOver.naturalPerson!,
					b.resultsTotal.naturalPerson! + b.carriedForward.naturalPerson!,
				],
			},
			{
				id: 'H3',
				cell: 'table3.newReceived.commercialEnterprise',
				values: [
					b.newReceived.total!,
					printedNewReceived + ORG_COLUMN_KEYS.reduce((a, c) => a + b.newReceived[c]!, 0),
				],
				actual: b.newReceived.total!,
			},
			{ id: 'H4', cell: 'table4.reconsideration.upheld', values: [3, 2], actual: 3 },
		],
	});
	specs.push(...tableDamageSpecs());
	specs.push(...surveySpecs());
	return specs;
}

// ---------------------------------------------------------------------------------------------
// Building

function encode(text: string, encoding: FixtureEncoding): Uint8Array {
	switch (encoding) {
		case 'utf-8':
			return new TextEncoder().encode(text);
		case 'utf-8-bom':
			return new TextEncoder().encode(`\ufeff${text}`);
		case 'utf-16le-bom':
			return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
		case 'gbk':
			return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));
	}
}

/** Decodes a fixture's bytes independently of the parser (for provenance checks). */
export function decodeFixture(bytes: Uint8Array, encoding: FixtureEncoding): string {
	switch (encoding) {
		case 'utf-8':
		case 'utf-8-bom':
			return new TextDecoder('utf-8').decode(bytes); // strips a BOM
		case 'utf-16le-bom':
			return new TextDecoder('utf-16le').decode(bytes);
		case 'gbk':
			return new TextDecoder('gbk').decode(bytes);
	}
}

export function buildLayoutFixtures(): BuiltFixture[] {
	return fixtureSpecs().map((spec) => {
		const plain = renderReport(spec.truth, spec.options);
		const damaged = spec.damage?.(plain.text);
		const rendered = damaged
			? { text: damaged.text, allowedUnassigned: damaged.allowedUnassigned }
			: plain;
		if (damaged && plain.allowedUnassigned.length > 0)
			throw new Error(`${spec.name}: damage would move the lines of allowedUnassigned`);
		const lineEnding = spec.lineEnding ?? 'lf';
		const text = lineEnding === 'crlf' ? rendered.text.replace(/\n/g, '\r\n') : rendered.text;
		const encoding = spec.encoding ?? 'utf-8';
		const expected: ReportTruth = spec.cutAway ? structuredClone(spec.truth) : spec.truth;
		const missing = spec.cutAway?.(expected);
		const violations = hardRuleViolations(spec.truth);
		if (violations.length > 0 && !spec.mustFail)
			throw new Error(`${spec.name}: truth breaks ${violations.join('; ')}`);
		const truth: FixtureTruth = {
			fixture: `${spec.name}.txt`,
			description: spec.description,
			covers: spec.covers,
			layout: spec.options.layout,
			encoding,
			lineEnding,
			formatVersion: spec.truth.formatVersion,
			metadata: {
				township: spec.truth.meta.township,
				county: spec.truth.meta.county,
				reportYear: spec.truth.meta.year,
			},
			table2: expected.table2,
			table2v2019: expected.table2v2019,
			table3: expected.table3,
			table4: expected.table4,
			allowedUnassigned: rendered.allowedUnassigned,
			mustFail: spec.mustFail ?? [],
			...(missing ? { missing } : {}),
			...(spec.labelVariants ? { labelVariants: spec.labelVariants } : {}),
		};
		return { name: spec.name, bytes: encode(text, encoding), truth };
	});
}
