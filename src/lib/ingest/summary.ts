/**
 * What one ingest run did, as content/generated/ingest-summary.json and as the closing
 * lines on the terminal: counts, rejected and skipped files with reasons, warnings and
 * failed checks per report.
 */
import type { CheckResult, Diagnostic } from '../model/record.ts';
import { quoteFileName } from './diagnostics.ts';

export interface FileReason {
	file: string;
	reason: string;
}

export interface ReportSummary {
	id: string;
	file: string;
	township: string;
	year: number;
	replaces: string | null;
	warnings: number;
	errors: number;
	failedChecks: Pick<CheckResult, 'id' | 'scope' | 'message' | 'line'>[];
	failedCrossYearChecks: Pick<CheckResult, 'id' | 'scope' | 'message' | 'line'>[];
}

export interface IngestSummary {
	/** Parsed reports by the form they were published in (text, html, pdf, docx). */
	forms: Record<string, number>;
	counts: {
		/** Files found under content/reports/ and read. */
		read: number;
		/** Files the parser turned into a record. */
		parsed: number;
		/** Files the parser refused (not a report, undecodable). */
		rejected: number;
		/** Parsed reports left out: township not found, duplicate, no year. */
		skipped: number;
		/** Reports replaced by a correction. */
		superseded: number;
		/** Entries under content/reports/ not read: links, FIFOs, hidden names (listed in `ignored`). */
		ignored: number;
		written: number;
		/** Warnings and errors other than failed checks, which are counted apart. */
		warnings: number;
		errors: number;
		failedChecks: number;
		failedCrossYearChecks: number;
	};
	rejected: FileReason[];
	skipped: FileReason[];
	superseded: FileReason[];
	ignored: FileReason[];
	/** Every warning and error printed by the run: the parser's (its failed checks included), cross-year failures, the ingest step's own. */
	diagnostics: Diagnostic[];
	reports: ReportSummary[];
}

export function countBySeverity(
	diagnostics: Diagnostic[],
	severity: Diagnostic['severity'],
): number {
	return diagnostics.filter((d) => d.severity === severity).length;
}

/** Whether `--strict` fails the run: any warning, error, failed check, rejection or skipped report. */
export function hasProblems(summary: IngestSummary): boolean {
	const c = summary.counts;
	return (
		c.warnings + c.errors + c.failedChecks + c.failedCrossYearChecks + c.rejected + c.skipped > 0
	);
}

export function summaryLines(summary: IngestSummary): string[] {
	const c = summary.counts;
	const lines = [
		`ingest: ${c.read} read, ${c.parsed} parsed, ${c.written} written, ${c.rejected} rejected, ${c.skipped} skipped` +
			(c.superseded > 0 ? `, ${c.superseded} superseded by corrections` : '') +
			(c.ignored > 0 ? `, ${c.ignored} ignored` : ''),
		`ingest: ${c.warnings} warning${c.warnings === 1 ? '' : 's'}, ${c.errors} error${c.errors === 1 ? '' : 's'}, ` +
			`${c.failedChecks} failed check${c.failedChecks === 1 ? '' : 's'}, ${c.failedCrossYearChecks} failed cross-year check${c.failedCrossYearChecks === 1 ? '' : 's'}`,
	];
	const forms = Object.entries(summary.forms ?? {});
	if (forms.length > 0)
		lines.push(`ingest: forms: ${forms.map(([form, n]) => `${n} ${form}`).join(', ')}`);
	const list = (title: string, items: FileReason[]) => {
		if (items.length === 0) return;
		lines.push(`${title}:`);
		for (const item of items) lines.push(`  ${quoteFileName(item.file)}: ${item.reason}`);
	};
	list('rejected', summary.rejected);
	list('skipped', summary.skipped);
	list('superseded', summary.superseded);
	list('ignored', summary.ignored);
	const withFailures = summary.reports.filter(
		(r) => r.failedChecks.length + r.failedCrossYearChecks.length > 0,
	);
	if (withFailures.length > 0) {
		lines.push('failed checks:');
		for (const r of withFailures) {
			const ids = [...r.failedChecks, ...r.failedCrossYearChecks].map((f) => `${f.id}(${f.scope})`);
			lines.push(`  ${r.id} ${r.township} ${r.year} (${quoteFileName(r.file)}): ${ids.join(' ')}`);
		}
	}
	return lines;
}
