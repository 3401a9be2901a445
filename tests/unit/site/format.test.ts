import { describe, expect, it } from 'vitest';
import {
	formatAmountWan,
	formatCount,
	formatDate,
	NOT_REPORTED,
	yearOnYear,
} from '../../../src/lib/site/format.ts';

describe('formatCount', () => {
	it('shows null as 未填报, never as 0', () => {
		expect(formatCount(null)).toBe(NOT_REPORTED);
		expect(formatCount(0)).toBe('0');
	});
	it('groups thousands', () => {
		expect(formatCount(12345)).toBe('12,345');
	});
});

describe('formatAmountWan', () => {
	it('keeps the printed trailing zeros when they denote the same amount', () => {
		expect(formatAmountWan(0, '0.0000')).toBe('0.0000');
		expect(formatAmountWan(1.5, '1.50')).toBe('1.50');
	});
	it('falls back to the number when the printed text differs', () => {
		expect(formatAmountWan(1.5, '1.5万元')).toBe('1.5');
		expect(formatAmountWan(null, null)).toBe(NOT_REPORTED);
	});
});

describe('yearOnYear', () => {
	it('says first year when there is no previous report', () => {
		expect(yearOnYear(undefined, 5)).toEqual({ kind: 'first', delta: null, text: '首个年度' });
	});
	it('refuses to compare when either side is not reported', () => {
		expect(yearOnYear(null, 5).kind).toBe('unknown');
		expect(yearOnYear(5, null).kind).toBe('unknown');
	});
	it('signs increases and decreases', () => {
		expect(yearOnYear(3, 5)).toMatchObject({ kind: 'up', delta: 2, text: '+2' });
		expect(yearOnYear(5, 3)).toMatchObject({ kind: 'down', delta: -2, text: '−2' });
		expect(yearOnYear(4, 4)).toMatchObject({ kind: 'same', text: '持平' });
	});
});

describe('formatDate', () => {
	it('writes ISO dates the Chinese way', () => {
		expect(formatDate('2024-01-17')).toBe('2024年1月17日');
		expect(formatDate(null)).toBeNull();
		expect(formatDate('2024年初')).toBe('2024年初');
	});
});
