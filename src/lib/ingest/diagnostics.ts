/**
 * Ingest-level diagnostics, in the parser's Diagnostic shape so that every problem
 * prints as `file:line:col severity rule-id message`.
 */
import type { Diagnostic } from '../model/record.ts';
import { ruleUrl } from '../model/rules.ts';

export function fileDiagnostic(
	file: string,
	severity: Diagnostic['severity'],
	ruleId: string,
	message: string,
	line = 1,
	col = 1,
): Diagnostic {
	return { file, line, col, severity, ruleId, message, source: 'ingest', url: ruleUrl(ruleId) };
}

/** 1-based line and column of the first occurrence of `needle`, so a message points where the name is printed. */
export function locate(text: string, needle: string | null): { line: number; col: number } {
	const index = needle ? text.indexOf(needle) : -1;
	if (index < 0) return { line: 1, col: 1 };
	const before = text.slice(0, index);
	const line = before.split('\n').length;
	return { line, col: index - before.lastIndexOf('\n') };
}

/**
 * A file name as printed in a line-oriented output (diagnostics, summary, progress): a name with
 * a line break or other control character, a quote, or a `:digit` that could pass for the
 * `file:line:col` of a forged message is printed as a JSON string, escapes and all.
 */
export function quoteFileName(name: string): string {
	return /[\u0000-\u001f\u007f-\u009f\u2028\u2029"\\]|:\d/.test(name) ? JSON.stringify(name) : name;
}

/**
 * At most `max` messages per file; the rest become one message saying how many more there are
 * (a row of 100,000 numbers once made 100,000 warnings), so one report cannot flood the log,
 * the summary or its page.
 */
const CAPPED = 'messages-capped';

export function capPerFile(diagnostics: Diagnostic[], max: number): Diagnostic[] {
	const kept: Diagnostic[] = [];
	const dropped = new Map<string, number>();
	const seen = new Map<string, number>();
	for (const d of diagnostics) {
		// A list capped before (a record's own messages) keeps its "N more" and does not count.
		if (d.ruleId === CAPPED) {
			kept.push(d);
			continue;
		}
		const n = (seen.get(d.file) ?? 0) + 1;
		seen.set(d.file, n);
		if (n <= max) kept.push(d);
		else dropped.set(d.file, (dropped.get(d.file) ?? 0) + 1);
	}
	for (const [file, count] of dropped)
		kept.push(
			fileDiagnostic(
				file,
				'warning',
				CAPPED,
				`还有 ${count} 条提示未列出（每份报告最多列出 ${max} 条）；请先按已列出的提示修正文件`,
			),
		);
	return kept;
}
