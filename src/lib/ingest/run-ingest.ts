/**
 * The ingest step (npm run ingest): read every report under content/reports/, parse it,
 * place it in the division tree, keep one report per township and year, add the cross-year
 * checks and write the generated collection. One bad report (unreadable, too large, not a
 * report) is recorded and skipped; only a broken curator file, another run holding the output
 * lock or a failed write stops the run (it throws).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
	sourceFormatSchema,
	type CheckResult,
	type Diagnostic,
	type ReportRecord,
} from '../model/record.ts';
import { reportEntrySchema, type ReportDetail, type ReportEntry } from '../model/entry.ts';
import { CORRECTIONS_FILE, loadCorrections } from './corrections.ts';
import { reportPathKey } from './curator-file.ts';
import { crossYearChecksFor } from './cross-year.ts';
import { capPerFile, fileDiagnostic, locate } from './diagnostics.ts';
import { discoverReportFiles, type ReportFile } from './discover.ts';
import { LIMITS, sizeText } from './limits.ts';
import { lockOutput } from './output-lock.ts';
import type { Divisions } from './divisions.ts';
import { selectReports } from './duplicates.ts';
import { OVERRIDES_FILE, loadOverrides, type Overrides } from './overrides.ts';
import type { Progress } from './progress.ts';
import { withProvenance } from './provenance.ts';
import { resolveTownship, type Identity } from './resolve-township.ts';
import {
	countBySeverity,
	type FileReason,
	type IngestSummary,
	type ReportSummary,
} from './summary.ts';
import { originalExtension } from '../model/original.ts';
import { townshipEntry } from './township.ts';
import { FIRST_REPORT_YEAR, isPlausibleYear } from '../report/year-check.ts';
import { writeCollection, type CollectionFile, type WriteFile } from './write-collection.ts';

export const REPORTS_DIR = 'content/reports';
export const GENERATED_DIR = 'content/generated';

/** The parser library's entry points (src/lib/report/index.ts), passed in so tests can stand in for it. */
export interface ReportParser {
	parseReport(input: Uint8Array, options: { file: string }): ReportRecord;
	/** The text the record's lines point into (derived text for pages, PDFs and Word files). */
	decodeReport(bytes: Uint8Array, options?: { file: string }): { text: string };
}

export interface IngestOptions {
	/** Repository root: content/ is found below it. */
	rootDir: string;
	divisions: Divisions;
	progress: Progress;
	writeFile?: WriteFile;
	/** Reads a report file; tests stand in for a file the process may not read. */
	readFile?: (path: string) => Uint8Array;
}

export interface IngestResult {
	summary: IngestSummary;
	/** Every diagnostic of the run in file order: parser messages, failed checks, ingest messages. */
	diagnostics: Diagnostic[];
	/** The entries written, in id order. */
	entries: ReportEntry[];
	/** Leftovers the run could not remove (it succeeded all the same). */
	writeWarnings: string[];
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
	const release = lockOutput(join(options.rootDir, `${GENERATED_DIR}.lock`), 'npm run ingest');
	try {
		return ingestLocked(parser, options);
	} finally {
		release();
	}
}

function ingestLocked(parser: ReportParser, options: IngestOptions): IngestResult {
	const { rootDir, divisions } = options;
	const overrides = loadOverrides(join(rootDir, OVERRIDES_FILE), divisions);
	const corrections = loadCorrections(join(rootDir, CORRECTIONS_FILE));
	const reportsDir = join(rootDir, REPORTS_DIR);
	const { files, ignored } = existsSync(reportsDir)
		? discoverReportFiles(reportsDir)
		: { files: [], ignored: [] };
	const run: RunLog = { diagnostics: [], rejected: [], skipped: [] };

	const parsed = parseAll(files, parser, options, run);
	const placed = placeAll(parsed, divisions, overrides, run);
	for (const entry of overrides.unused())
		run.diagnostics.push(
			fileDiagnostic(
				OVERRIDES_FILE,
				'warning',
				'override-unused',
				`${entry.file ?? entry.township} 这一条没有对应任何报告；删除这一条，或改正其中的路径或名称`,
			),
		);

	const selection = selectReports(
		placed,
		corrections,
		new Set(files.map((f) => reportPathKey(f.relativePath))),
		previouslyPublished(join(rootDir, GENERATED_DIR)),
	);
	run.diagnostics.push(...selection.diagnostics);
	for (const { kept, others, why } of selection.conflicts)
		// On the record, so the report's page states it (ParseNotes lists record.diagnostics).
		kept.record.diagnostics.push(
			fileDiagnostic(
				kept.file,
				'warning',
				'duplicate-report',
				`同一乡镇同一年度还有 ${others.join('、')}；本站发布的是这份文件（${why}）`,
			),
		);
	run.skipped.push(...selection.duplicates);
	const chosen = selection.selected
		.map(({ report, replaces }) => ({ ...report, id: `${report.code}-${report.year}`, replaces }))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const built = buildEntries(chosen, divisions, run);
	const entries = withProvenance(built.entries, rootDir, run.diagnostics);
	const details = built.details;

	// The parser already reports its own failed checks as diagnostics; cross-year ones are added here.
	const diagnostics = capPerFile(
		sortDiagnostics([
			...run.diagnostics,
			...parsed.flatMap((p) => p.record.diagnostics.filter((d) => d.severity !== 'info')),
			...entries.flatMap((e) => crossYearFailures(e)),
		]),
		LIMITS.messagesPerReport,
	);
	const summary = summarize({
		...run,
		read: files.length,
		parsed,
		superseded: selection.superseded,
		ignored: ignored.map((i) => ({ file: `${REPORTS_DIR}/${i.relativePath}`, reason: i.reason })),
		entries,
		diagnostics,
	});
	// Checks every file in the run's own folder before the swap, so `written` is what is there.
	const outcome = writeCollection(
		join(rootDir, GENERATED_DIR),
		collectionFiles(entries, details, summary, rootDir),
		options.writeFile,
	);
	return { summary, diagnostics, entries, details, writeWarnings: outcome.warnings };
}

/** Slot → file (key under content/reports/) of the collection this run replaces, from its summary. */
function previouslyPublished(generatedDir: string): Map<string, string> {
	try {
		const summary = JSON.parse(
			readFileSync(join(generatedDir, 'ingest-summary.json'), 'utf8'),
		) as Partial<IngestSummary>;
		return new Map((summary.reports ?? []).map((r) => [r.id, reportPathKey(r.file)]));
	} catch {
		return new Map(); // first run, or an unreadable summary: a first conflict
	}
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
	{ progress, readFile = readFileSync }: Pick<IngestOptions, 'progress' | 'readFile'>,
	run: RunLog,
): ParsedReport[] {
	const parsed: ParsedReport[] = [];
	progress.start(files.length);
	try {
		for (const { absolutePath, relativePath } of files) {
			const file = `${REPORTS_DIR}/${relativePath}`;
			try {
				const size = statSync(absolutePath).size;
				if (size > LIMITS.reportBytes) {
					const reason = `report-too-large: 文件 ${sizeText(size)}，超过每份报告 ${sizeText(LIMITS.reportBytes)} 的上限，未读取；请确认这是一份报告的正文（不是合集或误存的数据）`;
					run.rejected.push({ file, reason });
					run.diagnostics.push(fileDiagnostic(file, 'error', 'report-too-large', reason));
					continue;
				}
				const bytes = readFile(absolutePath);
				const record = parser.parseReport(bytes, { file });
				record.diagnostics = capPerFile(record.diagnostics, LIMITS.messagesPerReport);
				parsed.push({ file, record, text: parser.decodeReport(bytes, { file }).text });
			} catch (error) {
				if (isReadError(error)) {
					const reason = `unreadable: 无法读取文件（${error.code}）；请检查文件权限后重新运行`;
					run.rejected.push({ file, reason });
					run.diagnostics.push(fileDiagnostic(file, 'error', 'file-unreadable', reason));
				} else if (isRejection(error)) {
					run.rejected.push({ file, reason: error.message });
				} else {
					// A parser bug shows on one file; record it loudly and go on with the others.
					const reason = `parser error: ${error instanceof Error ? error.message : String(error)}`;
					run.rejected.push({ file, reason });
					run.diagnostics.push(fileDiagnostic(file, 'error', 'parser-crash', reason));
				}
			} finally {
				progress.tick(file);
			}
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
			const message = `找不到报告年度；请在 ${OVERRIDES_FILE} 中为本文件写明 "year"，例如 {"file": "${reportPathKey(report.file)}", "code": "…", "year": 2023}`;
			run.diagnostics.push(fileDiagnostic(report.file, 'error', 'year-unknown', message));
			run.skipped.push({ file: report.file, reason: `year-unknown: ${message}` });
			continue;
		}
		if (!isPlausibleYear(year, new Date().getUTCFullYear())) {
			if (resolution.override?.year !== year) {
				run.skipped.push({ file: report.file, reason: unconfirmedYear(report.file, year) });
				continue;
			}
			// Confirmed by the curator: the parser's year-implausible error is answered.
			report.record.diagnostics = report.record.diagnostics.filter(
				(d) => d.ruleId !== 'year-implausible',
			);
		}
		const code =
			resolution.identity.kind === 'township'
				? resolution.identity.code
				: resolution.identity.body.key;
		placed.push({ ...report, identity: resolution.identity, code, year });
	}
	return placed;
}

function unconfirmedYear(file: string, year: number): string {
	return `year-implausible: 报告年度 ${year} 年不在 ${FIRST_REPORT_YEAR} 年至今之间，未发布；如确为该年度，在 ${OVERRIDES_FILE} 的本文件条目中加上 "year": ${year}（{"file": "${reportPathKey(file)}", "code": "…", "year": ${year}}）`;
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
		const bytes = Buffer.byteLength(JSON.stringify(candidate));
		if (bytes > LIMITS.entryBytes) {
			const reason = `report-too-large: 解析结果 ${sizeText(bytes)}，超过每份报告 ${sizeText(LIMITS.entryBytes)} 的上限（通常是表格中有成千上万个数字），未发布；请检查原文的表格`;
			run.diagnostics.push(fileDiagnostic(report.file, 'error', 'report-too-large', reason));
			run.skipped.push({ file: report.file, reason });
			continue;
		}
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
					`解析出的记录不符合网站的数据结构，未发布：${problems}`,
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
	rootDir: string,
): Generator<CollectionFile> {
	for (const entry of entries) {
		yield { path: `reports/${entry.id}.json`, content: JSON.stringify(entry) };
		// The original (a page, PDF or Word file, or any downloaded report) is kept byte for byte.
		const ext = originalExtension(entry);
		if (ext)
			yield {
				path: `originals/${entry.id}.${ext}`,
				content: readFileSync(join(rootDir, entry.sourceFile)),
			};
	}
	for (const detail of details)
		yield { path: `details/${detail.id}.json`, content: JSON.stringify(detail) };
	yield { path: 'ingest-summary.json', content: JSON.stringify(summary, null, '\t') + '\n' };
}

function isReadError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
	return (
		error instanceof Error &&
		typeof (error as NodeJS.ErrnoException).code === 'string' &&
		(error as NodeJS.ErrnoException).syscall !== undefined
	);
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
	ignored: FileReason[];
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
	// In the schema's order (text, html, pdf, docx), forms with no report left out.
	const forms: Record<string, number> = {};
	for (const form of sourceFormatSchema.options) {
		const n = run.parsed.filter((r) => r.record.source.format === form).length;
		if (n > 0) forms[form] = n;
	}
	return {
		forms,
		counts: {
			read: run.read,
			parsed: run.parsed.length,
			rejected: run.rejected.length,
			skipped: run.skipped.length,
			superseded: run.superseded.length,
			ignored: run.ignored.length,
			written: run.entries.length,
			warnings: countBySeverity(messages, 'warning'),
			errors: countBySeverity(messages, 'error'),
			failedChecks: reports.reduce((n, r) => n + r.failedChecks.length, 0),
			failedCrossYearChecks: reports.reduce((n, r) => n + r.failedCrossYearChecks.length, 0),
		},
		rejected: run.rejected,
		skipped: run.skipped,
		superseded: run.superseded,
		ignored: run.ignored,
		diagnostics: run.diagnostics,
		reports,
	};
}
