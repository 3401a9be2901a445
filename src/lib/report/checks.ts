/**
 * The format's own consistency rules (FORMAT.md §6.1–6.2): hard rules H1–H7 and soft rules
 * S1–S10. Each result names its rule, the cells, and the values on both sides; a rule that
 * touches a null cell is skipped, never passed. Printed numbers are reported, never fixed.
 */
import type { CheckResult, ReportRecord } from '../model/record.ts';
import {
	TABLE3_APPLICANT_COLUMNS,
	TABLE3_COLUMNS,
	TABLE3_ROWS,
	TABLE3_OTHER_SUBROWS,
	TABLE4_GROUPS,
	type Table3Row,
} from '../model/vocabulary.ts';

type RecordBody = Omit<ReportRecord, 'checks' | 'diagnostics'>;

export interface StructureProblem {
	scope: string;
	message: string;
	line: number | null;
	severity: 'error' | 'warning' | 'info';
}

const RESULT_ROWS_2021 = TABLE3_ROWS.slice(
	TABLE3_ROWS.indexOf('granted'),
	TABLE3_ROWS.indexOf('resultsTotal'),
).filter((r) => r !== 'otherCombined');
const RESULT_ROWS_2019: Table3Row[] = [
	...RESULT_ROWS_2021.filter((r) => !TABLE3_OTHER_SUBROWS.includes(r)),
	'otherCombined',
];

/** A cell address, split once at load time: checks run for every report and must stay cheap. */
interface CellRef {
	path: string;
	table: string;
	row: string;
	col: string;
}
interface Equation {
	id: string;
	scope: string;
	formula: string;
	left: CellRef[];
	right: CellRef[];
	cells: string[];
	/** What each side adds up, in the table's own words, for messages. */
	sides: [string, string];
}

const ref = (table: string, row: string, col: string): CellRef => ({
	path: `${table}.${row}.${col}`,
	table,
	row,
	col,
});
const SIDES: Record<string, [string, string]> = {
	H1: ['本年新收 + 上年结转', '办理结果总计 + 结转下年度'],
	H2: ['各项办理结果之和', '（七）总计'],
	H3: ['各类申请人之和', '总计'],
	H4: ['维持 + 纠正 + 其他 + 尚未审结', '总计'],
};
const equationOf = (
	id: string,
	scope: string,
	formula: string,
	left: CellRef[],
	right: CellRef[],
): Equation => ({
	id,
	scope,
	formula,
	left,
	right,
	cells: [...left, ...right].map((c) => c.path),
	sides: SIDES[id]!,
});

/** H1–H3 for one Table 3 shape (2021 sub-rows, or the 2019 single （六） row). */
function table3Equations(otherCombined: boolean): Equation[] {
	const eqs: Equation[] = [];
	for (const c of TABLE3_COLUMNS) {
		eqs.push(
			equationOf(
				'H1',
				`table3 column ${c}`,
				'newReceived + carriedOver = resultsTotal + carriedForward',
				[ref('table3', 'newReceived', c), ref('table3', 'carriedOver', c)],
				[ref('table3', 'resultsTotal', c), ref('table3', 'carriedForward', c)],
			),
		);
	}
	const resultRows = otherCombined ? RESULT_ROWS_2019 : RESULT_ROWS_2021;
	for (const c of TABLE3_COLUMNS) {
		eqs.push(
			equationOf(
				'H2',
				`table3 column ${c}`,
				`resultsTotal = ${resultRows.join(' + ')}`,
				resultRows.map((r) => ref('table3', r, c)),
				[ref('table3', 'resultsTotal', c)],
			),
		);
	}
	const rows = TABLE3_ROWS.filter((r) =>
		otherCombined ? !TABLE3_OTHER_SUBROWS.includes(r) : r !== 'otherCombined',
	);
	for (const r of rows) {
		eqs.push(
			equationOf(
				'H3',
				`table3 row ${r}`,
				`${r}.total = Σ applicant columns`,
				TABLE3_APPLICANT_COLUMNS.map((c) => ref('table3', r, c)),
				[ref('table3', r, 'total')],
			),
		);
	}
	return eqs;
}
const TABLE3_EQUATIONS = { 2021: table3Equations(false), 2019: table3Equations(true) };
const TABLE4_EQUATIONS = TABLE4_GROUPS.map((g) =>
	equationOf(
		'H4',
		`table4 ${g}`,
		`${g}.total = upheld + corrected + otherResult + pending`,
		['upheld', 'corrected', 'otherResult', 'pending'].map((c) => ref('table4', g, c)),
		[ref('table4', g, 'total')],
	),
);

export function runChecks(record: RecordBody, structure: StructureProblem[]): CheckResult[] {
	const checks: CheckResult[] = [];
	const lineOf = (paths: string[]) => {
		for (const p of paths) {
			const line = record.cells[p]?.line;
			if (line != null) return line;
		}
		return null;
	};
	const get = (path: string) => valueAt(record, path);
	const tables = record as unknown as Record<
		string,
		Record<string, Record<string, unknown>> | null
	>;
	const read = (c: CellRef) => {
		const v = tables[c.table]?.[c.row]?.[c.col];
		return typeof v === 'number' ? v : null;
	};
	/** Equality check of two sums: the left cells must add up to the right cells. */
	const evaluate = (eq: Equation) => {
		const lv = eq.left.map(read);
		const rv = eq.right.map(read);
		const expected = lv.includes(null) ? null : sum(lv);
		const actual = rv.includes(null) ? null : sum(rv);
		const status =
			expected === null || actual === null ? 'skip' : expected === actual ? 'pass' : 'fail';
		checks.push({
			id: eq.id,
			severity: 'error',
			status,
			scope: eq.scope,
			formula: eq.formula,
			cells: eq.cells,
			expected,
			actual,
			message:
				status === 'skip'
					? '有单元格未填报，无法检查'
					: status === 'pass'
						? `${eq.sides[0]} = ${expected}，${eq.sides[1]} = ${actual}，相符`
						: `${eq.sides[0]} = ${expected}，但${eq.sides[1]} = ${actual}`,
			line: lineOf(eq.cells),
		});
	};
	const push = (c: Omit<CheckResult, 'line'> & { line?: number | null }) =>
		checks.push({ ...c, line: c.line ?? lineOf(c.cells) });

	if (record.table3) TABLE3_EQUATIONS[record.table3.otherCombined ? 2019 : 2021].forEach(evaluate);
	if (record.table4) TABLE4_EQUATIONS.forEach(evaluate);
	checkCounts(record, push);
	const fee = record.table2?.fees;
	if (fee && fee.amountWan !== null) {
		push({
			id: 'H6',
			severity: 'error',
			status: fee.amountWan >= 0 ? 'pass' : 'fail',
			scope: 'table2.fees.amountWan',
			formula: 'amountWan ≥ 0',
			cells: ['table2.fees.amountWan'],
			expected: '≥ 0',
			actual: fee.amountWan,
			message: `本年收费金额 ${fee.amountRaw} 万元`,
		});
	}
	const structural = structure.filter((s) => s.severity !== 'info');
	if (structural.length === 0) {
		push({
			id: 'H7',
			severity: 'error',
			status: 'pass',
			scope: 'structure',
			formula: 'Table 3: 7 values per row; Table 4: 15 values; Table 2: cells of §3',
			cells: [],
			expected: null,
			actual: null,
			message: '每行单元格数都符合格式',
			line: null,
		});
	}
	for (const s of structural) {
		push({
			id: 'H7',
			severity: s.severity,
			status: 'fail',
			scope: s.scope,
			formula: 'Table 3: 7 values per row; Table 4: 15 values; Table 2: cells of §3',
			cells: [],
			expected: null,
			actual: null,
			message: s.message,
			line: s.line,
		});
	}
	softChecks(record, push, get);
	return checks;
}

const pathParts = new Map<string, string[]>();

/** The number at a dotted cell path such as `table3.granted.total`; paths repeat, so their split is cached. */
function valueAt(record: RecordBody, path: string): number | null {
	let parts = pathParts.get(path);
	if (!parts) pathParts.set(path, (parts = path.split('.')));
	const v = (record as unknown as Record<string, Record<string, Record<string, unknown>> | null>)[
		parts[0]!
	]?.[parts[1]!]?.[parts[2]!];
	return typeof v === 'number' ? v : null;
}

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

type Push = (c: Omit<CheckResult, 'line'> & { line?: number | null }) => void;

/** H5: counts are whole numbers ≥ 0 (2019 本年增/减 may be negative; money is not a count). */
function checkCounts(record: RecordBody, push: Push) {
	let bad = 0;
	const visit = (
		table: string,
		rows: Record<string, Record<string, unknown>> | null | undefined,
	) => {
		if (!rows) return;
		for (const [row, cols] of Object.entries(rows)) {
			if (!cols || Array.isArray(cols)) continue; // extraRows
			for (const [col, v] of Object.entries(cols)) {
				if (typeof v !== 'number' || NOT_COUNTS.has(col) || (Number.isInteger(v) && v >= 0))
					continue;
				bad++;
				const path = `${table}.${row}.${col}`;
				push({
					id: 'H5',
					severity: 'error',
					status: 'fail',
					scope: path,
					formula: 'count is an integer ≥ 0',
					cells: [path],
					expected: 'integer ≥ 0',
					actual: v,
					message: `${path} 印作“${record.cells[path]?.raw ?? v}”，不是非负整数`,
				});
			}
		}
	};
	visit('table2', record.table2 as unknown as Record<string, Record<string, unknown>> | null);
	visit(
		'table2v2019',
		record.table2v2019 as unknown as Record<string, Record<string, unknown>> | null,
	);
	visit('table3', record.table3 as unknown as Record<string, Record<string, unknown>> | null);
	visit('table4', record.table4 as unknown as Record<string, Record<string, unknown>> | null);
	if (bad === 0)
		push({
			id: 'H5',
			severity: 'error',
			status: 'pass',
			scope: 'all counts',
			formula: 'count is an integer ≥ 0',
			cells: [],
			expected: null,
			actual: null,
			message: '所有数都是非负整数',
			line: null,
		});
}
const NOT_COUNTS = new Set(['netChange', 'amountWan', 'totalAmount']);

function softChecks(record: RecordBody, push: Push, get: (p: string) => number | null) {
	const m = record.metadata;
	const t2 = record.table2;
	const isTownship = m.townshipKind !== null;
	if (t2 && isTownship) {
		const paths = ['issued', 'repealed', 'inForce'].map((c) => `table2.regulations.${c}`);
		const values = paths.map(get);
		if (values.every((v) => v !== null)) {
			const ok = values.every((v) => v === 0);
			push({
				id: 'S1',
				severity: 'warning',
				status: ok ? 'pass' : 'fail',
				scope: 'table2.regulations',
				formula: 'a township makes no 规章: regulations = 0',
				cells: paths,
				expected: 0,
				actual: sum(values),
				message: ok
					? '规章各项为 0'
					: `乡镇填报了规章 ${values.join('/')}；乡镇无权制定规章，可能填错了行`,
			});
		}
	}
	if (t2) {
		for (const row of ['regulations', 'normativeDocuments'] as const) {
			const [issued, repealed, inForce] = ['issued', 'repealed', 'inForce'].map((c) =>
				get(`table2.${row}.${c}`),
			);
			const cells = ['issued', 'repealed', 'inForce'].map((c) => `table2.${row}.${c}`);
			if (issued == null || repealed == null || inForce == null) continue;
			const ok = inForce >= issued - repealed;
			push({
				id: 'S2',
				severity: 'warning',
				status: ok ? 'pass' : 'fail',
				scope: `table2.${row}`,
				formula: 'inForce ≥ issued − repealed',
				cells,
				expected: `≥ ${issued - repealed}`,
				actual: inForce,
				message: ok
					? `${inForce} ≥ ${issued} − ${repealed}`
					: `现行有效 ${inForce} < 本年制发 ${issued} − 本年废止 ${repealed}`,
			});
		}
		const fee = t2.fees;
		if (fee.amountWan !== null) {
			push({
				id: 'S4',
				severity: 'warning',
				status: fee.amountWan < 1000 ? 'pass' : 'fail',
				scope: 'table2.fees.amountWan',
				formula: 'amountWan < 1000 (万元)',
				cells: ['table2.fees.amountWan'],
				expected: '< 1000',
				actual: fee.amountWan,
				message:
					fee.amountWan < 1000 ? '数量级合理' : '乡镇收费达千万元以上：单位可能是“元”而不是“万元”',
			});
			const decimals = /\.(\d+)/.exec(fee.amountRaw ?? '')?.[1]?.length ?? 0;
			push({
				id: 'S5',
				severity: 'warning',
				status: decimals <= 4 ? 'pass' : 'fail',
				scope: 'table2.fees.amountWan',
				formula: 'at most 4 decimal places',
				cells: ['table2.fees.amountWan'],
				expected: '≤ 4',
				actual: decimals,
				message: `${decimals} 位小数`,
			});
		}
	}
	textTableAgreement(record, push, get);
	yearChecks(record, push);
	formatCoherence(record, push);
	const t4total = TABLE4_GROUPS.map((g) => get(`table4.${g}.total`));
	const t3first = ['newReceived', 'carriedOver'].map((r) => get(`table3.${r}.total`));
	if (t4total.every((v) => v !== null) && t3first.every((v) => v !== null)) {
		const unusual = sum(t4total) > 0 && sum(t3first) === 0;
		push({
			id: 'S8',
			severity: 'warning',
			status: unusual ? 'fail' : 'pass',
			scope: 'table4 vs table3',
			formula: 'reviews or lawsuits usually follow applications',
			cells: [
				...TABLE4_GROUPS.map((g) => `table4.${g}.total`),
				'table3.newReceived.total',
				'table3.carriedOver.total',
			],
			expected: null,
			actual: sum(t4total),
			message: unusual
				? `有 ${sum(t4total)} 件行政复议或诉讼，但本年和上年都没有申请（合法，但少见）`
				: '相符',
		});
	}
	if (m.signatureBody && m.issuingBody) {
		const a = m.signatureBody.replace(/人民政府|政府|办事处/g, '');
		const b = m.issuingBody.replace(/人民政府|政府|办事处/g, '');
		const ok = a.endsWith(b) || b.endsWith(a);
		push({
			id: 'S9',
			severity: 'warning',
			status: ok ? 'pass' : 'fail',
			scope: 'metadata.signatureBody',
			formula: 'signature body = issuing body',
			cells: [],
			expected: m.issuingBody,
			actual: m.signatureBody,
			message: ok
				? '落款与发布机关一致'
				: `落款为“${m.signatureBody}”，发布机关却是“${m.issuingBody}”`,
		});
	}
	const v19 = record.table2v2019;
	if (v19) {
		for (const row of [
			'licensing',
			'otherExternalServices',
			'penalty',
			'coercion',
			'fees',
		] as const) {
			const prior = v19[row].priorYearItems;
			const change = v19[row].netChange;
			if (prior === null || change === null) continue;
			const cells = [`table2v2019.${row}.priorYearItems`, `table2v2019.${row}.netChange`];
			push({
				id: 'S10',
				severity: 'warning',
				status: prior + change >= 0 ? 'pass' : 'fail',
				scope: `table2v2019.${row}`,
				formula: 'priorYearItems + netChange ≥ 0',
				cells,
				expected: '≥ 0',
				actual: prior + change,
				message: `${prior} + (${change}) = ${prior + change}`,
			});
		}
	}
}

function textTableAgreement(record: RecordBody, push: Push, get: (p: string) => number | null) {
	const text = record.sections.overview.text + '\n' + record.sections.applications.text;
	const received = get('table3.newReceived.total');
	if (received !== null) {
		const none =
			/(?:未|没有)(?:收到|接收到|受理)[^。]{0,12}(?:依申请|申请)|依申请公开[^。]{0,6}(?:申请)?(?:为)?0件/.test(
				text,
			);
		const stated = /(?:共|全年|累计)?(?:收到|受理|接收)[^。\d]{0,16}申请(\d+)件/.exec(text);
		if (none || stated) {
			const expected = none ? 0 : Number(stated![1]);
			push({
				id: 'S3',
				severity: 'warning',
				status: expected === received ? 'pass' : 'fail',
				scope: 'table3.newReceived.total',
				formula: 'narrative count of applications = 本年新收 总计',
				cells: ['table3.newReceived.total'],
				expected,
				actual: received,
				message:
					expected === received
						? '正文与表格一致'
						: `正文称收到申请 ${expected} 件，表三为 ${received} 件`,
			});
		}
	}
	const t4 = TABLE4_GROUPS.map((g) => get(`table4.${g}.total`));
	if (
		t4.every((v) => v !== null) &&
		/未(?:发生|出现|有)[^。]{0,20}行政复议/.test(
			record.sections.reviewLitigation.text + record.sections.overview.text,
		)
	) {
		const total = sum(t4);
		push({
			id: 'S3',
			severity: 'warning',
			status: total === 0 ? 'pass' : 'fail',
			scope: 'table4',
			formula: '"no review or lawsuit" in the text ⇒ Table 4 all 0',
			cells: TABLE4_GROUPS.map((g) => `table4.${g}.total`),
			expected: 0,
			actual: total,
			message: total === 0 ? '正文与表格一致' : `正文称没有行政复议、诉讼，表四合计却为 ${total}`,
		});
	}
}

function yearChecks(record: RecordBody, push: Push) {
	const m = record.metadata;
	if (m.reportYear === null) return;
	const periodYear = m.statisticsPeriod?.start
		? Number(m.statisticsPeriod.start.slice(0, 4))
		: null;
	if (periodYear !== null) {
		const ok = periodYear === m.reportYear;
		push({
			id: 'S6',
			severity: 'warning',
			status: ok ? 'pass' : 'fail',
			scope: 'metadata.statisticsPeriod',
			formula: 'statistics period year = report year',
			cells: [],
			expected: m.reportYear,
			actual: periodYear,
			message: ok
				? '统计期限与报告年度一致'
				: `统计期限在 ${periodYear} 年，报告年度却是 ${m.reportYear} 年`,
		});
	}
	if (m.publicationDate) {
		const ok = m.publicationDate > `${m.reportYear}-12-31`;
		push({
			id: 'S6',
			severity: 'warning',
			status: ok ? 'pass' : 'fail',
			scope: 'metadata.publicationDate',
			formula: 'published after 31 December of the report year',
			cells: [],
			expected: `> ${m.reportYear}-12-31`,
			actual: m.publicationDate,
			message: ok
				? '在年度结束后发布'
				: `日期为 ${m.publicationDate}，早于 ${m.reportYear} 年度结束`,
		});
	}
}

function formatCoherence(record: RecordBody, push: Push) {
	const problems: string[] = [];
	if (record.formatVersion === 'mixed')
		problems.push('同时出现 2019 年和 2021 年格式的标签（表二的列或表三的（六）行）');
	const t3 = record.table3;
	if (t3 && record.formatVersion === '2021' && t3.otherCombined)
		problems.push('表二为 2021 年格式，表三却是 2019 年的单行（六）其他处理');
	if (t3 && record.formatVersion === '2019' && !t3.otherCombined)
		problems.push('表二为 2019 年格式，表三却有 2021 年的（六）分项');
	if (record.formatVersion === 'none') return;
	push({
		id: 'S7',
		severity: 'warning',
		status: problems.length ? 'fail' : 'pass',
		scope: 'formatVersion',
		formula: 'every label from one format version',
		cells: [],
		expected: record.formatVersion,
		actual: problems.length ? 'mixed' : record.formatVersion,
		message: problems.join('；') || `所有标签都属于 ${record.formatVersion} 年格式`,
		line: null,
	});
}
