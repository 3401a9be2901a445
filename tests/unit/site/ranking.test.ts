import { describe, expect, it } from 'vitest';
import { leagues, MIN_RANKABLE } from '../../../src/lib/site/ranking.ts';
import { makeEntry } from './entry-factory.ts';

/** A report whose 实质公开率 is granted / results, with results ≥ 10 so it can be computed. */
const rated = (code: string, year: number, granted: number, results = 20) =>
	makeEntry({
		code,
		year,
		set: { 'table3.granted.total': granted, 'table3.resultsTotal.total': results },
	});

describe('leagues', () => {
	it('ranks one year only when enough reports can be computed, highest first', () => {
		const reports = Array.from({ length: MIN_RANKABLE }, (_, i) =>
			rated(`61088110${i}`, 2023, i * 2),
		);
		const [league] = leagues('disclosureRate', reports);
		expect(league!.instead).toBeNull();
		expect(league!.ranked.map((r) => r.entry.township.code)).toEqual(
			[...reports].reverse().map((r) => r.township.code),
		);
	});

	it('never mixes years, and says why a year is not ranked', () => {
		const reports = [
			...Array.from({ length: MIN_RANKABLE }, (_, i) => rated(`61088110${i}`, 2023, i)),
			rated('610881102', 2022, 3),
			rated('610881103', 2022, 1, 4),
			makeEntry({ code: '610881104', year: 2022 }),
		];
		const [y2023, y2022] = leagues('disclosureRate', reports);
		expect(y2023!.year).toBe(2023);
		expect(y2023!.ranked.every((r) => r.entry.year === 2023)).toBe(true);
		expect(y2022!.ranked).toEqual([]);
		expect(y2022!.instead).toBe(
			`2022 年的 3 份报告中，能计算实质公开率的有 1 份；1 份样本不足（分母小于 10）；1 份无法计算（分母为 0 或有数未填报）。少于 ${MIN_RANKABLE} 份，不排名。`,
		);
	});
});
