/**
 * Derived metrics on the built pages: each report page shows the figures the metrics library
 * computes from its record, year pages rank only the reports whose figure can be computed, and
 * county year pages list each report's 完整度.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDerived, DERIVED, formatDerived } from '../../src/lib/site/derived-metrics.ts';
import { MIN_RANKABLE } from '../../src/lib/site/ranking.ts';
import { DIST, generatedEntries, reportPath } from './harness.ts';

const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('derived metrics on the pages', () => {
	it.each(generatedEntries().map((e) => [e.id, e] as const))(
		'%s: the report page shows every derived figure of its record',
		(_id, entry) => {
			const raw = html(reportPath(entry));
			const page = text(raw);
			// Figures that cannot be computed are named in one line per reason instead of a row each.
			const collapsed = [
				...raw.matchAll(/<p class="derived-collapsed"[^>]*data-keys="([^"]*)"[^>]*>([^<]*)</g),
			];
			for (const [key, value] of Object.entries(allDerived(entry.record, entry.passedChecks))) {
				const k = key as keyof typeof DERIVED;
				if (value.status === 'ok') {
					expect(page).toContain(`${DERIVED[k].label} ${formatDerived(k, value)}`);
					continue;
				}
				const line = collapsed.find((m) => m[1]!.split(' ').includes(key));
				expect(line, key).toBeDefined();
				expect(line![2]).toContain(DERIVED[k].label);
				expect(page).not.toContain(`${DERIVED[k].label} ${formatDerived(k, value)}`);
			}
		},
	);

	it('county year pages list 完整度 for every report of the county and year, as a quality figure without ranks', () => {
		const byCountyYear = Map.groupBy(
			generatedEntries().filter((e) => e.township.county),
			(e) => `${e.year}/${e.township.county!.code}`,
		);
		for (const [path, entries] of byCountyYear) {
			const raw = html(`/years/${path}/`);
			expect(raw).not.toContain('按“完整度”排名');
			const table = text(raw.slice(raw.indexOf('data-completeness')));
			const scores = [...table.matchAll(/(\d+\.\d) 分/g)].map((m) => m[1]);
			expect(scores.slice(0, entries.length).sort()).toEqual(
				entries
					.map((e) =>
						formatDerived('completeness', allDerived(e.record).completeness).replace(' 分', ''),
					)
					.sort(),
			);
		}
	});

	it('year pages rank 实质公开率 only with enough computable reports, and otherwise say why', () => {
		const byYear = Map.groupBy(generatedEntries(), (e) => e.year);
		for (const [year, entries] of byYear) {
			const raw = html(`/years/${year}/`);
			const computable = entries.filter((e) => allDerived(e.record).disclosureRate.status === 'ok');
			if (computable.length < MIN_RANKABLE) {
				expect(raw).not.toContain('按“实质公开率”排名');
				expect(text(raw)).toContain(`能计算实质公开率的有 ${computable.length} 份`);
			} else expect(raw).toContain(`${year} 年按“实质公开率”排名`);
		}
	});
});
