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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../model/record.ts';
import { sourceFormatSchema } from '../model/record.ts';
import type { ReportDetail, ReportEntry } from '../model/entry.ts';
import { CORRECTIONS_FILE, loadCorrections, type Corrections } from './corrections.ts';
import { reportPathKey } from './curator-file.ts';
import { capPerFile, fileDiagnostic } from './diagnostics.ts';
import { discoverReportFiles, type IgnoredEntry, type ReportFile } from './discover.ts';
import { lockOutput } from './output-lock.ts';
import type { Divisions } from './divisions.ts';
import { selectReports } from './duplicates.ts';
import {
	REPORTS_DIR,
	firstPass,
	type FirstPassOutcome,
	type ParsedReport,
	type ReportParser,
} from './first-pass.ts';
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
import { buildTownship, type BuiltReport, type ChosenReport } from './township-build.ts';
import { FIRST_REPORT_YEAR, isPlausibleYear } from '../report/year-check.ts';
import { LIMITS } from './limits.ts';
import { writeCollection, type CollectionFile, type WriteFile } from './write-collection.ts';

export { REPORTS_DIR, type ReportParser };
export const GENERATED_DIR = 'content/generated';

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

interface PlacedReport extends ParsedReport {
	identity: Identity;
	code: string;
	year: number;
	/** Messages the ingest adds to the record (a duplicate's), after the parser's. */
	ingestDiagnostics: Diagnostic[];
}

/** A chosen report before its township part is filled in (just before it is built). */
type Slotted = Omit<ChosenReport, 'township'> & { identity: Identity };

/** The one-thread ingest: every file parsed and built in this thread, in order. */
export function runIngest(parser: ReportParser, options: IngestOptions): IngestResult {
	const release = lockOutput(join(options.rootDir, `${GENERATED_DIR}.lock`), 'npm run ingest');
	try {
		const { readFile = readFileSync, progress, rootDir } = options;
		const run = startRun(options);
		progress.start(run.files.length);
		try {
			for (const { absolutePath, relativePath } of run.files) {
				const file = `${REPORTS_DIR}/${relativePath}`;
				const outcome = firstPass(file, absolutePath, parser, readFile);
				progress.tick(file);
				takeFirstPass(run, outcome);
			}
		} finally {
			progress.stop();
		}
		const groups = chooseReports(run);
		const outcome = writeCollection(
			join(rootDir, GENERATED_DIR),
			collectionFiles(run, function* () {
				for (const group of groups) yield buildTownship(group, parser, rootDir, readFile);
			}),
			options.writeFile,
		);
		return ingestResult(run, outcome);
	} finally {
		release();
	}
}

/** Everything one run keeps: small notes per file, the log of messages, the second pass's rows. */
export interface IngestRun {
	rootDir: string;
	divisions: Divisions;
	overrides: Overrides;
	corrections: Corrections;
	files: ReportFile[];
	ignored: IgnoredEntry[];
	log: RunLog;
	parsed: ParsedReport[];
	placed: PlacedReport[];
	/** Placement messages follow every parse message, as when the phases ran one after the other. */
	placeDiagnostics: Diagnostic[];
	superseded: FileReason[];
	build: BuildLog;
}

/** Curator files read and report files found: what both passes start from. */
export function startRun({
	rootDir,
	divisions,
}: Pick<IngestOptions, 'rootDir' | 'divisions'>): IngestRun {
	const overrides = loadOverrides(join(rootDir, OVERRIDES_FILE), divisions);
	const corrections = loadCorrections(join(rootDir, CORRECTIONS_FILE));
	const reportsDir = join(rootDir, REPORTS_DIR);
	const { files, ignored } = existsSync(reportsDir)
		? discoverReportFiles(reportsDir)
		: { files: [], ignored: [] };
	return {
		rootDir,
		divisions,
		overrides,
		corrections,
		files,
		ignored,
		log: { diagnostics: [], rejected: [], skipped: [] },
		parsed: [],
		placed: [],
		placeDiagnostics: [],
		superseded: [],
		build: {
			summaries: [],
			crossYearFailures: [],
			buildDiagnostics: [],
			provenanceDiagnostics: [],
		},
	};
}

/** One file's first-pass outcome, taken in file order: noted, placed, or recorded as rejected. */
export function takeFirstPass(run: IngestRun, outcome: FirstPassOutcome): void {
	if (outcome.kind === 'rejected') {
		run.log.rejected.push(outcome.rejected);
		if (outcome.diagnostic) run.log.diagnostics.push(outcome.diagnostic);
		return;
	}
	run.parsed.push(outcome.report);
	const place = placeReport(outcome, run);
	if (place) run.placed.push(place);
}

/**
 * After the first pass: unused overrides reported, one report kept per township and year, and the
 * chosen ones grouped by township, oldest first (each report's cross-year checks need only the one
 * before). The township part of each entry is filled in as its group is taken.
 */
export function chooseReports(run: IngestRun): Iterable<ChosenReport[]> {
	const { log, overrides, files, rootDir, divisions } = run;
	log.diagnostics.push(...run.placeDiagnostics);
	run.placeDiagnostics = [];
	for (const entry of overrides.unused())
		log.diagnostics.push(
			fileDiagnostic(
				OVERRIDES_FILE,
				'warning',
				'override-unused',
				`${entry.file ?? entry.township} 这一条没有对应任何报告；删除这一条，或改正其中的路径或名称`,
			),
		);
	const selection = selectReports(
		run.placed,
		run.corrections,
		new Set(files.map((f) => reportPathKey(f.relativePath))),
		previouslyPublished(join(rootDir, GENERATED_DIR)),
	);
	run.placed = [];
	log.diagnostics.push(...selection.diagnostics);
	for (const { kept, others, why } of selection.conflicts) {
		const warning = fileDiagnostic(
			kept.file,
			'warning',
			'duplicate-report',
			`同一乡镇同一年度还有 ${others.join('、')}；本站发布的是这份文件（${why}）`,
		);
		// In the log, and on the record, so the report's page states it (ParseNotes lists record.diagnostics).
		kept.diagnostics.push(warning);
		kept.ingestDiagnostics.push(warning);
	}
	log.skipped.push(...selection.duplicates);
	run.superseded = selection.superseded;
	const chosen: Slotted[] = selection.selected
		.map(({ report, replaces }) => ({ ...report, id: `${report.code}-${report.year}`, replaces }))
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year));
	return townshipGroups(chosen, divisions);
}

function* townshipGroups(chosen: Slotted[], divisions: Divisions): Generator<ChosenReport[]> {
	for (let start = 0; start < chosen.length;) {
		let end = start + 1;
		while (end < chosen.length && chosen[end]!.code === chosen[start]!.code) end++;
		yield chosen.slice(start, end).map(({ identity, ...report }) => ({
			...report,
			township: townshipEntry(identity, divisions),
		}));
		start = end;
	}
}

/**
 * The files of the collection, from each township's built reports in order, then the summary, which
 * comes last from the small rows gathered on the way.
 */
export function* collectionFiles(
	run: IngestRun,
	townships: () => Iterable<BuiltReport[]>,
): Generator<CollectionFile> {
	for (const township of townships()) for (const built of township) yield* takeBuilt(run, built);
	yield summaryFile(run);
}

/** One built report's rows noted; its files returned for the writer. */
export function takeBuilt(run: IngestRun, built: BuiltReport): CollectionFile[] {
	const { build, log } = run;
	build.buildDiagnostics.push(...built.buildDiagnostics);
	log.skipped.push(...built.skipped);
	build.provenanceDiagnostics.push(...built.provenanceDiagnostics);
	if (built.summary) build.summaries.push(built.summary);
	build.crossYearFailures.push(...built.crossYearFailures);
	return built.files;
}

/** The run's summary and every message, in file order; the summary file to write last. */
export function summaryFile(run: IngestRun): CollectionFile {
	const { log, build } = run;
	log.diagnostics.push(...build.buildDiagnostics, ...build.provenanceDiagnostics);
	build.summaries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

	// The parser already reports its own failed checks as diagnostics; cross-year ones are added here.
	const diagnostics = capPerFile(
		sortDiagnostics([
			...log.diagnostics,
			...run.parsed.flatMap((p) => p.diagnostics.filter((d) => d.severity !== 'info')),
			...build.crossYearFailures,
		]),
		LIMITS.messagesPerReport,
	);
	const summary = summarize({
		...log,
		read: run.files.length,
		parsed: run.parsed,
		superseded: run.superseded,
		ignored: run.ignored.map((i) => ({
			file: `${REPORTS_DIR}/${i.relativePath}`,
			reason: i.reason,
		})),
		reports: build.summaries,
		diagnostics,
	});
	build.result = { summary, diagnostics };
	return { path: 'ingest-summary.json', content: JSON.stringify(summary, null, '\t') + '\n' };
}

/** What the run returns once the collection is in place. */
export function ingestResult(
	run: IngestRun,
	outcome: { files: number; unchanged: number; warnings: string[] },
): IngestResult {
	const generated = join(run.rootDir, GENERATED_DIR);
	const { summary, diagnostics } = run.build.result!;
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
	result?: { summary: IngestSummary; diagnostics: Diagnostic[] };
}

/** Gives a report its township (or body) and year; a report that has neither cannot be published. */
function placeReport(
	outcome: Extract<FirstPassOutcome, { kind: 'parsed' }>,
	run: IngestRun,
): PlacedReport | null {
	const { report, metadata, townshipAt: at } = outcome;
	const diagnostics = run.placeDiagnostics;
	const resolution = resolveTownship(
		{ file: report.file, ...metadata },
		run.divisions,
		run.overrides,
	);
	if (!resolution.ok) {
		diagnostics.push(
			fileDiagnostic(report.file, 'error', resolution.ruleId, resolution.message, at.line, at.col),
		);
		run.log.skipped.push({
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
		run.log.skipped.push({ file: report.file, reason: `year-unknown: ${message}` });
		return null;
	}
	if (!isPlausibleYear(year, new Date().getUTCFullYear())) {
		if (resolution.override?.year !== year) {
			run.log.skipped.push({ file: report.file, reason: unconfirmedYear(report.file, year) });
			return null;
		}
		// Confirmed by the curator: the parser's year-implausible error is answered.
		report.diagnostics = report.diagnostics.filter((d) => d.ruleId !== 'year-implausible');
		report.yearConfirmed = true;
	}
	const code =
		resolution.identity.kind === 'township'
			? resolution.identity.code
			: resolution.identity.body.key;
	return { ...report, identity: resolution.identity, code, year, ingestDiagnostics: [] };
}

function unconfirmedYear(file: string, year: number): string {
	return `year-implausible: 报告年度 ${year} 年不在 ${FIRST_REPORT_YEAR} 年至今之间，未发布；如确为该年度，在 ${OVERRIDES_FILE} 的本文件条目中加上 "year": ${year}（{"file": "${reportPathKey(file)}", "code": "…", "year": ${year}}）`;
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
