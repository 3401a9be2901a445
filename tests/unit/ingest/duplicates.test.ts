import { describe, expect, it } from 'vitest';
import { createCorrections } from '../../../src/lib/ingest/corrections.ts';
import { selectReports, type PlacedReport } from '../../../src/lib/ingest/duplicates.ts';

const report = (file: string, code = '610881102', year = 2023): PlacedReport => ({
	file: `content/reports/${file}`,
	code,
	year,
});
const discovered = (...reports: PlacedReport[]) =>
	new Set(reports.map((r) => r.file.replace('content/reports/', '')));

describe('selectReports', () => {
	it('keeps one report per township and year', () => {
		const reports = [
			report('a.txt', '610881102', 2022),
			report('b.txt', '610881102', 2023),
			report('c.txt', '140930104', 2023),
		];
		const result = selectReports(reports, createCorrections([]), discovered(...reports));
		expect(result.selected.map((s) => s.report.file)).toEqual(reports.map((r) => r.file));
		expect(result.diagnostics).toEqual([]);
	});

	it('flags two files for the same township and year, naming both, and still publishes one (first path)', () => {
		// Listed in reverse path order: the choice must not depend on the order files arrive in.
		const reports = [report('other/店塔镇 年报.txt'), report('2023/店塔镇.txt')];
		const result = selectReports(reports, createCorrections([]), discovered(...reports));
		expect(result.selected).toEqual([{ report: reports[1], replaces: null }]);
		expect(result.duplicates.map((d) => d.file)).toEqual([reports[0]!.file]);
		expect(result.duplicates[0]!.reason).toContain(reports[1]!.file);
		expect(result.conflicts).toEqual([
			{ kept: reports[1], others: [reports[0]!.file], why: expect.stringContaining('路径顺序') },
		]);
		expect(result.superseded).toEqual([]);
		expect(result.diagnostics).toHaveLength(2);
		for (const diagnostic of result.diagnostics) {
			expect(diagnostic).toMatchObject({ severity: 'error', ruleId: 'duplicate-report' });
			expect(diagnostic.message).toContain('content/reports.corrections.json');
		}
		expect(result.diagnostics[0]!.message).toContain('content/reports/2023/店塔镇.txt');
		expect(result.diagnostics[1]!.message).toContain('content/reports/other/店塔镇 年报.txt');
	});

	it('keeps the file published last time when a second file for its township and year appears', () => {
		const reports = [report('a.txt'), report('b.txt')];
		const published = new Map([['610881102-2023', 'b.txt']]);
		const result = selectReports(reports, createCorrections([]), discovered(...reports), published);
		expect(result.selected.map((s) => s.report)).toEqual([reports[1]]);
		expect(result.duplicates.map((d) => d.file)).toEqual([reports[0]!.file]);
		expect(result.conflicts[0]!.why).toContain('上次发布');
	});

	it('lets a declared correction replace the original', () => {
		const reports = [report('original.txt'), report('corrected.txt')];
		const corrections = createCorrections([
			{ file: 'corrected.txt', replaces: 'content/reports/original.txt' },
		]);
		const result = selectReports(reports, corrections, discovered(...reports));
		expect(result.selected).toEqual([{ report: reports[1], replaces: 'original.txt' }]);
		expect(result.superseded).toEqual([
			{
				file: 'content/reports/original.txt',
				reason: expect.stringContaining('replaced by content/reports/corrected.txt'),
			},
		]);
		expect(result.diagnostics).toEqual([]);
	});

	it('follows a chain of corrections even when the middle file is absent', () => {
		const reports = [report('v1.txt'), report('v3.txt')];
		const corrections = createCorrections([
			{ file: 'v2.txt', replaces: 'v1.txt' },
			{ file: 'v3.txt', replaces: 'v2.txt' },
		]);
		const result = selectReports(reports, corrections, new Set(['v1.txt', 'v2.txt', 'v3.txt']));
		expect(result.selected).toEqual([{ report: reports[1], replaces: 'v2.txt' }]);
	});

	it('keeps both files and warns when a "correction" is about another year', () => {
		const reports = [report('2022.txt', '610881102', 2022), report('2023.txt', '610881102', 2023)];
		const corrections = createCorrections([{ file: '2023.txt', replaces: '2022.txt' }]);
		const result = selectReports(reports, corrections, discovered(...reports));
		expect(result.selected.map((s) => s.replaces)).toEqual([null, null]);
		expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['correction-mismatch']);
	});

	it('still reports a duplicate when a third file for the same year is not a correction', () => {
		const reports = [report('a.txt'), report('a-fix.txt'), report('b.txt')];
		const corrections = createCorrections([{ file: 'a-fix.txt', replaces: 'a.txt' }]);
		const result = selectReports(reports, corrections, discovered(...reports));
		expect(result.selected.map((s) => s.report.file)).toEqual(['content/reports/a-fix.txt']);
		expect(result.superseded.map((s) => s.file)).toEqual(['content/reports/a.txt']);
		expect(result.duplicates.map((s) => s.file)).toEqual(['content/reports/b.txt']);
		expect(result.diagnostics.map((d) => d.file)).toEqual([
			'content/reports/a-fix.txt',
			'content/reports/b.txt',
		]);
	});
});

describe('createCorrections', () => {
	it('rejects loops, self-replacement and two corrections of one file', () => {
		expect(() => createCorrections([{ file: 'a.txt', replaces: 'a.txt' }])).toThrow(
			/cannot replace itself/,
		);
		expect(() =>
			createCorrections([
				{ file: 'a.txt', replaces: 'b.txt' },
				{ file: 'b.txt', replaces: 'a.txt' },
			]),
		).toThrow(/loop/);
		expect(() =>
			createCorrections([
				{ file: 'b.txt', replaces: 'a.txt' },
				{ file: 'c.txt', replaces: 'a.txt' },
			]),
		).toThrow(/replaced by both/);
	});
});
