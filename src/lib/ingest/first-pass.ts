/**
 * The ingest's first pass over one file, on its own: read it, parse it and keep a small note of it
 * (no record, no text), or say why it cannot be used. One function, so the one-thread ingest
 * (run-ingest.ts) and the parse workers (parse-worker.ts) do exactly the same thing per file and
 * their collections are byte-identical.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Diagnostic, Metadata, ReportRecord, SourceFormat } from '../model/record.ts';
import { capPerFile, fileDiagnostic, locate } from './diagnostics.ts';
import { LIMITS, sizeText } from './limits.ts';
import type { FileReason } from './summary.ts';

export const REPORTS_DIR = 'content/reports';

/** The parser library's entry points (src/lib/report/index.ts), passed in so tests can stand in for it. */
export interface ReportParser {
	parseReport(input: Uint8Array, options: { file: string }): ReportRecord;
	/** The text the record's lines point into (derived text for pages, PDFs and Word files). */
	decodeReport(bytes: Uint8Array, options?: { file: string }): { text: string };
}

/** What the first pass keeps of a parsed file: no record, no text. */
export interface ParsedReport {
	/** Path as shown to the curator and given to the parser: content/reports/…. */
	file: string;
	absolutePath: string;
	/** SHA-256 of the bytes parsed, so the second pass knows it reads the same file. */
	sha256: string;
	format: SourceFormat;
	/** Ids of the parser's failed checks: the summary counts them as checks, not as messages. */
	failedCheckIds: string[];
	/**
	 * The record's warnings and errors (capped; answered ones removed), for the run's log. Its info
	 * messages, most of the total, are not kept: the second pass takes them from the record again
	 * (recordDiagnostics), so the notes of a whole corpus stay small.
	 */
	diagnostics: Diagnostic[];
	/** The curator confirmed an implausible year (overrides): the parser's year-implausible is answered. */
	yearConfirmed: boolean;
}

/** The record's messages as its entry carries them: capped per file, answered ones removed. */
export function recordDiagnostics(record: ReportRecord, yearConfirmed: boolean): Diagnostic[] {
	const capped = capPerFile(record.diagnostics, LIMITS.messagesPerReport);
	return yearConfirmed ? capped.filter((d) => d.ruleId !== 'year-implausible') : capped;
}

/** One file after the first pass: its note and what placing it needs, or why it is not used. */
export type FirstPassOutcome =
	| {
			kind: 'parsed';
			report: ParsedReport;
			metadata: Metadata;
			/** Where the township's name first appears in the text (1,1 when it does not). */
			townshipAt: { line: number; col: number };
	  }
	| { kind: 'rejected'; rejected: FileReason; diagnostic: Diagnostic | null };

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function firstPass(
	file: string,
	absolutePath: string,
	parser: ReportParser,
	readFile: (path: string) => Uint8Array,
): FirstPassOutcome {
	const reject = (reason: string, ruleId?: string): FirstPassOutcome => ({
		kind: 'rejected',
		rejected: { file, reason },
		diagnostic: ruleId ? fileDiagnostic(file, 'error', ruleId, reason) : null,
	});
	try {
		const size = statSync(absolutePath).size;
		if (size > LIMITS.reportBytes)
			return reject(
				`report-too-large: 文件 ${sizeText(size)}，超过每份报告 ${sizeText(LIMITS.reportBytes)} 的上限，未读取；请确认这是一份报告的正文（不是合集或误存的数据）`,
				'report-too-large',
			);
		const bytes = readFile(absolutePath);
		const record = parser.parseReport(bytes, { file });
		const text = parser.decodeReport(bytes, { file }).text;
		return {
			kind: 'parsed',
			report: {
				file,
				absolutePath,
				sha256: sha256Of(bytes),
				format: record.source.format,
				failedCheckIds: record.checks.filter((c) => c.status === 'fail').map((c) => c.id),
				diagnostics: recordDiagnostics(record, false).filter((d) => d.severity !== 'info'),
				yearConfirmed: false,
			},
			metadata: record.metadata,
			townshipAt: locate(text, record.metadata.township),
		};
	} catch (error) {
		if (isReadError(error))
			return reject(
				`unreadable: 无法读取文件（${error.code}）；请检查文件权限后重新运行`,
				'file-unreadable',
			);
		if (isRejection(error)) return reject(error.message);
		// A parser bug shows on one file; record it loudly and go on with the others.
		return reject(parserCrash(error), 'parser-crash');
	}
}

/** The reason given for a file the parser failed on (an exception, or a worker that died). */
export function parserCrash(error: unknown): string {
	return `parser error: ${error instanceof Error ? error.message : String(error)}`;
}

/** The outcome for a file whose parse killed its worker (out of memory, a native crash). */
export function crashedOutcome(file: string, error: unknown): FirstPassOutcome {
	const reason = parserCrash(error);
	return {
		kind: 'rejected',
		rejected: { file, reason },
		diagnostic: fileDiagnostic(file, 'error', 'parser-crash', reason),
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
