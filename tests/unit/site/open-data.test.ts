/**
 * The open-data downloads against the parser: the five seed reports are ingested as the build
 * does, written with the functions the /data/ endpoints use, read back with an independent
 * CSV reader, and compared cell for cell with parseReport on the original files.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import type { ReportEntry } from '../../../src/lib/model/entry.ts';
import { silentProgress } from '../../../src/lib/ingest/progress.ts';
import { runIngest } from '../../../src/lib/ingest/run-ingest.ts';
import {
	decodeReport,
	parseReport,
	reportRecordSchema,
	type ReportRecord,
} from '../../../src/lib/report/index.ts';
import type { CheckResult } from '../../../src/lib/model/record.ts';
import { CELL_PATHS } from '../../../src/lib/model/cells.ts';
import { leafAt as valueAt, numericLeaves } from '../../support/record-leaves.ts';
import { dataDictionary } from '../../../src/lib/site/data-dictionary.ts';
import { groupReportsDictionary, groupedKeys } from '../../../src/lib/site/dictionary-groups.ts';
import { TABLE3_COLUMNS, TABLE3_ROWS } from '../../../src/lib/model/vocabulary.ts';
import {
	cellsCsv,
	checksCsv,
	KEY_FIGURE_COLUMNS,
	openDataReports,
	recordJsonSchema,
	REPORT_COLUMNS,
	reportsCsv,
	reportsJson,
	toCsv,
} from '../../../src/lib/site/open-data.ts';
import { readCsv, readCsvObjects } from '../../support/read-csv.ts';

const repoContent = fileURLToPath(new URL('../../../content/', import.meta.url));
const SEEDS = [
	'000_6f2e2ab07841e359',
	'001_b878a3b9c19ecb27',
	'002_ccc6fd39e1392b13',
	'003_9745357b52893146',
	'004_8f2481f9843f518e',
];

let entries: ReportEntry[];
/** Each entry's every check, from its detail file. */
const allChecks = new Map<string, CheckResult[]>();
const parsed = new Map<string, ReportRecord>();

beforeAll(() => {
	const root = mkdtempSync(join(tmpdir(), 'open-data-'));
	cpSync(join(repoContent, 'reports'), join(root, 'content/reports'), { recursive: true });
	cpSync(
		join(repoContent, 'townships.overrides.json'),
		join(root, 'content/townships.overrides.json'),
	);
	const ingested = runIngest(
		{ parseReport, decodeReport },
		{ rootDir: root, divisions: loadDivisions(), progress: silentProgress },
	);
	entries = ingested.entries;
	for (const d of ingested.details) allChecks.set(d.id, d.checks);
	for (const seed of SEEDS) {
		const file = `content/reports/${seed}.txt`;
		parsed.set(
			file,
			parseReport(readFileSync(join(repoContent, 'reports', `${seed}.txt`)), { file }),
		);
	}
});

/** The CSV form of a value: empty for null, the number's own digits otherwise. */
const csvForm = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('reports.csv', () => {
	it('has one row per report, in RFC 4180 with a BOM and CRLF line ends', () => {
		const csv = reportsCsv(openDataReports(entries));
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(readCsvObjects(csv)).toHaveLength(SEEDS.length);
	});

	it('holds every table cell of each seed exactly as parseReport reads it', () => {
		const rows = readCsvObjects(reportsCsv(openDataReports(entries)));
		for (const [file, record] of parsed) {
			const row = rows.find((r) => r.sourceFile === file);
			expect(row, file).toBeDefined();
			for (const path of CELL_PATHS) {
				expect(row![path], `${file} ${path}`).toBe(csvForm(valueAt(record, path)));
			}
			// No numeric cell of the record is without a column.
			for (const { path } of numericLeaves(record)) expect(Object.keys(row!), path).toContain(path);
		}
	});

	it('carries the metadata and section flags as parsed', () => {
		const rows = readCsvObjects(reportsCsv(openDataReports(entries)));
		for (const [file, record] of parsed) {
			const row = rows.find((r) => r.sourceFile === file)!;
			expect(row['metadata.title']).toBe(csvForm(record.metadata.title));
			expect(row['metadata.publicationDate']).toBe(csvForm(record.metadata.publicationDate));
			expect(row['formatVersion']).toBe(record.formatVersion);
			expect(row['sections.otherMatters.present']).toBe(
				String(record.sections.otherMatters.present),
			);
			expect(Number(row['checks.failed'])).toBe(
				record.checks.filter((c) => c.status === 'fail').length,
			);
		}
	});

	it('spot check: seed 002 prints 行政处罚 16 and 行政强制 1, and 000 has 8 normative documents in force', () => {
		const rows = readCsvObjects(reportsCsv(openDataReports(entries)));
		const seed002 = rows.find((r) => r.sourceFile?.includes('002_'))!;
		expect(seed002['table2.penalty.decisions']).toBe('16');
		expect(seed002['table2.coercion.decisions']).toBe('1');
		expect(
			rows.find((r) => r.sourceFile?.includes('000_'))!['table2.normativeDocuments.inForce'],
		).toBe('8');
	});
});

describe('cells.csv', () => {
	it('lists every cell of each seed with its value, raw text, status and line', () => {
		const rows = readCsvObjects(cellsCsv(entries));
		for (const [file, record] of parsed) {
			const id = entries.find((e) => e.sourceFile === file)!.id;
			const mine = new Map(rows.filter((r) => r.reportId === id).map((r) => [r.path, r]));
			expect(mine.size, file).toBeGreaterThanOrEqual(Object.keys(record.cells).length);
			for (const [path, prov] of Object.entries(record.cells)) {
				const row = mine.get(path);
				expect(row, `${file} ${path}`).toBeDefined();
				expect(row!.value, `${file} ${path}`).toBe(csvForm(valueAt(record, path)));
				expect(row!.raw, `${file} ${path}`).toBe(prov.raw ?? '');
				expect(row!.status).toBe(prov.status);
				expect(row!.line).toBe(csvForm(prov.line));
			}
			for (const { path } of numericLeaves(record)) expect(mine.has(path), path).toBe(true);
		}
	});

	it('keeps raw text with padding and quotes intact through quoting', () => {
		const rows = readCsvObjects(cellsCsv(entries));
		const padded = rows.find((r) => r.path === 'table2.penalty.decisions' && r.value === '16');
		expect(padded?.raw).toBe(' 16 ');
	});
});

describe('checks.csv', () => {
	it('has one row per check of each seed, in order', () => {
		const rows = readCsvObjects(checksCsv(entries, (e) => allChecks.get(e.id)!));
		for (const [file, record] of parsed) {
			const id = entries.find((e) => e.sourceFile === file)!.id;
			const mine = rows.filter((r) => r.reportId === id && r.kind === 'report');
			expect(mine.map((r) => [r.id, r.status, r.scope])).toEqual(
				record.checks.map((c) => [c.id, c.status, c.scope]),
			);
		}
	});

	it('says in Chinese what each check is: name, scope name, formula and message carry no English word', () => {
		const rows = readCsvObjects(checksCsv(entries, (e) => allChecks.get(e.id)!));
		expect(rows.length).toBeGreaterThan(0);
		// Rule ids (H3) and cell paths (table3.granted.total) are keys, not words.
		const words = (text: string) =>
			text.replace(/\btable\w+(?:\.\w+)*/g, '').replace(/\b[HSX]\d+\b/g, '');
		for (const r of rows)
			for (const column of ['name', 'scopeName', 'formula', 'message'])
				expect(words(r[column]!), `${r.reportId} ${r.id} ${column}`).not.toMatch(/[A-Za-z]{2,}/);
	});
});

describe('reports.json', () => {
	it('holds each seed’s record exactly as parseReport returns it', () => {
		const json = JSON.parse(reportsJson(openDataReports(entries))) as {
			reports: {
				sourceFile: string;
				record: unknown;
				passedChecks: Record<string, number>;
				sourceText?: unknown;
			}[];
		};
		expect(json.reports).toHaveLength(SEEDS.length);
		for (const [file, record] of parsed) {
			const report = json.reports.find((r) => r.sourceFile === file)!;
			// Passed checks are counted in passedChecks, not listed (deliberate: they were half the entry).
			expect(report.record).toEqual({
				...record,
				checks: record.checks.filter((c) => c.status !== 'pass'),
			});
			const passed = record.checks.filter((c) => c.status === 'pass');
			expect(Object.values(report.passedChecks).reduce((a, b) => a + b, 0)).toBe(passed.length);
			expect(report.sourceText).toBeUndefined();
		}
	});

	it('agrees with reports.csv on every cell and every derived figure', () => {
		const reports = openDataReports(entries);
		const json = JSON.parse(reportsJson(reports)) as {
			reports: {
				id: string;
				record: ReportRecord;
				derived: Record<string, Record<string, unknown>>;
			}[];
		};
		const rows = readCsvObjects(reportsCsv(reports));
		for (const report of json.reports) {
			const row = rows.find((r) => r.id === report.id)!;
			for (const path of CELL_PATHS)
				expect(row[path], path).toBe(csvForm(valueAt(report.record, path)));
			for (const [key, value] of Object.entries(report.derived)) {
				for (const part of ['value', 'numerator', 'denominator', 'status']) {
					expect(row[`derived.${key}.${part}`], `${key}.${part}`).toBe(csvForm(value[part]));
				}
			}
		}
	});
});

describe('schema.json', () => {
	it('is a JSON Schema that, read back, accepts every seed record and rejects a broken one', () => {
		const schema = recordJsonSchema();
		expect(schema.$schema).toMatch(/json-schema/);
		const fromJson = z.fromJSONSchema(JSON.parse(JSON.stringify(schema)));
		for (const [file, record] of parsed)
			expect(fromJson.safeParse(record).success, file).toBe(true);
		const broken = structuredClone(parsed.values().next().value!) as unknown as {
			table3: { granted: { total: unknown } };
		};
		broken.table3.granted.total = '三';
		expect(fromJson.safeParse(broken).success).toBe(false);
		expect(reportRecordSchema.safeParse(broken).success).toBe(false);
	});
});

describe('toCsv', () => {
	it('quotes commas, quotes and line breaks, and writes false as false, null as empty', () => {
		const csv = toCsv(
			['a', 'b', 'c', 'd'],
			[
				['x,y', 'say "hi"', false, null],
				['多行\n文本', 0, true, ''],
			],
		);
		expect(readCsv(csv)).toEqual([
			['a', 'b', 'c', 'd'],
			['x,y', 'say "hi"', 'false', ''],
			['多行\n文本', '0', 'true', ''],
		]);
	});
});

describe('data dictionary', () => {
	it('documents every column of reports.csv, with a type for each', () => {
		const reportsSection = dataDictionary().find((s) => s.file === 'reports.csv')!;
		expect(reportsSection.rows.map((r) => r.key)).toEqual(REPORT_COLUMNS.map((c) => c.key));
		for (const row of reportsSection.rows) expect(row.type, row.key).not.toBe('');
	});
	it('groups reports.csv by table without losing or inventing a column', () => {
		const rows = dataDictionary().find((s) => s.file === 'reports.csv')!.rows;
		const grouped = groupReportsDictionary(rows);
		const keys = groupedKeys(grouped);
		expect([...keys].sort()).toEqual(REPORT_COLUMNS.map((c) => c.key).sort());
		expect(keys).toHaveLength(REPORT_COLUMNS.length);
		const table3 = grouped.tables.find((t) => t.table === 'table3')!;
		expect(table3.rows.map((r) => r.row)).toEqual([...TABLE3_ROWS]);
		expect(table3.columns.map((c) => c.key)).toEqual([...TABLE3_COLUMNS]);
		for (const r of table3.rows) expect(r.columns, r.row).toEqual([...TABLE3_COLUMNS]);
		expect(grouped.tables.map((t) => t.table)).toEqual([
			'table2',
			'table2v2019',
			'table3',
			'table4',
		]);
		expect(grouped.derivedParts.map((p) => p.key)).toEqual([
			'value',
			'numerator',
			'denominator',
			'status',
		]);
		// Far fewer rows to read than columns: one per printed row, one per metric.
		const shown = grouped.reportLevel.length + grouped.derived.length;
		const cellRows = grouped.tables.reduce((n, t) => n + t.rows.length, 0);
		expect(shown + cellRows).toBeLessThan(REPORT_COLUMNS.length / 2);
	});
	it('documents every key-figures.csv column', () => {
		const section = dataDictionary().find((s) => s.file === 'key-figures.csv')!;
		expect(section.rows.map((r) => r.key)).toEqual(KEY_FIGURE_COLUMNS.map((c) => c.key));
	});
	it('reads cell types and nullability from the schema', () => {
		const rows = dataDictionary().find((s) => s.file === 'reports.csv')!.rows;
		expect(rows.find((r) => r.key === 'table3.granted.total')!.type).toBe('数值，可为空');
		expect(rows.find((r) => r.key === 'formatVersion')!.type).toBe('取值：2019、2021、mixed、none');
		expect(rows.find((r) => r.key === 'township.code')!.type).toBe('文本');
		expect(rows.find((r) => r.key === 'metadata.reportYearEvidence')!.type).toBe('文本列表');
	});
});
