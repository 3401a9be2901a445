import { describe, expect, it } from 'vitest';
import type { CellProvenance, CheckResult } from '../../../src/lib/model/record.ts';
import { checkKind, hasContradiction, kindCounts } from '../../../src/lib/site/check-kind.ts';
import { makeEntry } from './entry-factory.ts';

const check = (over: Partial<CheckResult>): CheckResult => ({
	id: 'H1',
	severity: 'error',
	status: 'fail',
	scope: 'x',
	formula: 'x',
	cells: ['table3.granted.total'],
	expected: 1,
	actual: 2,
	message: '',
	line: 3,
	...over,
});
const prov = (status: CellProvenance['status']): CellProvenance => ({
	raw: '0',
	line: 4,
	col: 1,
	status,
});

describe('checkKind', () => {
	it('passes and skips keep their own kind whatever the rule', () => {
		expect(checkKind(check({ status: 'pass' }))).toBe('pass');
		expect(checkKind(check({ id: 'S6', severity: 'warning', status: 'skip' }))).toBe('skip');
	});

	it('a failed sum rule over printed cells is a contradiction of the report', () => {
		for (const id of ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'])
			expect(checkKind(check({ id }), { 'table3.granted.total': prov('ok') })).toBe(
				'contradiction',
			);
		expect(checkKind(check({}), { 'table3.granted.total': prov('marker') })).toBe('contradiction');
	});

	it('a failed sum over an inferred or missing cell is a reading note, not the report’s fault', () => {
		expect(checkKind(check({}), { 'table3.granted.total': prov('inferred') })).toBe('reading');
		expect(checkKind(check({}), { 'table3.granted.total': prov('missing') })).toBe('reading');
	});

	it('table structure (H7) is a reading note at any severity; soft and cross-year rules are other notes', () => {
		expect(checkKind(check({ id: 'H7', severity: 'warning', cells: [] }))).toBe('reading');
		expect(checkKind(check({ id: 'H7', severity: 'error', cells: [] }))).toBe('reading');
		expect(checkKind(check({ id: 'S9', severity: 'warning' }))).toBe('editorial');
		expect(checkKind(check({ id: 'X1', severity: 'warning' }))).toBe('editorial');
	});
});

describe('kindCounts and hasContradiction', () => {
	it('a report with warnings only has no contradiction', () => {
		const entry = makeEntry();
		entry.record.checks.push(
			check({ id: 'H7', severity: 'warning', cells: [] }),
			check({ id: 'S6', severity: 'warning', cells: [] }),
			check({ status: 'pass' }),
		);
		expect(kindCounts(entry.record.checks)).toEqual({
			contradiction: 0,
			reading: 1,
			editorial: 1,
			pass: 1,
			skip: 0,
		});
		expect(hasContradiction(entry)).toBe(false);
		entry.record.checks.push(check({}));
		expect(hasContradiction(entry)).toBe(true);
	});
});
