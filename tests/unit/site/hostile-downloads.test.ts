/**
 * The downloads keep hostile report text as data: the hostile fixture (tests/fixtures/hostile/,
 * also built into a site by tests/e2e/hostile.test.ts) goes through the real parser and ingest,
 * and every CSV and JSON file gives its text back exactly: no field split, merged or altered
 * (in CSV, a text that a spreadsheet would run as a formula comes back behind one apostrophe:
 * tests/unit/site/csv-formula.test.ts).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import {
	reportEntrySchema,
	type ReportDetail,
	type ReportEntry,
} from '../../../src/lib/model/entry.ts';
import { recordJson } from '../../../src/lib/site/report-details.ts';
import { silentProgress } from '../../../src/lib/ingest/progress.ts';
import { runIngest } from '../../../src/lib/ingest/run-ingest.ts';
import { decodeReport, parseReport } from '../../../src/lib/report/index.ts';
import { formulaSafe } from '../../../src/lib/site/csv.ts';
import {
	CELL_CSV_COLUMNS,
	CHECK_CSV_COLUMNS,
	cellsCsv,
	checksCsv,
	openDataReports,
	REPORT_COLUMNS,
	reportsCsv,
	reportsJson,
} from '../../../src/lib/site/open-data.ts';

/** RFC 4180, as the downloads are written: BOM, CRLF records, "" inside quoted fields, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
	expect(text.startsWith('\uFEFF')).toBe(true);
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 1; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === ',') (row.push(field), (field = ''));
		else if (c === '\r' && text[i + 1] === '\n')
			(row.push(field), rows.push(row), (row = []), (field = ''), i++);
		else {
			// A bare quote, CR or LF outside quotes would mean a field was not quoted when it had to be.
			expect(c, `unquoted ${JSON.stringify(c)} at ${i}`).not.toMatch(/["\r\n]/);
			field += c;
		}
	}
	expect(quoted, 'unterminated quoted field').toBe(false);
	if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
	return rows;
}

/** Header → value, checking that the row has exactly the header's fields. */
function records(text: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text);
	for (const row of rows) expect(row).toHaveLength(header!.length);
	return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

/** Every text trap at once: markup, quotes, commas, both line ends, a formula-like start, entities, MDX. */
const FIELD =
	'=HYPERLINK("javascript:alert(1)","点"),<script>alert(1)</script>\r\n第二行\n"引号" &amp; &lt;b&gt; {alert(1)} {/* */}\n---';
/** Only a bare line feed: nothing else in it would make a CSV writer quote it. */
const BARE_LF = '第一行\n<img src=x onerror=alert(1)>';

let entry: ReportEntry;
let detail: ReportDetail;
beforeAll(() => {
	const root = mkdtempSync(join(tmpdir(), 'hostile-downloads-'));
	cpSync('tests/fixtures/hostile/content', join(root, 'content'), { recursive: true });
	const { entries, details } = runIngest(
		{ parseReport, decodeReport },
		{ rootDir: root, divisions: loadDivisions(), progress: silentProgress },
	);
	expect(entries).toHaveLength(1);
	detail = details[0]!;
	// The fixture's own text, plus FIELD and BARE_LF in cells' raw text and in check messages, the CSV
	// fields most exposed.
	const hostile = structuredClone(entries[0]!);
	const cell = (path: string, raw: string) =>
		(hostile.record.cells[path] = { ...hostile.record.cells[path]!, raw });
	cell('table3.granted.total', FIELD);
	cell('table3.granted.naturalPerson', BARE_LF);
	hostile.record.checks.push(
		{ ...detail.checks[0]!, message: FIELD },
		{ ...detail.checks[0]!, message: BARE_LF },
	);
	entry = reportEntrySchema.parse(hostile);
});

describe('downloads of a hostile report', () => {
	it('the fixture really is hostile: markup in the title, sections and a table label, and a 20,000-character line', () => {
		expect(entry.record.metadata.title).toMatch(/<script/);
		expect(entry.record.sections.overview.text).toContain('<img src=x onerror=alert(1)>');
		expect(detail.sourceText).toContain('| 行政处罚<img src=x onerror="window.__pwned=true"> |');
		expect(Math.max(...detail.sourceText.split('\n').map((l) => l.length))).toBeGreaterThanOrEqual(
			20_000,
		);
	});

	it('reports.csv: one row, the hostile title exactly', () => {
		const rows = records(reportsCsv(openDataReports([entry])));
		expect(rows).toHaveLength(1);
		expect(Object.keys(rows[0]!)).toEqual(REPORT_COLUMNS.map((c) => c.key));
		expect(rows[0]!['metadata.title']).toBe(entry.record.metadata.title);
		expect(rows[0]!['id']).toBe(entry.id);
	});

	it('cells.csv and checks.csv: every field comes back as written', () => {
		const cells = records(cellsCsv([entry]));
		expect(cells.find((r) => r['path'] === 'table3.granted.total')!['raw']).toBe(`'${FIELD}`);
		expect(cells.find((r) => r['path'] === 'table3.granted.naturalPerson')!['raw']).toBe(BARE_LF);
		const checks = records(checksCsv([entry]));
		expect(Object.keys(checks[0]!)).toEqual(CHECK_CSV_COLUMNS.map((c) => c.key));
		expect(checks.map((r) => r['message'])).toEqual(
			[...entry.record.checks, ...entry.crossYearChecks].map((c) => formulaSafe(c.message)),
		);
	});

	it('reports.json and record.json.gz: the record comes back deep-equal, text and all', () => {
		const all = JSON.parse(reportsJson(openDataReports([entry]))) as {
			reports: (ReportEntry & { url: string })[];
		};
		expect(all.reports[0]!.record).toEqual(entry.record);
		// record.json.gz holds the entry with its source text (written by src/lib/site/write-downloads.ts).
		const { sourceText, ...record } = JSON.parse(recordJson(entry, detail)) as ReportEntry &
			Pick<ReportDetail, 'sourceText'>;
		expect(record).toEqual(entry);
		expect(sourceText).toBe(detail.sourceText);
	});
});
