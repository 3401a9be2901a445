import type { Diagnostic } from '../model/record.ts';

/** `file:line:col severity rule-id message`, the form editors and CI annotate from. */
export function formatDiagnostic(d: Diagnostic): string {
	return `${d.file}:${d.line}:${d.col} ${d.severity} ${d.ruleId} ${d.message}`;
}
