/**
 * The first pass keeps a small note per file (its warnings and errors, not the many info
 * messages) and the second pass gives the entry the record's messages exactly as the one-pass
 * rule says: capped per file, the curator's answered year-implausible removed, the ingest's own
 * (a duplicate's) last.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileDiagnostic } from '../../../src/lib/ingest/diagnostics.ts';
import {
	firstPass,
	recordDiagnostics,
	sha256Of,
	type ReportParser,
} from '../../../src/lib/ingest/first-pass.ts';
import { LIMITS } from '../../../src/lib/ingest/limits.ts';
import { buildTownship, type ChosenReport } from '../../../src/lib/ingest/township-build.ts';
import type { Diagnostic, ReportRecord } from '../../../src/lib/model/record.ts';
import { makeRecord } from './make-record.ts';

const FILE = 'content/reports/a.txt';
const TEXT = '第一行\n某某镇人民政府 2023 年报告\n';

function info(n: number): Diagnostic {
	return fileDiagnostic(FILE, 'info', 'unassigned-number', `第 ${n} 个未放入表格的数字`, n + 1, 1);
}

/** The record's messages: many infos, one warning, the parser's year-implausible error. */
function messages(infos: number): Diagnostic[] {
	return [
		...Array.from({ length: infos }, (_, i) => info(i)),
		fileDiagnostic(FILE, 'warning', 'label-variant', '标签写法不同', 3, 1),
		fileDiagnostic(FILE, 'error', 'year-implausible', '报告年度 1900 年不可信', 2, 1),
	];
}

function parserFor(diagnostics: Diagnostic[]): ReportParser {
	return {
		parseReport: () => {
			const record = makeRecord({ file: FILE, metadata: { township: '某某镇', reportYear: 1900 } });
			return { ...record, diagnostics: structuredClone(diagnostics) } as ReportRecord;
		},
		decodeReport: () => ({ text: TEXT }),
	};
}

function reportFile(): { dir: string; path: string; bytes: Uint8Array } {
	const dir = mkdtempSync(join(tmpdir(), 'first-pass-'));
	const path = join(dir, 'a.txt');
	writeFileSync(path, TEXT);
	return { dir, path, bytes: new TextEncoder().encode(TEXT) };
}

describe('firstPass', () => {
	it('keeps the warnings and errors of a report, not its info messages, and where the township is', () => {
		const { path } = reportFile();
		const outcome = firstPass(FILE, path, parserFor(messages(20)), readFileSync);
		expect(outcome.kind).toBe('parsed');
		if (outcome.kind !== 'parsed') return;
		expect(outcome.report.diagnostics.map((d) => d.ruleId)).toEqual([
			'label-variant',
			'year-implausible',
		]);
		expect(outcome.report.yearConfirmed).toBe(false);
		expect(outcome.townshipAt).toEqual({ line: 2, col: 1 });
		expect(outcome.metadata.township).toBe('某某镇');
	});
});

describe('recordDiagnostics', () => {
	it('caps the messages per file with a line for the rest', () => {
		const record = {
			...makeRecord({ file: FILE }),
			diagnostics: messages(LIMITS.messagesPerReport + 5),
		};
		const kept = recordDiagnostics(record, false);
		expect(kept).toHaveLength(LIMITS.messagesPerReport + 1);
		expect(kept.at(-1)).toMatchObject({
			ruleId: 'messages-capped',
			message: expect.stringContaining('7'),
		});
	});

	it('removes year-implausible only when the curator confirmed the year', () => {
		const record = { ...makeRecord({ file: FILE }), diagnostics: messages(2) };
		expect(recordDiagnostics(record, false).map((d) => d.ruleId)).toContain('year-implausible');
		expect(recordDiagnostics(record, true).map((d) => d.ruleId)).not.toContain('year-implausible');
	});
});

describe('buildTownship', () => {
	it("gives the entry the record's info messages again, the answered one removed, the ingest's last", () => {
		const { dir, path, bytes } = reportFile();
		const duplicate = fileDiagnostic(
			FILE,
			'warning',
			'duplicate-report',
			'同一乡镇同一年度还有 b.txt',
		);
		const chosen: ChosenReport = {
			file: FILE,
			absolutePath: path,
			sha256: sha256Of(bytes),
			format: 'text',
			failedCheckIds: [],
			diagnostics: [],
			yearConfirmed: true,
			code: '610881102',
			year: 1900,
			id: '610881102-1900',
			replaces: null,
			township: {
				code: '610881102',
				name: '某某镇',
				kind: '镇',
				county: null,
				prefecture: null,
				province: null,
				pinyin: 'mou mou zhen',
				initials: 'mmz',
			},
			ingestDiagnostics: [duplicate],
		};
		const [built] = buildTownship([chosen], parserFor(messages(3)), dir, (p) => readFileSync(p));
		const entry = JSON.parse(built!.files[0]!.content as string);
		expect(entry.record.diagnostics.map((d: Diagnostic) => d.ruleId)).toEqual([
			'unassigned-number',
			'unassigned-number',
			'unassigned-number',
			'label-variant',
			'duplicate-report',
		]);
	});
});
