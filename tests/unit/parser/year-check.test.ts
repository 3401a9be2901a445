/** year-check.ts: implausible report years (issue 13 item 9). */
import { describe, expect, it } from 'vitest';
import { implausibleYearDiagnostic, isPlausibleYear } from '../../../src/lib/report/year-check.ts';

describe('isPlausibleYear', () => {
	it.each([
		[2007, false],
		[2008, true],
		[2026, true],
		[2027, false],
		[1900, false],
	])('%i with build year 2026 → %s', (year, ok) => expect(isPlausibleYear(year, 2026)).toBe(ok));
});

describe('implausibleYearDiagnostic', () => {
	it('points at the line printing the year and says how to confirm it', () => {
		const d = implausibleYearDiagnostic(1900, 2026, 'a/1900.txt', [
			'标题',
			'某镇1900年政府信息公开',
		]);
		expect(d).toMatchObject({ line: 2, col: 3, ruleId: 'year-implausible', severity: 'error' });
		expect(d!.message).toContain('早于 2008 年');
		expect(d!.message).toContain('{"file": "a/1900.txt", "code": "<9 位代码>", "year": 1900}');
	});

	it('names the build year for a year after it, and is null for a plausible or missing year', () => {
		expect(implausibleYearDiagnostic(2099, 2026, 'x.txt', [])!.message).toContain(
			'晚于构建年份 2026',
		);
		expect(implausibleYearDiagnostic(2023, 2026, 'x.txt', [])).toBeNull();
		expect(implausibleYearDiagnostic(null, 2026, 'x.txt', [])).toBeNull();
	});
});
