/**
 * Whether a text is an annual report at all. A report is kept when it has a table, or two
 * section headings, or when it names itself (a title, or an opening sentence naming the
 * 政府信息公开工作年度报告) and has a heading or the statistics-period sentence: reports whose
 * tables were published as images, or that are narrative only, are reports with missing
 * tables (diagnostics), not rejections. A notice about the reports, or a list of their
 * titles, names a report but has neither, and is refused.
 */
import { compact, type SourceLines } from './source.ts';

/** An opening sentence that names the report it opens. */
const SELF_NAMING =
	/(?:政府信息公开|政务公开|政务信息公开)(?:工作)?的?(?:情况)?(?:年度报告|年报|工作报告)/;
const OPENING_LINES = 8;

export interface ReportEvidence {
	src: SourceLines;
	sectionsFound: number;
	tablesFound: number;
	title: string | null;
	hasStatisticsPeriod: boolean;
}

export function namesItself(src: SourceLines, title: string | null): boolean {
	if (title !== null) return true;
	return src.norm
		.map((l) => compact(l))
		.filter(Boolean)
		.slice(0, OPENING_LINES)
		.some((l) => SELF_NAMING.test(l));
}

export function isAnnualReport(e: ReportEvidence): boolean {
	if (e.tablesFound > 0 || e.sectionsFound >= 2) return true;
	return namesItself(e.src, e.title) && (e.sectionsFound >= 1 || e.hasStatisticsPeriod);
}
