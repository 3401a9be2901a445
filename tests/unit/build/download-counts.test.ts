/**
 * The build's completeness check counts the national downloads while streaming them: the counts
 * must be those of a full parse (quoted line breaks, commas, quotes, braces inside strings),
 * whatever the chunking, and a truncated reports.json must not pass.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csvCounts, jsonArrayItems } from '../../../scripts/lib/download-counts.ts';
import { toCsv } from '../../../src/lib/site/csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'download-counts-'));
let n = 0;
const file = (name: string, bytes: string | Buffer) => {
	const path = join(dir, `${n++}-${name}`);
	writeFileSync(path, bytes);
	return path;
};

const tricky = fc.string({
	unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', '{', '}', '[', ']', '\\', ' '),
});

describe('csvCounts', () => {
	it('counts rows and distinct ids as a full parse would, plain or gzipped', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.constantFrom('r1', 'r2', 'r3', 'x-body-2023'), tricky), {
					maxLength: 40,
				}),
				async (rows) => {
					const text = toCsv(['reportId', 'raw'], rows);
					const ids = new Set(rows.map(([id]) => id)).size;
					for (const path of [file('c.csv', text), file('c.csv.gz', gzipSync(text))])
						expect(await csvCounts(path, 'reportId')).toEqual({ rows: rows.length, distinct: ids });
				},
			),
			{ numRuns: 60 },
		);
	});
});

describe('jsonArrayItems', () => {
	it('counts the objects of the reports array, whatever their strings hold', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({ id: tricky, nested: fc.array(fc.record({ t: tricky }), { maxLength: 3 }) }),
					{
						maxLength: 30,
					},
				),
				tricky,
				async (reports, note) => {
					const text = JSON.stringify({ licence: note, reports });
					expect(await jsonArrayItems(file('r.json.gz', gzipSync(text)))).toBe(reports.length);
				},
			),
			{ numRuns: 60 },
		);
	});

	it('returns null for a document that does not close (a truncated file)', async () => {
		const text = JSON.stringify({ note: 'x', reports: [{ id: 'a' }, { id: 'b' }] });
		for (const cut of [1, 2, 5, text.length - 1])
			expect(await jsonArrayItems(file('t.json.gz', gzipSync(text.slice(0, -cut))))).toBeNull();
		expect(await jsonArrayItems(file('empty.json.gz', gzipSync('')))).toBeNull();
	});
});
