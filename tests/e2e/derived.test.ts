/**
 * Derived metrics on the built pages: each report page shows the figures the metrics library
 * computes from its record, and year pages rank only the reports whose figure can be computed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDerived, DERIVED, formatDerived } from '../../src/lib/site/derived-metrics.ts';
import { DIST, generatedEntries, reportPath } from './harness.ts';

const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('derived metrics on the pages', () => {
	it.each(generatedEntries().map((e) => [e.id, e] as const))(
		'%s: the report page shows every derived figure of its record',
		(_id, entry) => {
			const page = text(html(reportPath(entry)));
			for (const [key, value] of Object.entries(allDerived(entry.record))) {
				expect(page).toContain(
					`${DERIVED[key as keyof typeof DERIVED].label} ${formatDerived(key as keyof typeof DERIVED, value)}`,
				);
			}
		},
	);

	it('year pages rank by 完整度 in descending order and list the rest unranked', () => {
		const byYear = Map.groupBy(generatedEntries(), (e) => e.year);
		for (const [year, entries] of byYear) {
			const page = text(html(`/years/${year}/`));
			const table = page.slice(page.indexOf('按“完整度”排名'));
			const scores = [...table.matchAll(/(\d+\.\d) 分/g)]
				.map((m) => Number(m[1]))
				.slice(0, entries.length);
			expect(scores.length).toBe(entries.length);
			expect([...scores].sort((a, b) => b - a)).toEqual(scores);
		}
	});
});
