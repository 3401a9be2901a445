/**
 * The format's own consistency rules (FORMAT.md §6.1–6.2): hard rules H1–H7 and soft rules
 * S1–S10. Each result names its rule, the cells, and the values on both sides; a rule that
 * touches a null cell is skipped, never passed. Printed numbers are reported, never fixed.
 * What a rule is (name, formula, severity) comes from the registry in model/rules.ts.
 */
import {
	cellAddress,
	cellAt,
	recordCellPaths,
	rowCellPaths,
	type CellPath,
} from '../model/cells.ts';
import type { CheckResult, ReportRecord } from '../model/record.ts';
import { ruleOf } from '../model/rules.ts';
import {
	TABLE3_APPLICANT_COLUMNS,
	TABLE3_COLUMNS,
	TABLE3_ROWS,
	TABLE3_OTHER_SUBROWS,
	TABLE4_GROUPS,
	type Table3Column,
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

type EquationId = 'H1' | 'H2' | 'H3' | 'H4';
interface Equation {
	id: EquationId;
	scope: string;
	left: CellPath[];
	right: CellPath[];
	/** What each side adds up, in the table's own words, for messages. */
	sides: [string, string];
}

const SIDES: Record<EquationId, [string, string]> = {
	H1: ['本年新收 + 上年结转', '办理结果总计 + 结转下年度'],
	H2: ['各项办理结果之和', '（七）总计'],
	H3: ['各类申请人之和', '总计'],
	H4: ['维持 + 纠正 + 其他 + 尚未审结', '总计'],
};
const equationOf = (
	id: EquationId,
	scope: string,
	left: CellPath[],
	right: CellPath[],
): Equation => ({ id, scope, left, right, sides: SIDES[id] });

const t3 = (row: Table3Row, column: Table3Column): CellPath => `table3.${row}.${column}`;

/** H1–H3 for one Table 3 shape (2021 sub-rows, or the 2019 single （六） row). */
function table3Equations(otherCombined: boolean): Equation[] {
	const eqs: Equation[] = [];
	for (const c of TABLE3_COLUMNS) {
		eqs.push(
			equationOf(
				'H1',
				`table3 column ${c}`,
				[t3('newReceived', c), t3('carriedOver', c)],
				[t3('resultsTotal', c), t3('carriedForward', c)],
			),
		);
	}
	const resultRows = otherCombined ? RESULT_ROWS_2019 : RESULT_ROWS_2021;
	for (const c of TABLE3_COLUMNS) {
		eqs.push(
			equationOf(
				'H2',
				`table3 column ${c}`,
				resultRows.map((r) => t3(r, c)),
				[t3('resultsTotal', c)],
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
				TABLE3_APPLICANT_COLUMNS.map((c) => t3(r, c)),
				[t3(r, 'total')],
			),
		);
	}
	return eqs;
}
const TABLE3_EQUATIONS = { 2021: table3Equations(false), 2019: table3Equations(true) };
const TABLE4_EQUATIONS = TABLE4_GROUPS.map((g) => {
	const [upheld, corrected, otherResult, pending, total] = rowCellPaths('table4', g);
	return equationOf('H4', `table4 ${g}`, [upheld!, corrected!, otherResult!, pending!], [total!]);
});

export function runChecks(record: RecordBody, structure: StructureProblem[]): CheckResult[] {
	const checks: CheckResult[] = [];
	const lineOf = (paths: string[]) => {
		for (const p of paths) {
			const line = record.cells[p]?.line;
			if (line != null) return line;
		}
		return null;
	};
	const get = (path: CellPath) => cellAt(record, path).value;
	/** Equality check of two sums: the left cells must add up to the right cells. */
	const evaluate = (eq: Equation) => {
		const lv = eq.left.map(get);
		const rv = eq.right.map(get);
		const expected = lv.includes(null) ? null : sum(lv);
		const actual = rv.includes(null) ? null : sum(rv);
		const status =
			expected === null || actual === null ? 'skip' : expected === actual ? 'pass' : 'fail';
		const cells = [...eq.left, ...eq.right];
		checks.push({
			id: eq.id,
			severity: ruleOf(eq.id).severity,
			status,
			scope: eq.scope,
			formula: ruleOf(eq.id).formula,
			cells,
			expected,
			actual,
			message:
				status === 'skip'
					? '有单元格未填报，无法检查'
					: status === 'pass'
						? `${eq.sides[0]} = ${expected}，${eq.sides[1]} = ${actual}，相符`
						: `${eq.sides[0]} = ${expected}，但${eq.sides[1]} = ${actual}`,
			line: lineOf(cells),
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
			severity: ruleOf('H6').severity,
			status: fee.amountWan >= 0 ? 'pass' : 'fail',
			scope: 'table2.fees.amountWan',
			formula: ruleOf('H6').formula,
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
			severity: ruleOf('H7').severity,
			status: 'pass',
			scope: 'structure',
			formula: ruleOf('H7').formula,
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
			formula: ruleOf('H7').formula,
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

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

type Push = (c: Omit<CheckResult, 'line'> & { line?: number | null }) => void;

/** H5: counts are whole numbers ≥ 0 (2019 本年增/减 may be negative; money is not a count). */
function checkCounts(record: RecordBody, push: Push) {
	let bad = 0;
	for (const path of recordCellPaths(record)) {
		const v = cellAt(record, path).value;
		if (v === null || NOT_COUNTS.has(cellAddress(path).column) || (Number.isInteger(v) && v >= 0))
			continue;
		bad++;
		push({
			id: 'H5',
			severity: ruleOf('H5').severity,
			status: 'fail',
			scope: path,
			formula: ruleOf('H5').formula,
			cells: [path],
			expected: '非负整数',
			actual: v,
			message: `${path} 印作“${record.cells[path]?.raw ?? v}”，不是非负整数`,
		});
	}
	if (bad === 0)
		push({
			id: 'H5',
			severity: ruleOf('H5').severity,
			status: 'pass',
			scope: 'cells',
			formula: ruleOf('H5').formula,
			cells: [],
			expected: null,
			actual: null,
			message: '所有数都是非负整数',
			line: null,
		});
}
const NOT_COUNTS = new Set(['netChange', 'amountWan', 'totalAmount']);

function softChecks(record: RecordBody, push: Push, get: (p: CellPath) => number | null) {
	const m = record.metadata;
	const t2 = record.table2;
	const isTownship = m.townshipKind !== null;
	if (t2 && isTownship) {
		const paths = rowCellPaths('table2', 'regulations');
		const values = paths.map(get);
		if (values.every((v) => v !== null)) {
			const ok = values.every((v) => v === 0);
			push({
				id: 'S1',
				severity: ruleOf('S1').severity,
				status: ok ? 'pass' : 'fail',
				scope: 'table2.regulations',
				formula: ruleOf('S1').formula,
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
			const cells = rowCellPaths('table2', row);
			const [issued, repealed, inForce] = cells.map(get);
			if (issued == null || repealed == null || inForce == null) continue;
			const ok = inForce >= issued - repealed;
			push({
				id: 'S2',
				severity: ruleOf('S2').severity,
				status: ok ? 'pass' : 'fail',
				scope: `table2.${row}`,
				formula: ruleOf('S2').formula,
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
				severity: ruleOf('S4').severity,
				status: fee.amountWan < 1000 ? 'pass' : 'fail',
				scope: 'table2.fees.amountWan',
				formula: ruleOf('S4').formula,
				cells: ['table2.fees.amountWan'],
				expected: '< 1000',
				actual: fee.amountWan,
				message:
					fee.amountWan < 1000 ? '数量级合理' : '乡镇收费达千万元以上：单位可能是“元”而不是“万元”',
			});
			const decimals = /\.(\d+)/.exec(fee.amountRaw ?? '')?.[1]?.length ?? 0;
			push({
				id: 'S5',
				severity: ruleOf('S5').severity,
				status: decimals <= 4 ? 'pass' : 'fail',
				scope: 'table2.fees.amountWan',
				formula: ruleOf('S5').formula,
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
	const t3first = [get('table3.newReceived.total'), get('table3.carriedOver.total')];
	if (t4total.every((v) => v !== null) && t3first.every((v) => v !== null)) {
		const unusual = sum(t4total) > 0 && sum(t3first) === 0;
		push({
			id: 'S8',
			severity: ruleOf('S8').severity,
			status: unusual ? 'fail' : 'pass',
			scope: 'table4 vs table3',
			formula: ruleOf('S8').formula,
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
			severity: ruleOf('S9').severity,
			status: ok ? 'pass' : 'fail',
			scope: 'metadata.signatureBody',
			formula: ruleOf('S9').formula,
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
				severity: ruleOf('S10').severity,
				status: prior + change >= 0 ? 'pass' : 'fail',
				scope: `table2v2019.${row}`,
				formula: ruleOf('S10').formula,
				cells,
				expected: '≥ 0',
				actual: prior + change,
				message: `${prior} + (${change}) = ${prior + change}`,
			});
		}
	}
}

function textTableAgreement(record: RecordBody, push: Push, get: (p: CellPath) => number | null) {
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
				severity: ruleOf('S3').severity,
				status: expected === received ? 'pass' : 'fail',
				scope: 'table3.newReceived.total',
				formula: ruleOf('S3').formula,
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
			severity: ruleOf('S3').severity,
			status: total === 0 ? 'pass' : 'fail',
			scope: 'table4',
			formula: ruleOf('S3').formula,
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
			severity: ruleOf('S6').severity,
			status: ok ? 'pass' : 'fail',
			scope: 'metadata.statisticsPeriod',
			formula: ruleOf('S6').formula,
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
			severity: ruleOf('S6').severity,
			status: ok ? 'pass' : 'fail',
			scope: 'metadata.publicationDate',
			formula: ruleOf('S6').formula,
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
		severity: ruleOf('S7').severity,
		status: problems.length ? 'fail' : 'pass',
		scope: 'formatVersion',
		formula: ruleOf('S7').formula,
		cells: [],
		expected: record.formatVersion,
		actual: problems.length ? 'mixed' : record.formatVersion,
		message: problems.join('；') || `所有标签都属于 ${record.formatVersion} 年格式`,
		line: null,
	});
}
