/**
 * The ingest step (npm run ingest): read every report under content/reports/, parse it,
 * place it in the division tree, keep one report per township and year, add the cross-year
 * checks and write the generated collection. One bad report is recorded and skipped; only
 * a broken curator file or a failed write stops the run (it throws).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult, Diagnostic, ReportRecord } from '../model/record.ts';
import { reportEntrySchema, type ReportDetail, type ReportEntry } from '../model/entry.ts';
import { CORRECTIONS_FILE, loadCorrections } from './corrections.ts';
import { reportPathKey } from './curator-file.ts';
import { crossYearChecksFor } from './cross-year.ts';
import { fileDiagnostic, locate } from './diagnostics.ts';
import { discoverReportFiles, type ReportFile } from './discover.ts';
import type { Divisions } from './divisions.ts';
import { selectReports } from './duplicates.ts';
import { OVERRIDES_FILE, loadOverrides, type Overrides } from './overrides.ts';
import type { Progress } from './progress.ts';
import { resolveTownship, type Identity } from './resolve-township.ts';
import {
	countBySeverity,
	type FileReason,
	type IngestSummary,
	type ReportSummary,
} from './summary.ts';
import { townshipEntry } from './township.ts';
import { writeCollection, type CollectionFile, type WriteFile } from './write-collection.ts';

export const REPORTS_DIR = 'content/reports';
export const GENERATED_DIR = 'content/generated';

/** The parser library's entry points (src/lib/report/index.ts), passed in so tests can stand in for it. */
export interface ReportParser {
	parseReport(input: Uint8Array, options: { file: string }): ReportRecord;
	decodeReport(bytes: Uint8Array): { text: string };
}

export interface IngestOptions {
	/** Repository root: content/ is found below it. */
	rootDir: string;
	divisions: Divisions;
	progress: Progress;
	writeFile?: WriteFile;
}

export interface IngestResult {
	summary: IngestSummary;
	/** Every diagnostic of the run in file order: parser messages, failed checks, ingest messages. */
	diagnostics: Diagnostic[];
	/** The entries written, in id order. */
	entries: ReportEntry[];
	/** Each entry's detail file (source text, every check), in the same order. */
	details: ReportDetail[];
}

interface ParsedReport {
	/** Path as shown to the curator and given to the parser: content/reports/…. */
	file: string;
	record: ReportRecord;
	text: string;
}

interface PlacedReport extends ParsedReport {
	identity: Identity;
	code: string;
	year: number;
}

export function runIngest(parser: ReportParser, options: IngestOptions): IngestResult {
	const { rootDir, divisions } = options;
	const overrides = loadOverrides(join(rootDir, OVERRIDES_FILE), divisions);
	const corrections = loadCorrections(join(rootDir, CORRECTIONS_FILE));
	const reportsDir = join(rootDir, REPORTS_DIR);
	const files = existsSync(reportsDir) ? discoverReportFiles(reportsDir) : [];
	const run: RunLog = { diagnostics: [], rejected: [], skipped: [] };

	const parsed = parseAll(files, parser, options.progress, run);
	const placed = placeAll(parsed, divisions, overrides, run);
	for (const entry of overrides.unused())
		run.diagnostics.push(
			fileDiagnostic(
				OVERRIDES_FILE,
				'warning',
				'override-unused',
				`entry for ${entry.file ?? entry.township} matched no report; remove it or fix its path/name`,
			),
		);

	const selection = selectReports(
		placed,
		corrections,
		new Set(files.map((f) => reportPathKey(f.relativePath))),
	);
	run.diagnostics.push(...selection.diagnostics);
	run.skipped.push(...selection.duplicates);
	const chosen = selection.selected
		.map(({ report, replaces }) => ({ ...report, id: `${report.code}-${report.year}`, replaces }))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const { entries, details } = buildEntries(chosen, divisions, run);

	// The parser already reports its own failed checks as diagnostics; cross-year ones are added here.
	const diagnostics = sortDiagnostics([
		...run.diagnostics,
		...parsed.flatMap((p) => p.record.diagnostics.filter((d) => d.severity !== 'info')),
		...entries.flatMap((e) => crossYearFailures(e)),
	]);
	const summary = summarize({
		...run,
		read: files.length,
		parsed,
		superseded: selection.superseded,
		entries,
		diagnostics,
	});
	writeCollection(
		join(rootDir, GENERATED_DIR),
		collectionFiles(entries, details, summary),
		options.writeFile,
	);
	return { summary, diagnostics, entries, details };
}

/** What the phases record about files that do not make it, and their messages. */
interface RunLog {
	diagnostics: Diagnostic[];
	rejected: FileReason[];
	skipped: FileReason[];
}

function parseAll(
	files: ReportFile[],
	parser: ReportParser,
	progress: Progress,
	run: RunLog,
): ParsedReport[] {
	const parsed: ParsedReport[] = [];
	progress.start(files.length);
	try {
		for (const { absolutePath, relativePath } of files) {
			const file = `${REPORTS_DIR}/${relativePath}`;
			const bytes = readFileSync(absolutePath);
			try {
				parsed.push({
					file,
					record: parser.parseReport(bytes, { file }),
					text: parser.decodeReport(bytes).text,
				});
			} catch (error) {
				if (isRejection(error)) {
					run.rejected.push({ file, reason: error.message });
				} else {
					// A parser bug shows on one file; record it loudly and go on with the others.
					const reason = `parser error: ${error instanceof Error ? error.message : String(error)}`;
					run.rejected.push({ file, reason });
					run.diagnostics.push(fileDiagnostic(file, 'error', 'parser-crash', reason));
				}
			}
			progress.tick(file);
		}
	} finally {
		progress.stop();
	}
	return parsed;
}

/** Gives each report its township (or body) and year; a report that has neither cannot be published. */
function placeAll(
	parsed: ParsedReport[],
	divisions: Divisions,
	overrides: Overrides,
	run: RunLog,
): PlacedReport[] {
	const placed: PlacedReport[] = [];
	for (const report of parsed) {
		const { metadata } = report.record;
		const resolution = resolveTownship({ file: report.file, ...metadata }, divisions, overrides);
		const at = locate(report.text, metadata.township);
		if (!resolution.ok) {
			run.diagnostics.push(
				fileDiagnostic(
					report.file,
					'error',
					resolution.ruleId,
					resolution.message,
					at.line,
					at.col,
				),
			);
			run.skipped.push({
				file: report.file,
				reason: `${resolution.ruleId}: ${resolution.message}`,
			});
			continue;
		}
		for (const note of resolution.notes)
			run.diagnostics.push(
				fileDiagnostic(report.file, 'warning', note.ruleId, note.message, at.line, at.col),
			);
		const year = resolution.override?.year ?? metadata.reportYear;
		if (year === null) {
			const message = `no report year found; add "year" to this file's entry in ${OVERRIDES_FILE}, e.g. {"file": "${reportPathKey(report.file)}", "code": "…", "year": 2023}`;
			run.diagnostics.push(fileDiagnostic(report.file, 'error', 'year-unknown', message));
			run.skipped.push({ file: report.file, reason: `year-unknown: ${message}` });
			continue;
		}
		const code =
			resolution.identity.kind === 'township'
				? resolution.identity.code
				: resolution.identity.body.key;
		placed.push({ ...report, identity: resolution.identity, code, year });
	}
	return placed;
}

/** Passed checks counted by rule id: the entry carries these counts, not the checks. */
function countPassed(checks: readonly CheckResult[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const check of checks)
		if (check.status === 'pass') counts[check.id] = (counts[check.id] ?? 0) + 1;
	return counts;
}

/**
 * Collection entries, each validated with the schema the site reads them with, and their detail
 * files: the entry keeps the failed and skipped checks, the detail file the text and every check.
 */
function buildEntries(
	chosen: (PlacedReport & { id: string; replaces: string | null })[],
	divisions: Divisions,
	run: RunLog,
): { entries: ReportEntry[]; details: ReportDetail[] } {
	const crossYear = crossYearChecksFor(chosen);
	const entries: ReportEntry[] = [];
	const details: ReportDetail[] = [];
	for (const report of chosen) {
		const { checks } = report.record;
		const candidate: ReportEntry = {
			id: report.id,
			township: townshipEntry(report.identity, divisions),
			year: report.year,
			sourceFile: report.file,
			replaces: report.replaces === null ? null : `${REPORTS_DIR}/${report.replaces}`,
			record: { ...report.record, checks: checks.filter((c) => c.status !== 'pass') },
			passedChecks: countPassed(checks),
			crossYearChecks: crossYear.get(report.id) ?? [],
		};
		const checked = reportEntrySchema.safeParse(candidate);
		if (!checked.success) {
			const problems = checked.error.issues
				.slice(0, 3)
				.map((i) => `${i.path.join('.')}: ${i.message}`)
				.join('; ');
			run.diagnostics.push(
				fileDiagnostic(
					report.file,
					'error',
					'entry-invalid',
					`the parsed record does not match the collection schema: ${problems}`,
				),
			);
			run.skipped.push({ file: report.file, reason: `entry-invalid: ${problems}` });
			continue;
		}
		entries.push(checked.data);
		details.push({ id: report.id, sourceText: report.text, checks });
	}
	return { entries, details };
}

/** Serialised lazily, so a large collection is never held in memory as text all at once. */
function* collectionFiles(
	entries: ReportEntry[],
	details: ReportDetail[],
	summary: IngestSummary,
): Generator<CollectionFile> {
	for (const entry of entries)
		yield { path: `reports/${entry.id}.json`, content: JSON.stringify(entry) };
	for (const detail of details)
		yield { path: `details/${detail.id}.json`, content: JSON.stringify(detail) };
	yield { path: 'ingest-summary.json', content: JSON.stringify(summary, null, '\t') + '\n' };
}

function isRejection(error: unknown): error is Error {
	return error instanceof Error && error.name === 'ReportRejection';
}

/** Failed cross-year checks, printed like every other message so a curator can jump to the cell. */
function crossYearFailures(entry: ReportEntry): Diagnostic[] {
	return entry.crossYearChecks
		.filter((check) => check.status === 'fail')
		.map((check) => {
			const col = entry.record.cells[check.cells[0] ?? '']?.col ?? 1;
			return fileDiagnostic(
				entry.sourceFile,
				check.severity,
				check.id,
				check.message,
				check.line ?? 1,
				col,
			);
		});
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
	return [...diagnostics].sort((a, b) =>
		a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col,
	);
}

function summarize(run: {
	read: number;
	parsed: ParsedReport[];
	rejected: FileReason[];
	skipped: FileReason[];
	superseded: FileReason[];
	entries: ReportEntry[];
	diagnostics: Diagnostic[];
}): IngestSummary {
	// A failed check is counted once, as a check: not again through the diagnostic that prints it.
	const failedCheckIds = new Map<string, Set<string>>();
	const noteFailures = (file: string, checks: CheckResult[]) => {
		const ids = failedCheckIds.get(file) ?? new Set<string>();
		for (const check of checks) if (check.status === 'fail') ids.add(check.id);
		failedCheckIds.set(file, ids);
	};
	for (const report of run.parsed) noteFailures(report.file, report.record.checks);
	for (const entry of run.entries) noteFailures(entry.sourceFile, entry.crossYearChecks);
	const messages = run.diagnostics.filter((d) => !failedCheckIds.get(d.file)?.has(d.ruleId));
	// Grouped once: filtering every message for every entry grows with the square of the corpus.
	const messagesByFile = new Map<string, Diagnostic[]>();
	for (const d of messages) {
		const list = messagesByFile.get(d.file);
		if (list) list.push(d);
		else messagesByFile.set(d.file, [d]);
	}

	const brief = ({ id, scope, message, line }: CheckResult) => ({ id, scope, message, line });
	const reports: ReportSummary[] = run.entries.map((entry) => {
		const own = messagesByFile.get(entry.sourceFile) ?? [];
		return {
			id: entry.id,
			file: entry.sourceFile,
			township: entry.township.name,
			year: entry.year,
			replaces: entry.replaces,
			warnings: countBySeverity(own, 'warning'),
			errors: countBySeverity(own, 'error'),
			failedChecks: entry.record.checks.filter((c) => c.status === 'fail').map(brief),
			failedCrossYearChecks: entry.crossYearChecks.filter((c) => c.status === 'fail').map(brief),
		};
	});
	return {
		counts: {
			read: run.read,
			parsed: run.parsed.length,
			rejected: run.rejected.length,
			skipped: run.skipped.length,
			superseded: run.superseded.length,
			written: run.entries.length,
			warnings: countBySeverity(messages, 'warning'),
			errors: countBySeverity(messages, 'error'),
			failedChecks: reports.reduce((n, r) => n + r.failedChecks.length, 0),
			failedCrossYearChecks: reports.reduce((n, r) => n + r.failedCrossYearChecks.length, 0),
		},
		rejected: run.rejected,
		skipped: run.skipped,
		superseded: run.superseded,
		diagnostics: run.diagnostics,
		reports,
	};
}
