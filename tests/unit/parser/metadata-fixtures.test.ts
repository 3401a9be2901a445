/**
 * The structure and metadata fixtures (issue 9 §2 items 3, 6, 9–14; issue 13 item 9): each
 * hand-written text must parse to the metadata, section headings, table rows and diagnostics its
 * truth file states, or be refused when it is not a report. Truths are what the texts were
 * written to say (tables copied from a layout fixture keep that fixture's truth), never parser
 * output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportRejection } from '../../../src/lib/report/index.ts';
import type { ReportRecord } from '../../../src/lib/model/record.ts';
import type { FixtureTruth } from '../../support/layout-fixtures.ts';
import {
	METADATA_FIXTURE_DIR,
	loadStructureTruths,
	metadataFields,
	scoreMetadata,
} from '../../support/metadata-fixtures.ts';

const truths = loadStructureTruths();
const file = (name: string) => `tests/fixtures/metadata/${name}`;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(METADATA_FIXTURE_DIR, name)));

it('has fixtures for every item, each in at least two variants', () => {
	const counts = new Map<string, number>();
	for (const t of truths) for (const c of t.covers) counts.set(c, (counts.get(c) ?? 0) + 1);
	for (const item of [3, 6, 9, 10, 11, 12, 13, 14].map((n) => `issue 9 §2.${n}`))
		expect(counts.get(item) ?? 0, item).toBeGreaterThanOrEqual(2);
	expect(counts.get('issue 13 item 9') ?? 0).toBeGreaterThanOrEqual(2);
});

it('gets every metadata field of every fixture right', () => {
	const wrong = scoreMetadata((bytes, name) => parseReport(bytes, { file: name }))
		.filter((s) => !s.right)
		.map(
			(s) =>
				`${s.fixture} ${s.field}: want ${JSON.stringify(s.want)}, got ${JSON.stringify(s.got)}`,
		);
	expect(wrong).toEqual([]);
});

describe.each(truths.filter((t) => t.rejected))('$fixture', (truth) => {
	it('is refused as not a report', () => {
		expect(() => parseReport(bytesOf(truth.fixture), { file: file(truth.fixture) })).toThrow(
			ReportRejection,
		);
	});
});

describe.each(truths.filter((t) => !t.rejected))('$fixture', (truth) => {
	let record: ReportRecord | undefined;
	const parsed = () =>
		(record ??= parseReport(bytesOf(truth.fixture), { file: file(truth.fixture) }));
	const layout = truth.tablesFrom
		? (JSON.parse(
				readFileSync(join(METADATA_FIXTURE_DIR, truth.tablesFrom), 'utf8'),
			) as FixtureTruth)
		: null;

	it('is read as a report', () => {
		expect(parsed().schemaVersion).toBe('1');
	});

	it('has the metadata it was written with', () => {
		expect(metadataFields(parsed().metadata)).toEqual(metadataFields(truth.metadata));
	});

	if (truth.sections)
		it('finds the section headings where they were written', () => {
			const lines = Object.fromEntries(
				Object.keys(truth.sections!).map((k) => [
					k,
					parsed().sections[k as keyof ReportRecord['sections']].line,
				]),
			);
			expect(lines).toEqual(truth.sections);
		});

	if (layout && !truth.onlyRows)
		it('reads the tables it copies exactly', () => {
			const r = parsed();
			expect({ table2: r.table2, table3: r.table3, table4: r.table4 }).toEqual({
				table2: layout.table2,
				table3: layout.table3,
				table4: layout.table4,
			});
		});

	if (layout && truth.onlyRows)
		it.each(truth.onlyRows)('reads %s exactly', (path) => {
			const [table, row] = path.split('.') as ['table3' | 'table4', string | undefined];
			const got = parsed()[table] as Record<string, unknown> | null;
			const want = layout[table] as unknown as Record<string, unknown>;
			expect(row ? got?.[row] : got).toEqual(row ? want[row] : want);
		});

	if (layout && truth.onlyRows?.some((p) => p.startsWith('table3.')))
		it('invents no Table 3 row the excerpt does not print', () => {
			const table3 = (parsed().table3 ?? {}) as unknown as Record<string, Record<string, unknown>>;
			const printed = Object.entries(table3)
				.filter(([row]) => !truth.onlyRows!.includes(`table3.${row}`))
				.filter(([, cells]) => Object.values(cells).some((v) => v !== null))
				.map(([row]) => row);
			expect(printed).toEqual([]);
		});

	if (truth.diagnostics)
		it.each(truth.diagnostics)('reports %s', (ruleId) => {
			expect(parsed().diagnostics.map((d) => d.ruleId)).toContain(ruleId);
		});

	if (truth.sectionTextExcludes)
		it('keeps page chrome out of the sections', () => {
			const text = Object.values(parsed().sections)
				.map((s) => s.text)
				.join('\n');
			for (const chrome of truth.sectionTextExcludes!) expect(text).not.toContain(chrome);
		});
});
