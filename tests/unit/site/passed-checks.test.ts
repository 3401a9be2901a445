/** passedByRule: the report page's count of passes per rule, from listed checks and counted ones. */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/lib/model/record.ts';
import { passedByRule, passedTotal } from '../../../src/lib/site/passed-checks.ts';

const check = (id: string, status: CheckResult['status']): CheckResult => ({
	id,
	severity: 'error',
	status,
	scope: 'total',
	formula: 'a = b',
	cells: [],
	expected: 1,
	actual: status === 'fail' ? 2 : 1,
	message: '',
	line: null,
});

describe('passedByRule', () => {
	it('counts listed passes per rule and adds the counted ones, failures and skips left out', () => {
		const listed = [
			check('X1', 'pass'),
			check('X1', 'pass'),
			check('X2', 'fail'),
			check('H1', 'skip'),
		];
		expect(passedByRule(listed, { H1: 7, H3: 25 })).toEqual([
			{ id: 'H1', count: 7 },
			{ id: 'H3', count: 25 },
			{ id: 'X1', count: 2 },
		]);
	});

	it('adds a listed pass to the count of the same rule and orders H, S, X by number', () => {
		const rules = passedByRule([check('H10', 'pass'), check('S2', 'pass')], {
			S10: 1,
			H10: 2,
			H2: 1,
			X1: 0,
		});
		expect(rules.map((r) => r.id)).toEqual(['H2', 'H10', 'S2', 'S10']);
		expect(rules.find((r) => r.id === 'H10')!.count).toBe(3);
		expect(passedTotal(rules)).toBe(1 + 3 + 1 + 1);
	});

	it('is empty when nothing passed', () => {
		expect(passedByRule([check('H1', 'fail')])).toEqual([]);
	});
});
