/**
 * Astro only warns when a collection is empty or an entry is skipped, so the build can
 * "succeed" with pages missing. Every ingested report must have its page, its downloads and
 * its township page, and the search index must include it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, generatedEntries, reportPath, townshipPath } from './harness.ts';

describe('the build holds every ingested report', () => {
	const entries = generatedEntries();
	const summary = JSON.parse(readFileSync('content/generated/ingest-summary.json', 'utf8')) as {
		counts: { written: number };
	};

	it('has an entry for every report the ingest says it wrote, and at least the five bundled ones', () => {
		expect(entries.length).toBe(summary.counts.written);
		expect(entries.length).toBeGreaterThanOrEqual(5);
	});

	it.each(generatedEntries().map((e) => [e.id, e] as const))(
		'%s has a report page, its JSON download and a township page',
		(_id, entry) => {
			for (const file of ['index.html', 'record.json.gz'])
				expect(existsSync(join(DIST, reportPath(entry), file)), file).toBe(true);
			expect(existsSync(join(DIST, townshipPath(entry), 'index.html'))).toBe(true);
			const html = readFileSync(join(DIST, reportPath(entry), 'index.html'), 'utf8');
			expect(html).toContain('data-pagefind-body');
		},
	);
});
