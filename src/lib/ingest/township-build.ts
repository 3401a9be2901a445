/**
 * The ingest's second pass over one township: each of its chosen reports, oldest first, is read
 * again, checked against the report of the year before and turned into its collection files
 * (entry, original, detail) and the small rows the summary needs. One township at a time because
 * the cross-year checks need only the report just before; one function, so the one-thread ingest
 * and the parse workers build byte-identical files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	reportEntrySchema,
	type ReportDetail,
	type ReportEntry,
	type Township,
} from '../model/entry.ts';
import { originalExtension } from '../model/original.ts';
import type { CheckResult, Diagnostic, ReportRecord } from '../model/record.ts';
import { checkCarryOver, checkDocumentsInForce, type YearReport } from './cross-year.ts';
import { fileDiagnostic } from './diagnostics.ts';
import {
	REPORTS_DIR,
	recordDiagnostics,
	sha256Of,
	type ParsedReport,
	type ReportParser,
} from './first-pass.ts';
import { LIMITS, sizeText } from './limits.ts';
import { withProvenance } from './provenance.ts';
import type { FileReason, ReportSummary } from './summary.ts';
import type { CollectionFile } from './write-collection.ts';

/** A report chosen for its slot (township and year), with everything its entry needs but the parse. */
export interface ChosenReport extends ParsedReport {
	/** Township code, or a curator's body key. */
	code: string;
	year: number;
	id: string;
	/** Path below content/reports/ of the report this one corrects, or null. */
	replaces: string | null;
	/** The entry's township part (names, places above it, pinyin). */
	township: Township;
	/** Messages the ingest adds to the record (a duplicate's), after the parser's. */
	ingestDiagnostics: Diagnostic[];
}

/** What one chosen report gives the collection and the run's log. */
export interface BuiltReport {
	/** Entry, original and detail file, in the order they are written; none when not published. */
	files: CollectionFile[];
	summary: ReportSummary | null;
	crossYearFailures: Diagnostic[];
	/** Why it was left out (too large, invalid), when it was. */
	buildDiagnostics: Diagnostic[];
	skipped: FileReason[];
	provenanceDiagnostics: Diagnostic[];
}

/** `reports`: one township's chosen reports, oldest first. */
export function buildTownship(
	reports: readonly ChosenReport[],
	parser: ReportParser,
	rootDir: string,
	readFile: (path: string) => Uint8Array,
): BuiltReport[] {
	let previous: YearReport | undefined;
	return reports.map((report) => {
		const { record, text } = reparse(report, parser, readFile);
		const current: YearReport = { id: report.id, code: report.code, year: report.year, record };
		const crossYear =
			previous?.code === report.code && previous.year === report.year - 1
				? [...checkCarryOver(previous, current), ...checkDocumentsInForce(previous, current)]
				: [];
		previous = current;
		return buildReport(report, record, text, crossYear, rootDir);
	});
}

/**
 * The second pass reads a chosen file again: the same bytes as the first (else the run stops),
 * parsed again or, with the parse cache, read from it; the record's messages are capped and
 * answered as in the first pass, and the ingest's own (a duplicate's) added.
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
	record.diagnostics = [
		...recordDiagnostics(record, report.yearConfirmed),
		...report.ingestDiagnostics,
	];
	return { record, text: parser.decodeReport(bytes, { file: report.file }).text };
}

function buildReport(
	report: ChosenReport,
	record: ReportRecord,
	text: string,
	crossYearChecks: CheckResult[],
	rootDir: string,
): BuiltReport {
	const built: BuiltReport = {
		files: [],
		summary: null,
		crossYearFailures: [],
		buildDiagnostics: [],
		skipped: [],
		provenanceDiagnostics: [],
	};
	const made = buildEntry(report, record, text, crossYearChecks, built);
	if (!made) return built;
	const [entry] = withProvenance([made.entry], rootDir, built.provenanceDiagnostics);
	built.summary = reportSummaryOf(entry!);
	built.crossYearFailures = crossYearFailures(entry!);
	built.files.push({ path: `reports/${entry!.id}.json`, content: JSON.stringify(entry) });
	// The original (a page, PDF or Word file, or any downloaded report) is kept byte for byte.
	const ext = originalExtension(entry!);
	if (ext)
		built.files.push({
			path: `originals/${entry!.id}.${ext}`,
			content: readFileSync(join(rootDir, entry!.sourceFile)),
		});
	built.files.push({
		path: `details/${made.detail.id}.json`,
		content: JSON.stringify(made.detail),
	});
	return built;
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
	log: Pick<BuiltReport, 'buildDiagnostics' | 'skipped'>,
): { entry: ReportEntry; detail: ReportDetail } | null {
	const { checks } = record;
	const candidate: ReportEntry = {
		id: report.id,
		township: report.township,
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
		log.buildDiagnostics.push(fileDiagnostic(report.file, 'error', 'report-too-large', reason));
		log.skipped.push({ file: report.file, reason });
		return null;
	}
	const checked = reportEntrySchema.safeParse(candidate);
	if (!checked.success) {
		const problems = checked.error.issues
			.slice(0, 3)
			.map((i) => `${i.path.join('.')}: ${i.message}`)
			.join('; ');
		log.buildDiagnostics.push(
			fileDiagnostic(
				report.file,
				'error',
				'entry-invalid',
				`解析出的记录不符合网站的数据结构，未发布：${problems}`,
			),
		);
		log.skipped.push({ file: report.file, reason: `entry-invalid: ${problems}` });
		return null;
	}
	return { entry: checked.data, detail: { id: report.id, sourceText: text, checks } };
}

/** Passed checks counted by rule id: the entry carries these counts, not the checks. */
function countPassed(checks: readonly CheckResult[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const check of checks)
		if (check.status === 'pass') counts[check.id] = (counts[check.id] ?? 0) + 1;
	return counts;
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
