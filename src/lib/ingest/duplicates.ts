/**
 * One report per township and year. Two files for the same code and year are an error
 * unless one is declared a correction of the other (content/reports.corrections.json);
 * then the correction wins and records which file it replaces. An undeclared pair never
 * unpublishes a page: the file published last time is kept (on a first conflict, the first
 * path in code-unit order), the conflict is stated, and only --strict fails the run.
 */
import type { Diagnostic } from '../model/record.ts';
import { CORRECTIONS_FILE, type Corrections } from './corrections.ts';
import { reportPathKey } from './curator-file.ts';
import { fileDiagnostic } from './diagnostics.ts';

export interface PlacedReport {
	/** Path as given to the parser, e.g. content/reports/2023/x.txt. */
	file: string;
	/** Township code or x- key. */
	code: string;
	year: number;
}

export interface Selection<T extends PlacedReport> {
	/** The reports to publish, each with the file it replaces (under content/reports/) or null. */
	selected: { report: T; replaces: string | null }[];
	/** Files replaced by a correction. */
	superseded: { file: string; reason: string }[];
	/** Files left out because another file claims the same township and year. */
	duplicates: { file: string; reason: string }[];
	/** Undeclared pairs: the file kept, the files left out, and why this one (stated on its page). */
	conflicts: { kept: T; others: string[]; why: string }[];
	diagnostics: Diagnostic[];
}

export function selectReports<T extends PlacedReport>(
	reports: T[],
	corrections: Corrections,
	/** Every file the run discovered (keys under content/reports/), to tell a missing original from a misplaced one. */
	discoveredFiles: ReadonlySet<string>,
	/** Slot ("code-year") → file (key under content/reports/) published by the previous run. */
	published: ReadonlyMap<string, string> = new Map(),
): Selection<T> {
	const result: Selection<T> = {
		selected: [],
		superseded: [],
		duplicates: [],
		conflicts: [],
		diagnostics: [],
	};
	const groups = new Map<string, T[]>();
	for (const report of reports) {
		const key = `${report.code}-${report.year}`;
		const group = groups.get(key);
		if (group) group.push(report);
		else groups.set(key, [report]);
	}
	const slotOf = new Map<string, string>(
		reports.map((r) => [reportPathKey(r.file), `${r.code}-${r.year}`]),
	);

	for (const [slot, group] of groups) {
		const keys = new Set(group.map((r) => reportPathKey(r.file)));
		const superseded = supersededWithin(keys, corrections);
		const heads = group.filter((r) => !superseded.has(reportPathKey(r.file)));

		if (heads.length > 1) {
			const names = heads.map((r) => r.file);
			const [first, second] = heads.map((r) => reportPathKey(r.file));
			for (const report of heads) {
				const others = names.filter((n) => n !== report.file).join(', ');
				result.diagnostics.push(
					fileDiagnostic(
						report.file,
						'error',
						'duplicate-report',
						`本报告与 ${others} 都属于乡镇 ${report.code} 的 ${report.year} 年度；请只保留一个文件，如一份是另一份的更正，在 ${CORRECTIONS_FILE} 中加入 ` +
							`{"file": "${second}", "replaces": "${first}", "note": "<why>"}`,
					),
				);
			}
			const previous = heads.find((r) => reportPathKey(r.file) === published.get(slot));
			const kept = previous ?? [...heads].sort((a, b) => (a.file < b.file ? -1 : 1))[0]!;
			const why = previous
				? '上次发布的就是这份文件，继续发布它'
				: '首次出现冲突，按路径顺序发布第一份文件';
			const others = names.filter((n) => n !== kept.file);
			result.conflicts.push({ kept, others, why });
			for (const report of group)
				if (report !== kept && heads.includes(report))
					result.duplicates.push({
						file: report.file,
						reason: `未发布：与 ${kept.file} 同为乡镇 ${report.code} ${report.year} 年度的报告，发布的是后者（${why}）`,
					});
			heads.splice(0, heads.length, kept);
		}

		const winner = heads[0]!;
		for (const report of group) {
			// Files of an undeclared pair are duplicates (above), not superseded.
			if (report === winner || !superseded.has(reportPathKey(report.file))) continue;
			result.superseded.push({
				file: report.file,
				reason: `replaced by ${winner.file} (${CORRECTIONS_FILE})`,
			});
		}
		result.selected.push({
			report: winner,
			replaces: replacedOriginal(winner, slot, corrections, slotOf, discoveredFiles, result),
		});
	}
	return result;
}

/** Files of one group that a later file of the same group replaces, directly or through a chain with gaps. */
function supersededWithin(keys: Set<string>, corrections: Corrections): Set<string> {
	const superseded = new Set<string>();
	for (const key of keys) {
		for (let at = corrections.get(key); at !== undefined; at = corrections.get(at))
			if (keys.has(at)) superseded.add(at);
	}
	return superseded;
}

/** The file a correction replaces, checked against where that file actually landed. */
function replacedOriginal<T extends PlacedReport>(
	winner: T,
	slot: string,
	corrections: Corrections,
	slotOf: Map<string, string>,
	discoveredFiles: ReadonlySet<string>,
	result: Selection<T>,
): string | null {
	const original = corrections.get(reportPathKey(winner.file));
	if (original === undefined) return null;
	const originalSlot = slotOf.get(original);
	if (originalSlot !== undefined && originalSlot !== slot) {
		result.diagnostics.push(
			fileDiagnostic(
				winner.file,
				'warning',
				'correction-mismatch',
				`${CORRECTIONS_FILE} 中声明本文件更正 ${original}，但本报告属于 ${slot}，那份属于 ${originalSlot}；两份都保留`,
			),
		);
		return null;
	}
	if (originalSlot === undefined && !discoveredFiles.has(original)) {
		result.diagnostics.push(
			fileDiagnostic(
				winner.file,
				'warning',
				'correction-original-missing',
				`声明更正的 ${original} 不在 content/reports/ 中（${CORRECTIONS_FILE}）`,
			),
		);
	}
	return original;
}
