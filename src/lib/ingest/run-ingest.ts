/**
 * The ingest step (npm run ingest): read every report under content/reports/, parse it,
 * place it in the division tree, keep one report per township and year, add the cross-year
 * checks and write the generated collection. One bad report (unreadable, too large, not a
 * report) is recorded and skipped; only a broken curator file, another run holding the output
 * lock or a failed write stops the run (it throws).
 *
 * Memory stays flat with the corpus: the first pass parses and places each file and keeps only a
 * small note of it (where it goes, its messages, a hash of its bytes); the second pass parses each
 * chosen file again (with the parse cache, a read of the cached result), builds its entry with the
 * cross-year checks against the report just before it, and hands its files to the writer one
 * report at a time. No record or text of the whole corpus is ever held at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
	sourceFormatSchema,
	type CheckResult,
	type Diagnostic,
	type ReportRecord,
	type SourceFormat,
} from '../model/record.ts';
import { reportEntrySchema, type ReportDetail, type ReportEntry } from '../model/entry.ts';
import { CORRECTIONS_FILE, loadCorrections } from './corrections.ts';
import { reportPathKey } from './curator-file.ts';
import { checkCarryOver, checkDocumentsInForce, type YearReport } from './cross-year.ts';
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
	/**
	 * The entries written, in id order: read back from the written collection when asked (the run
	 * itself never holds them all; scripts/ingest.ts does not ask).
	 */
	readonly entries: ReportEntry[];
	/** Leftovers the run could not remove (it succeeded all the same). */
	writeWarnings: string[];
	/** Each entry's detail file (source text, every check), in the same order, read back likewise. */
	readonly details: ReportDetail[];
	/** Files of the collection written anew, and files unchanged since the last run (linked, not written). */
	files: { written: number; unchanged: number };
}

/** What the first pass keeps of a parsed file: no record, no text. */
interface ParsedReport {
	/** Path as shown to the curator and given to the parser: content/reports/…. */
	file: string;
	absolutePath: string;
	/** SHA-256 of the bytes parsed, so the second pass knows it reads the same file. */
	sha256: string;
	format: SourceFormat;
	/** Ids of the parser's failed checks: the summary counts them as checks, not as messages. */
	failedCheckIds: string[];
	/** The record's own messages as its entry will carry them (capped; answered ones removed). */
	diagnostics: Diagnostic[];
}

interface PlacedReport extends ParsedReport {
	identity: Identity;
	code: string;
	year: number;
}

interface ChosenReport extends PlacedReport {
	id: string;
	replaces: string | null;
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

	const { parsed, placed, placeDiagnostics } = parseAndPlace(
		files,
		parser,
		divisions,
		overrides,
		options,
		run,
	);
	run.diagnostics.push(...placeDiagnostics);
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
		kept.diagnostics.push(
			fileDiagnostic(
				kept.file,
				'warning',
				'duplicate-report',
				`同一乡镇同一年度还有 ${others.join('、')}；本站发布的是这份文件（${why}）`,
			),
		);
	run.skipped.push(...selection.duplicates);
	// Township by township, oldest first: each report's cross-year checks need only the one before.
	const chosen: ChosenReport[] = selection.selected
		.map(({ report, replaces }) => ({ ...report, id: `${report.code}-${report.year}`, replaces }))
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year));

	const build: BuildLog = {
		summaries: [],
		crossYearFailures: [],
		buildDiagnostics: [],
		provenanceDiagnostics: [],
		result: undefined,
	};
	const generated = join(rootDir, GENERATED_DIR);
	// Checks every file in the run's own folder before the swap, so `written` is what is there.
	const outcome = writeCollection(
		generated,
		collectionFiles(chosen, parser, options, {
			run,
			read: files.length,
			parsed,
			ignored,
			selection,
			build,
		}),
		options.writeFile,
	);
	const { summary, diagnostics } = build.result!;
	return {
		summary,
		diagnostics,
		get entries() {
			return readBack<ReportEntry>(join(generated, 'reports'));
		},
		get details() {
			return readBack<ReportDetail>(join(generated, 'details'));
		},
		writeWarnings: outcome.warnings,
		files: { written: outcome.files - outcome.unchanged, unchanged: outcome.unchanged },
	};
}

/** The JSON files of one folder of the written collection, in id order. */
function readBack<T>(dir: string): T[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as T);
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

/** What the second pass gathers while it writes, kept small: one summary row per entry. */
interface BuildLog {
	summaries: ReportSummary[];
	crossYearFailures: Diagnostic[];
	/** Entries left out (too large, invalid), then provenance messages, in the order of the run. */
	buildDiagnostics: Diagnostic[];
	provenanceDiagnostics: Diagnostic[];
	result: { summary: IngestSummary; diagnostics: Diagnostic[] } | undefined;
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The first pass: each file parsed and placed in turn; only a small note of it is kept. */
function parseAndPlace(
	files: ReportFile[],
	parser: ReportParser,
	divisions: Divisions,
	overrides: Overrides,
	{ progress, readFile = readFileSync }: Pick<IngestOptions, 'progress' | 'readFile'>,
	run: RunLog,
): { parsed: ParsedReport[]; placed: PlacedReport[]; placeDiagnostics: Diagnostic[] } {
	const parsed: ParsedReport[] = [];
	const placed: PlacedReport[] = [];
	// Placement messages follow every parse message, as when the phases ran one after the other.
	const placeDiagnostics: Diagnostic[] = [];
	progress.start(files.length);
	try {
		for (const { absolutePath, relativePath } of files) {
			const file = `${REPORTS_DIR}/${relativePath}`;
			let report: ParsedReport;
			let record: ReportRecord;
			let text: string;
			try {
				const size = statSync(absolutePath).size;
				if (size > LIMITS.reportBytes) {
					const reason = `report-too-large: 文件 ${sizeText(size)}，超过每份报告 ${sizeText(LIMITS.reportBytes)} 的上限，未读取；请确认这是一份报告的正文（不是合集或误存的数据）`;
					run.rejected.push({ file, reason });
					run.diagnostics.push(fileDiagnostic(file, 'error', 'report-too-large', reason));
					continue;
				}
				const bytes = readFile(absolutePath);
				record = parser.parseReport(bytes, { file });
				text = parser.decodeReport(bytes, { file }).text;
				report = {
					file,
					absolutePath,
					sha256: sha256Of(bytes),
					format: record.source.format,
					failedCheckIds: record.checks.filter((c) => c.status === 'fail').map((c) => c.id),
					diagnostics: capPerFile(record.diagnostics, LIMITS.messagesPerReport),
				};
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
				continue;
			} finally {
				progress.tick(file);
			}
			parsed.push(report);
			const place = placeReport(report, record, text, divisions, overrides, run, placeDiagnostics);
			if (place) placed.push(place);
		}
	} finally {
		progress.stop();
	}
	return { parsed, placed, placeDiagnostics };
}

/** Gives a report its township (or body) and year; a report that has neither cannot be published. */
function placeReport(
	report: ParsedReport,
	record: ReportRecord,
	text: string,
	divisions: Divisions,
	overrides: Overrides,
	run: RunLog,
	diagnostics: Diagnostic[],
): PlacedReport | null {
	const { metadata } = record;
	const resolution = resolveTownship({ file: report.file, ...metadata }, divisions, overrides);
	const at = locate(text, metadata.township);
	if (!resolution.ok) {
		diagnostics.push(
			fileDiagnostic(report.file, 'error', resolution.ruleId, resolution.message, at.line, at.col),
		);
		run.skipped.push({
			file: report.file,
			reason: `${resolution.ruleId}: ${resolution.message}`,
		});
		return null;
	}
	for (const note of resolution.notes)
		diagnostics.push(
			fileDiagnostic(report.file, 'warning', note.ruleId, note.message, at.line, at.col),
		);
	const year = resolution.override?.year ?? metadata.reportYear;
	if (year === null) {
		const message = `找不到报告年度；请在 ${OVERRIDES_FILE} 中为本文件写明 "year"，例如 {"file": "${reportPathKey(report.file)}", "code": "…", "year": 2023}`;
		diagnostics.push(fileDiagnostic(report.file, 'error', 'year-unknown', message));
		run.skipped.push({ file: report.file, reason: `year-unknown: ${message}` });
		return null;
	}
	if (!isPlausibleYear(year, new Date().getUTCFullYear())) {
		if (resolution.override?.year !== year) {
			run.skipped.push({ file: report.file, reason: unconfirmedYear(report.file, year) });
			return null;
		}
		// Confirmed by the curator: the parser's year-implausible error is answered.
		report.diagnostics = report.diagnostics.filter((d) => d.ruleId !== 'year-implausible');
	}
	const code =
		resolution.identity.kind === 'township'
			? resolution.identity.code
			: resolution.identity.body.key;
	return { ...report, identity: resolution.identity, code, year };
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
 * The second pass reads a chosen file again: the same bytes as the first (else the run stops),
 * parsed again or, with the parse cache, read from it; the record gets the messages the first
 * pass settled.
 */
function reparse(
	report: ChosenReport,
	parser: ReportParser,
	readFile: (path: string) => Uint8Array,
): { record: ReportRecord; text: string } {
	const bytes = readFile(report.absolutePath);
	if (sha256Of(bytes) !== report.sha256)
		throw new Error(`${report.file} 在本次 ingest 过程中被改动；请重新运行 npm run ingest`);
	const record = parser.parseReport(bytes, { file: report.file });
	record.diagnostics = report.diagnostics;
	return { record, text: parser.decodeReport(bytes, { file: report.file }).text };
}

/**
 * A collection entry, validated with the schema the site reads it with, and its detail file: the
 * entry keeps the failed and skipped checks, the detail file the text and every check. Null when
 * the entry cannot be published (too large, invalid), with the reason recorded.
 */
function buildEntry(
	report: ChosenReport,
	record: ReportRecord,
	text: string,
	crossYearChecks: CheckResult[],
	divisions: Divisions,
	run: RunLog,
	diagnostics: Diagnostic[],
): { entry: ReportEntry; detail: ReportDetail } | null {
	const { checks } = record;
	const candidate: ReportEntry = {
		id: report.id,
		township: townshipEntry(report.identity, divisions),
		year: report.year,
		sourceFile: report.file,
		replaces: report.replaces === null ? null : `${REPORTS_DIR}/${report.replaces}`,
		record: { ...record, checks: checks.filter((c) => c.status !== 'pass') },
		passedChecks: countPassed(checks),
		crossYearChecks,
	};
	const bytes = Buffer.byteLength(JSON.stringify(candidate));
	if (bytes > LIMITS.entryBytes) {
		const reason = `report-too-large: 解析结果 ${sizeText(bytes)}，超过每份报告 ${sizeText(LIMITS.entryBytes)} 的上限（通常是表格中有成千上万个数字），未发布；请检查原文的表格`;
		diagnostics.push(fileDiagnostic(report.file, 'error', 'report-too-large', reason));
		run.skipped.push({ file: report.file, reason });
		return null;
	}
	const checked = reportEntrySchema.safeParse(candidate);
	if (!checked.success) {
		const problems = checked.error.issues
			.slice(0, 3)
			.map((i) => `${i.path.join('.')}: ${i.message}`)
			.join('; ');
		diagnostics.push(
			fileDiagnostic(
				report.file,
				'error',
				'entry-invalid',
				`解析出的记录不符合网站的数据结构，未发布：${problems}`,
			),
		);
		run.skipped.push({ file: report.file, reason: `entry-invalid: ${problems}` });
		return null;
	}
	return { entry: checked.data, detail: { id: report.id, sourceText: text, checks } };
}

/**
 * The second pass, as the files of the collection: each chosen report is parsed again, checked
 * against the same township's report of the year before (the one just before it in this order),
 * and its entry, original and detail file are handed to the writer before the next report is
 * read. The summary comes last, from the small rows gathered on the way.
 */
function* collectionFiles(
	chosen: ChosenReport[],
	parser: ReportParser,
	{ rootDir, divisions, readFile = readFileSync }: IngestOptions,
	state: {
		run: RunLog;
		read: number;
		parsed: ParsedReport[];
		ignored: { relativePath: string; reason: string }[];
		selection: { superseded: FileReason[] };
		build: BuildLog;
	},
): Generator<CollectionFile> {
	const { run, build } = state;
	let previous: YearReport | undefined;
	for (const report of chosen) {
		const { record, text } = reparse(report, parser, readFile);
		const current: YearReport = { id: report.id, code: report.code, year: report.year, record };
		const crossYear =
			previous?.code === report.code && previous.year === report.year - 1
				? [...checkCarryOver(previous, current), ...checkDocumentsInForce(previous, current)]
				: [];
		previous = current;
		const built = buildEntry(
			report,
			record,
			text,
			crossYear,
			divisions,
			run,
			build.buildDiagnostics,
		);
		if (!built) continue;
		const [entry] = withProvenance([built.entry], rootDir, build.provenanceDiagnostics);
		build.summaries.push(reportSummaryOf(entry!));
		build.crossYearFailures.push(...crossYearFailures(entry!));
		yield { path: `reports/${entry!.id}.json`, content: JSON.stringify(entry) };
		// The original (a page, PDF or Word file, or any downloaded report) is kept byte for byte.
		const ext = originalExtension(entry!);
		if (ext)
			yield {
				path: `originals/${entry!.id}.${ext}`,
				content: readFileSync(join(rootDir, entry!.sourceFile)),
			};
		yield { path: `details/${built.detail.id}.json`, content: JSON.stringify(built.detail) };
	}
	run.diagnostics.push(...build.buildDiagnostics, ...build.provenanceDiagnostics);
	build.summaries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

	// The parser already reports its own failed checks as diagnostics; cross-year ones are added here.
	const diagnostics = capPerFile(
		sortDiagnostics([
			...run.diagnostics,
			...state.parsed.flatMap((p) => p.diagnostics.filter((d) => d.severity !== 'info')),
			...build.crossYearFailures,
		]),
		LIMITS.messagesPerReport,
	);
	const summary = summarize({
		...run,
		read: state.read,
		parsed: state.parsed,
		superseded: state.selection.superseded,
		ignored: state.ignored.map((i) => ({
			file: `${REPORTS_DIR}/${i.relativePath}`,
			reason: i.reason,
		})),
		reports: build.summaries,
		diagnostics,
	});
	build.result = { summary, diagnostics };
	yield { path: 'ingest-summary.json', content: JSON.stringify(summary, null, '\t') + '\n' };
}

/** What the summary keeps of an entry until the messages are counted at the end. */
function reportSummaryOf(entry: ReportEntry): ReportSummary {
	const brief = ({ id, scope, message, line }: CheckResult) => ({ id, scope, message, line });
	return {
		id: entry.id,
		file: entry.sourceFile,
		township: entry.township.name,
		year: entry.year,
		replaces: entry.replaces,
		warnings: 0,
		errors: 0,
		failedChecks: entry.record.checks.filter((c) => c.status === 'fail').map(brief),
		failedCrossYearChecks: entry.crossYearChecks.filter((c) => c.status === 'fail').map(brief),
	};
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
	/** One row per entry written, in id order; its message counts are filled in here. */
	reports: ReportSummary[];
	diagnostics: Diagnostic[];
}): IngestSummary {
	// A failed check is counted once, as a check: not again through the diagnostic that prints it.
	const failedCheckIds = new Map<string, Set<string>>();
	const noteFailures = (file: string, ids: readonly string[]) => {
		const set = failedCheckIds.get(file) ?? new Set<string>();
		for (const id of ids) set.add(id);
		failedCheckIds.set(file, set);
	};
	for (const report of run.parsed) noteFailures(report.file, report.failedCheckIds);
	for (const row of run.reports)
		noteFailures(
			row.file,
			row.failedCrossYearChecks.map((c) => c.id),
		);
	const messages = run.diagnostics.filter((d) => !failedCheckIds.get(d.file)?.has(d.ruleId));
	// Grouped once: filtering every message for every entry grows with the square of the corpus.
	const messagesByFile = new Map<string, Diagnostic[]>();
	for (const d of messages) {
		const list = messagesByFile.get(d.file);
		if (list) list.push(d);
		else messagesByFile.set(d.file, [d]);
	}

	const reports: ReportSummary[] = run.reports.map((row) => {
		const own = messagesByFile.get(row.file) ?? [];
		return {
			...row,
			warnings: countBySeverity(own, 'warning'),
			errors: countBySeverity(own, 'error'),
		};
	});
	// In the schema's order (text, html, pdf, docx), forms with no report left out.
	const forms: Record<string, number> = {};
	for (const form of sourceFormatSchema.options) {
		const n = run.parsed.filter((r) => r.format === form).length;
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
			written: reports.length,
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
