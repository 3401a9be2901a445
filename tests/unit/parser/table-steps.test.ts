/**
 * Each table step of parseReport on its own, from hand-written table text: a failure here points
 * at the step (Table 2, 3 or 4), not at section finding or metadata.
 */
import { describe, expect, it } from 'vitest';
import { splitSource } from '../../../src/lib/report/source.ts';
import { readTable2Step } from '../../../src/lib/report/table2-step.ts';
import { readTable3Step } from '../../../src/lib/report/table3-step.ts';
import { readTable4Step } from '../../../src/lib/report/table4-step.ts';
import { tokenizeRegion } from '../../../src/lib/report/tokens.ts';

const read = (lines: string[]) => {
	const src = splitSource(lines.join('\n'));
	return { src, tokens: tokenizeRegion(src, 0, src.norm.length).tokens };
};

const TABLE3_HEADER = [
	'\t\t\t申请人情况',
	'\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
	'\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
];
const TABLE3_LABELS = [
	'一、本年新收政府信息公开申请数量',
	'二、上年结转政府信息公开申请数量',
	'三、本年度办理结果\t（一）予以公开',
	'（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
	'（三）不予公开\t1.属于国家秘密',
	'2.其他法律行政法规禁止公开',
	'3.危及“三安全一稳定”',
	'4.保护第三方合法权益',
	'5.属于三类内部事务信息',
	'6.属于四类过程性信息',
	'7.属于行政执法案卷',
	'8.属于行政查询事项',
	'（四）无法提供\t1.本机关不掌握相关政府信息',
	'2.没有现成信息需要另行制作',
	'3.补正后申请内容仍不明确',
	'（五）不予处理\t1.信访举报投诉类申请',
	'2.重复申请',
	'3.要求提供公开出版物',
	'4.无正当理由大量反复申请',
	'5.要求行政机关确认或重新出具已获取信息',
	'（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
	'2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
	'3.其他',
	'（七）总计',
	'四、结转下年度继续办理',
];
/** Row i gets (i, 0, 0, 0, 0, 1, i + 1): distinct per row, H3 holds. */
const table3Lines = (rows = TABLE3_LABELS) => [
	...TABLE3_HEADER,
	...rows.map((label, i) => `${label}\t${i}\t0\t0\t0\t0\t1\t${i + 1}`),
];

describe('readTable2Step', () => {
	const lines = [
		'第二十条第（一）项',
		'信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
		'规章\t0\t0\t0',
		'行政规范性文件\t2\t1\t9',
		'第二十条第（五）项',
		'信息内容\t本年处理决定数量',
		'行政许可\t40',
		'第二十条第（六）项',
		'信息内容\t本年处理决定数量',
		'行政处罚\t7',
		'行政强制\t3',
		'第二十条第（八）项',
		'信息内容\t本年收费金额（单位：万元）',
		'行政事业性收费\t0.50',
	];

	it('reads a 2021 Table 2 with each cell pointing at its line', () => {
		const { src, tokens } = read(lines);
		const step = readTable2Step(tokens, '2021', src);
		expect(step.table.table2v2019).toBeNull();
		expect(step.table.table2).toEqual({
			regulations: { issued: 0, repealed: 0, inForce: 0 },
			normativeDocuments: { issued: 2, repealed: 1, inForce: 9 },
			licensing: { decisions: 40 },
			penalty: { decisions: 7 },
			coercion: { decisions: 3 },
			fees: { amountWan: 0.5, amountRaw: '0.50' },
		});
		expect(step.cells['table2.penalty.decisions']).toMatchObject({ raw: '7', line: 10 });
		expect(step.unassigned).toEqual([]);
		expect(step.problems).toEqual([]);
	});

	it('reports a number before any row label as unassigned to table2', () => {
		const { src, tokens } = read(['5', ...lines]);
		const step = readTable2Step(tokens, '2021', src);
		expect(step.unassigned).toEqual([
			expect.objectContaining({ raw: '5', line: 1, table: 'table2' }),
		]);
	});

	it('returns no table when no row label is found', () => {
		const { src, tokens } = read(['本年没有相关数据']);
		const step = readTable2Step(tokens, 'none', src);
		expect(step.table).toEqual({ table2: null, table2v2019: null });
		expect(step.cells).toEqual({});
	});
});

describe('readTable3Step', () => {
	it('reads 25 rows × 7 columns in the 2021 shape', () => {
		const { src, tokens } = read(table3Lines());
		const step = readTable3Step(tokens, src, 0);
		expect(step.otherCombined).toBe(false);
		expect(step.table!.granted).toEqual({
			naturalPerson: 2,
			commercialEnterprise: 0,
			researchInstitution: 0,
			publicInterestOrg: 0,
			legalServiceOrg: 0,
			otherOrg: 1,
			total: 3,
		});
		expect(step.table!.carriedForward.total).toBe(25);
		expect(step.problems).toEqual([]);
		expect(step.unassigned).toEqual([]);
	});

	it('names a row it did not find as a structure problem, and leaves its cells missing', () => {
		const rows = TABLE3_LABELS.filter((l) => !l.startsWith('2.重复申请'));
		const { src, tokens } = read(table3Lines(rows));
		const step = readTable3Step(tokens, src, 0);
		expect(step.problems.map((p) => p.scope)).toEqual(['table3.notHandledRepeat']);
		expect(step.table!.notHandledRepeat.total).toBeNull();
		expect(step.cells['table3.notHandledRepeat.total']!.status).toBe('missing');
	});

	it('records a printed label that differs from the official one', () => {
		const rows = TABLE3_LABELS.map((l) =>
			l.replace('其他法律行政法规禁止公开', '其他法律法规禁止公开'),
		);
		const { src, tokens } = read(table3Lines(rows));
		const step = readTable3Step(tokens, src, 0);
		expect(step.labelVariants).toEqual([
			{ path: 'table3.deniedLawProhibited', raw: '2.其他法律法规禁止公开', line: 9 },
		]);
	});

	it('returns no table and otherCombined null when no row label is found', () => {
		const { src, tokens } = read(TABLE3_HEADER);
		const step = readTable3Step(tokens, src, 0);
		expect(step.table).toBeNull();
		expect(step.otherCombined).toBeNull();
	});
});

describe('readTable4Step', () => {
	const header = ['行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计'];

	it('fits 15 numbers to three groups of five', () => {
		const { tokens } = read([...header, '1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t3\t0\t0\t0\t3']);
		const step = readTable4Step(tokens);
		expect(step.table).toEqual({
			reconsideration: { upheld: 1, corrected: 0, otherResult: 0, pending: 1, total: 2 },
			litigationDirect: { upheld: 0, corrected: 1, otherResult: 0, pending: 0, total: 1 },
			litigationAfterReconsideration: {
				upheld: 3,
				corrected: 0,
				otherResult: 0,
				pending: 0,
				total: 3,
			},
		});
		expect(step.cells['table4.litigationDirect.total']).toMatchObject({ line: 3, status: 'ok' });
	});

	it('a header without numbers is a table with every cell missing', () => {
		const step = readTable4Step(read(header).tokens);
		expect(step.table!.reconsideration.total).toBeNull();
		expect(Object.values(step.cells).every((c) => c.status === 'missing')).toBe(true);
	});

	it('an empty first cell marked ␀ (an empty <td>, a PDF column without a glyph) stays first', () => {
		const row = '| \u2400 | 0 | 0 | 1 | 1 | 0 | 1 | 0 | 0 | 1 | 3 | 0 | 0 | 0 | 3 |';
		const step = readTable4Step(read([...header, row]).tokens);
		expect(step.table!.reconsideration).toEqual({
			upheld: null,
			corrected: 0,
			otherResult: 0,
			pending: 1,
			total: 1,
		});
		expect(step.table!.litigationAfterReconsideration.total).toBe(3);
		expect(step.cells['table4.reconsideration.upheld']).toMatchObject({ status: 'blank' });
	});

	it('padding before the numbers (a merged header’s empty slots) is no cell', () => {
		const row = '| | 1 | 0 | 0 | 1 | 2 | 0 | 1 | 0 | 0 | 1 | 3 | 0 | 0 | 0 | 3 |';
		const step = readTable4Step(read([...header, row]).tokens);
		expect(step.table!.reconsideration.upheld).toBe(1);
		expect(step.table!.litigationAfterReconsideration.total).toBe(3);
	});

	it('no header and no numbers: no table', () => {
		expect(readTable4Step(read(['本年度没有此类案件']).tokens).table).toBeNull();
	});
});
