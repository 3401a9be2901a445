/**
 * Implausible report years (issue 13 item 9). The regulation's first reports cover 2008;
 * a report year before that, or after the year the site is built, is most likely a typo
 * (1900, 2099), but it is read as printed and flagged as an error the curator must confirm
 * with a "year" in the report's entry in content/townships.overrides.json. Until then the
 * ingest does not publish the report.
 */
export const FIRST_REPORT_YEAR = 2008;
const OVERRIDES_FILE = 'content/townships.overrides.json';

/** A parser diagnostic without its file (the parser adds it). */
export interface YearDiagnostic {
	line: number;
	col: number;
	ruleId: 'year-implausible';
	severity: 'error';
	message: string;
}

export function isPlausibleYear(year: number, buildYear: number): boolean {
	return year >= FIRST_REPORT_YEAR && year <= buildYear;
}

/** The error for an implausible year, pointing at the line that prints it; null when plausible. */
export function implausibleYearDiagnostic(
	year: number | null,
	buildYear: number,
	file: string,
	lines: string[],
): YearDiagnostic | null {
	if (year === null || isPlausibleYear(year, buildYear)) return null;
	const at = lines.findIndex((l) => l.includes(String(year)));
	const why =
		year < FIRST_REPORT_YEAR
			? `早于 ${FIRST_REPORT_YEAR} 年（条例施行后的第一个报告年度）`
			: `晚于构建年份 ${buildYear} 年`;
	return {
		line: at + 1 || 1,
		col: at === -1 ? 1 : lines[at]!.indexOf(String(year)) + 1,
		ruleId: 'year-implausible',
		severity: 'error',
		message:
			`报告年度 ${year} 年${why}，可能是笔误；核对原文后，如确为该年度，请在 ${OVERRIDES_FILE} ` +
			`中为本文件加上 "year": ${year} 确认，例如 {"file": "${file}", "code": "<9 位代码>", "year": ${year}}；确认前不发布`,
	};
}
