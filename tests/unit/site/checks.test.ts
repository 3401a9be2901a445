import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/lib/model/record.ts';
import {
	checkName,
	messageAddsDetail,
	messageLang,
	resultText,
	scopeText,
} from '../../../src/lib/site/check-text.ts';
import { failuresByRule, summariseChecks } from '../../../src/lib/site/checks.ts';

const check = (over: Partial<CheckResult>): CheckResult => ({
	id: 'H1',
	severity: 'error',
	status: 'pass',
	scope: 'table3 column total',
	formula: 'newReceived + carriedOver = resultsTotal + carriedForward',
	cells: [],
	expected: 0,
	actual: 0,
	message: '',
	line: null,
	...over,
});

describe('summariseChecks', () => {
	it('counts by status and puts failures first, errors before warnings', () => {
		const s = summariseChecks([
			check({ id: 'H1', status: 'pass' }),
			check({ id: 'S9', status: 'fail', severity: 'warning' }),
			check({ id: 'H4', status: 'skip' }),
			check({ id: 'H3', status: 'fail' }),
		]);
		expect([s.pass, s.fail, s.skip]).toEqual([1, 2, 1]);
		expect(s.ordered.map((c) => c.id)).toEqual(['H3', 'S9', 'H4', 'H1']);
	});
});

describe('failuresByRule', () => {
	it('groups failures by rule, most severe first', () => {
		const groups = failuresByRule([
			check({ id: 'H7', status: 'fail', severity: 'warning', scope: 'table3.granted' }),
			check({ id: 'H7', status: 'fail', severity: 'warning', scope: 'table3.partiallyGranted' }),
			check({ id: 'H1', status: 'fail', expected: 6, actual: 4 }),
			check({ id: 'H2', status: 'pass' }),
		]);
		expect(groups.map((g) => [g.id, g.checks.length])).toEqual([
			['H1', 1],
			['H7', 2],
		]);
	});
});

describe('check text in Chinese', () => {
	it('names rules from the registry and keeps an unknown id as it is', () => {
		expect(checkName('H1')).toBe('申请数量勾稽关系');
		expect(checkName('X1')).toBe('上年结转与上年报告一致');
		expect(checkName('Z9')).toBe('Z9');
	});
	it('reads scopes as table, row or column', () => {
		expect(scopeText('table3 column naturalPerson')).toBe('表三「自然人」列');
		expect(scopeText('table3 row granted')).toBe('表三「予以公开」行');
		expect(scopeText('table4 reconsideration')).toBe('表四 行政复议');
		expect(scopeText('metadata.signatureBody')).toBe('报告信息·落款机关');
		expect(scopeText('cells')).toBe('全部数值');
	});
	it('states the result and keeps the parser message only when it adds detail', () => {
		expect(resultText(check({ status: 'fail', expected: 6, actual: 4 }))).toBe(
			'不符：应为 6，实为 4',
		);
		expect(resultText(check({ status: 'skip' }))).toMatch(/无法检查/);
		expect(messageAddsDetail(check({ status: 'fail', message: 'x' }))).toBe(false);
		expect(messageAddsDetail(check({ id: 'S9', status: 'fail', message: 'signed by …' }))).toBe(
			true,
		);
	});
	it('marks English messages for screen readers', () => {
		expect(messageLang('signed by 河曲县同县镇人民政府')).toBe('en');
		expect(messageLang('现行有效 3 < 本年制发 5')).toBeUndefined();
	});
});
