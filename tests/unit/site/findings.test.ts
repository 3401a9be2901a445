import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/lib/model/record.ts';
import {
	applicationsFinding,
	checksFinding,
	decisionsFinding,
	findingText,
	reportFindings,
	reviewsFinding,
} from '../../../src/lib/site/findings.ts';
import { cellAnchor } from '../../../src/lib/site/cell-anchor.ts';
import { makeEntry } from './entry-factory.ts';
import { figuresOf, sumOfCells } from './findings-helpers.ts';

const check = (over: Partial<CheckResult>): CheckResult => ({
	id: 'H1',
	severity: 'error',
	status: 'fail',
	scope: 'x',
	formula: 'x',
	cells: [],
	expected: 1,
	actual: 2,
	message: '',
	line: 3,
	...over,
});

describe('applicationsFinding', () => {
	it('says there was nothing to handle when received, carried over and results are all 0', () => {
		const text = findingText(applicationsFinding(makeEntry({ year: 2023 }), ''));
		expect(text).toBe('2023 年新收政府信息公开申请 0 件，上年结转 0 件，本年没有需要办理的申请。');
	});

	it('lists only the outcomes that are not 0, each figure the sum of its cells', () => {
		const entry = makeEntry({
			set: {
				'table3.newReceived.total': 12,
				'table3.carriedOver.total': 1,
				'table3.granted.total': 7,
				'table3.deniedThirdParty.total': 2,
				'table3.deniedProcessInfo.total': 1,
				'table3.resultsTotal.total': 10,
				'table3.carriedForward.total': 3,
			},
		});
		const finding = applicationsFinding(entry, '');
		const text = findingText(finding);
		expect(text).toContain('新收政府信息公开申请 12 件，上年结转 1 件');
		expect(text).toContain('办理结果合计 10 件，其中予以公开 7 件和不予公开 3 件');
		expect(text).toContain('结转下年度继续办理 3 件');
		expect(text).not.toContain('部分公开');
		for (const f of figuresOf([finding])) expect(sumOfCells(f, [entry])).toBe(f.value);
		const denied = figuresOf([finding]).find((f) => f.value === 3 && f.cells.length > 1)!;
		expect(denied.cells).toHaveLength(8);
		expect(denied.href).toBe(`#${cellAnchor('table3.deniedStateSecret.total')}`);
	});

	it('reads an unknown cell as 未填报, never as 0', () => {
		const entry = makeEntry({ set: { 'table3.newReceived.total': null } });
		const finding = applicationsFinding(entry, '');
		expect(findingText(finding)).toContain('新收政府信息公开申请 未填报，');
		expect(figuresOf([finding])[0]!.value).toBeNull();
	});

	it('says when Table 3 is missing', () => {
		const entry = makeEntry({ set: { table3: null } });
		expect(findingText(applicationsFinding(entry, ''))).toContain('未找到表三');
	});
});

describe('decisionsFinding and reviewsFinding', () => {
	it('quotes Table 2 decisions linked to their cells on the report page', () => {
		const entry = makeEntry({
			set: { 'table2.penalty.decisions': 16, 'table2.coercion.decisions': 1 },
		});
		const finding = decisionsFinding(entry, '/townships/610881102/2023/');
		expect(findingText(finding)).toBe(
			'2023 年作出行政许可决定 0 件、行政处罚决定 16 件、行政强制决定 1 件。',
		);
		const penalty = figuresOf([finding])[1]!;
		expect(penalty.href).toBe(
			`/townships/610881102/2023/#${cellAnchor('table2.penalty.decisions')}`,
		);
		expect(penalty.cells).toEqual([{ report: entry.id, path: 'table2.penalty.decisions' }]);
	});

	it('says no review or lawsuit when Table 4 totals are 0, and the corrected count when there are some', () => {
		expect(findingText(reviewsFinding(makeEntry(), ''))).toContain(
			'未因政府信息公开被申请行政复议或提起行政诉讼',
		);
		const entry = makeEntry({
			set: {
				'table4.reconsideration.total': 2,
				'table4.reconsideration.corrected': 1,
				'table4.litigationDirect.total': 1,
			},
		});
		const finding = reviewsFinding(entry, '');
		expect(findingText(finding)).toBe(
			'2023 年因政府信息公开被申请行政复议 2 件，被提起行政诉讼 1 件，其中结果被纠正 1 件。',
		);
		for (const f of figuresOf([finding])) expect(sumOfCells(f, [entry])).toBe(f.value);
	});
});

describe('checksFinding', () => {
	it('calls only a failed number rule on printed cells 不一致; warnings are named as notes', () => {
		const warnings = makeEntry();
		warnings.record.checks.push(
			check({ id: 'H7', severity: 'warning' }),
			check({ id: 'S6', severity: 'warning' }),
		);
		const text = findingText(checksFinding(warnings, ''));
		expect(text).toContain('没有发现不一致');
		expect(text).toContain('识别提示 1 条');
		expect(text).toContain('其他提示 1 条');

		const contradicting = makeEntry();
		contradicting.record.checks.push(check({ cells: ['table3.granted.total'] }));
		expect(findingText(checksFinding(contradicting, ''))).toContain('1 处数字不一致');
	});
});

describe('reportFindings', () => {
	it('gives four sentences whose every figure adds up from the record', () => {
		const entry = makeEntry({ set: { 'table3.newReceived.total': 4, 'table3.granted.total': 4 } });
		const findings = reportFindings(entry);
		expect(findings).toHaveLength(4);
		for (const f of figuresOf(findings)) expect(sumOfCells(f, [entry])).toBe(f.value);
	});
});
