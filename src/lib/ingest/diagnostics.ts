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
