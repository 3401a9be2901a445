/**
 * One report's text → its canonical record: decode, split into lines, find the sections,
 * read the three tables, place every number in a cell (or report it), run the checks.
 */
import { runChecks, type StructureProblem } from './checks.ts';
import { decodeReport, ReportRejection, type DecodedText } from './decode.ts';
import type { ReportForm } from './extract/form.ts';
import { ruleUrl } from '../model/rules.ts';
import { extractMetadata } from './metadata.ts';
import type { CellProvenance, Diagnostic, ReportRecord, Table3, Table4 } from '../model/record.ts';
import { findSections, findTrailer, sectionText } from './sections.ts';
import { tableRegions } from './table-regions.ts';
import { isAnnualReport } from './is-report.ts';
import { implausibleYearDiagnostic } from './year-check.ts';
import { compact, splitSource, type SourceLines } from './source.ts';
import { detectTable2Format, type Table2Format } from './table2.ts';
import { readTable2Step } from './table2-step.ts';
import { readTable3Step } from './table3-step.ts';
import { readTable4Step } from './table4-step.ts';
import { TableBuilder, type TableStepResult, type Unassigned } from './table-builder.ts';
import { implausibleCounts, PLAUSIBLE_MAX } from './plausible.ts';
import { tokenizeRegion } from './tokens.ts';
import type { TextEnd } from './rows.ts';
import { SECTION_KEYS, SECTION_LABELS, type SectionKey } from '../model/vocabulary.ts';

export interface ParseOptions {
	/** Path shown in diagnostics. */
	file: string;
	/** Report years after this one are flagged (year-check.ts); the current year by default. */
	buildYear?: number;
	/** Where text input came from when it was derived from a page, PDF or Word file (read.ts). */
	form?: ReportForm;
}

const TABLE_NAMES: Record<string, string> = {
	table2: '表二',
	table2v2019: '表二（2019 格式）',
	table3: '表三',
	table4: '表四',
};

export function parseReport(input: Uint8Array | string, options: ParseOptions): ReportRecord {
	const form = options.form;
	const decoded: Pick<DecodedText, 'text' | 'notes'> & { encoding: string } =
		typeof input === 'string'
			? {
					text: input.replace(/^\ufeff/, ''),
					encoding: form?.encoding ?? 'utf-8',
					notes: form?.decodeNotes,
				}
			: decodeReport(input);
	if (decoded.text.trim() === '')
		throw new ReportRejection('空文件，没有可读的文字；请把报告正文粘贴进去，或删除这个文件');
	const src = splitSource(decoded.text);
	const trailerStart = findTrailer(src);
	const spans = findSections(src, trailerStart);
	const regions = tableRegions(src, spans, trailerStart);

	const cells: Record<string, CellProvenance> = {};
	const unassigned: Unassigned[] = [];
	const structure: StructureProblem[] = [];
	const labelVariants: ReportRecord['labelVariants'] = [];
	const diagnostics: Omit<Diagnostic, 'file' | 'source' | 'url'>[] = [];

	const tokensOf = (key: SectionKey, table: string) => {
		const region = regions[key];
		if (!region) return null;
		const t = tokenizeRegion(src, region.from, region.to);
		const b = new TableBuilder(table);
		for (const p of t.pageMarkers) b.unassign(p, '表格行之间的页码');
		for (const p of t.proseNumbers) b.unassign(p, '该部分正文句子中的数，不在表格内');
		for (const p of t.headerNumbers) b.unassign(p, '表头列名中的编号（如“数据1”），不是数');
		unassigned.push(...b.unassigned);
		return t.tokens;
	};

	const merge = <T>(step: TableStepResult<T>): T => {
		Object.assign(cells, step.cells);
		unassigned.push(...step.unassigned);
		structure.push(...step.problems);
		labelVariants.push(...step.labelVariants);
		return step.table;
	};

	// Table 2
	const t2tokens = tokensOf('activeDisclosure', 'table2');
	const t2text = regions.activeDisclosure
		? src.norm.slice(regions.activeDisclosure.from, regions.activeDisclosure.to).join('')
		: '';
	let format = detectTable2Format(t2text);
	const { table2, table2v2019 } = t2tokens
		? merge(readTable2Step(t2tokens, format, src))
		: { table2: null, table2v2019: null };

	// Table 3
	let table3: Table3 | null = null;
	const t3tokens = tokensOf('applications', 'table3');
	if (t3tokens) {
		const step = readTable3Step(t3tokens, src, regions.applications!.from, {
			textEnd: textEndIn(src, regions.applications!),
			shapeHint: format === '2019' || format === '2021' ? format : null,
		});
		table3 = merge(step);
		// The （六） shape is a format label too: a 2021 Table 2 with the single 2019 row is mixed.
		// A Table 3 cut off before （六）, or with an empty （六） row, shows no shape of its own.
		if (step.otherCombined !== null && step.shapeShown)
			format = combineFormat(format, step.otherCombined);
	}

	// Table 4
	const t4tokens = tokensOf('reviewLitigation', 'table4');
	const table4: Table4 | null = t4tokens
		? merge(readTable4Step(t4tokens, textEndIn(src, regions.reviewLitigation!)))
		: null;

	const overviewSpan = spans.overview;
	const metadata = extractMetadata({
		src,
		bodyStart: Math.min(...Object.values(spans).map((s) => s.start), trailerStart),
		trailerStart,
		overviewText: overviewSpan
			? sectionText(src, overviewSpan.start + 1, overviewSpan.end, false)
			: '',
	});
	// A web page's own date is evidence when the report text gives none.
	if (metadata.publicationDate === null && form?.webMeta?.publicationDate) {
		metadata.publicationDate = form.webMeta.publicationDate;
		metadata.publicationDateKind = 'web';
	}

	const sections = Object.fromEntries(
		SECTION_KEYS.map((key) => {
			const s = spans[key];
			const isTable =
				key === 'activeDisclosure' || key === 'applications' || key === 'reviewLitigation';
			return [
				key,
				s
					? {
							present: true,
							headingRaw: s.headingRaw,
							line: s.start + 1,
							endLine: s.end,
							text: sectionText(src, s.start + 1, s.end, isTable),
						}
					: { present: false, headingRaw: null, line: null, endLine: null, text: '' },
			];
		}),
	) as ReportRecord['sections'];

	const foundAnything = isAnnualReport({
		src,
		sectionsFound: Object.keys(spans).length,
		tablesFound: [table2 ?? table2v2019, table3, table4].filter((t) => t !== null).length,
		title: metadata.title,
		hasStatisticsPeriod: metadata.statisticsPeriod !== null,
	});
	if (!foundAnything) {
		throw new ReportRejection(
			metadata.title
				? `不是完整的年度报告：“${metadata.title}”之下没有年度报告的六个部分标题，也没有三张统计表；请检查是否复制了报告全文`
				: '不是政府信息公开工作年度报告：没有找到“政府信息公开工作年度报告”标题、部分标题或统计表；请确认文件是报告正文本身，而不是通知、新闻或目录页',
		);
	}

	const body = {
		schemaVersion: '1' as const,
		source: {
			file: options.file,
			encoding: decoded.encoding,
			lineCount: src.raw.length,
			format: form?.format ?? 'text',
			derived: form?.derived ?? false,
		},
		formatVersion: format,
		metadata,
		sections,
		table2,
		table2v2019,
		table3,
		table4,
		labelVariants,
		cells,
		unassigned,
	};
	const checks = runChecks(body, structure);

	for (const key of SECTION_KEYS) {
		if (!spans[key])
			diagnostics.push({
				line: 1,
				col: 1,
				ruleId: 'section-missing',
				severity: 'warning',
				message: `未找到“${SECTION_LABELS[key]}”部分`,
			});
	}
	if (!table2 && !table2v2019)
		diagnostics.push({
			line: regions.activeDisclosure ? regions.activeDisclosure.from + 1 : 1,
			col: 1,
			ruleId: 'table-missing',
			severity: 'error',
			message: '未找到表二（主动公开政府信息情况）',
		});
	if (!table3)
		diagnostics.push({
			line: regions.applications ? regions.applications.from + 1 : 1,
			col: 1,
			ruleId: 'table-missing',
			severity: 'error',
			message: '未找到表三（收到和处理政府信息公开申请情况）',
		});
	if (!table4)
		diagnostics.push({
			line: regions.reviewLitigation ? regions.reviewLitigation.from + 1 : 1,
			col: 1,
			ruleId: 'table-missing',
			severity: 'error',
			message: '未找到表四（行政复议、行政诉讼情况）',
		});
	const implausibleYear = implausibleYearDiagnostic(
		metadata.reportYear,
		options.buildYear ?? new Date().getUTCFullYear(),
		options.file.replace(/^(?:.*\/)?content\/reports\//, ''),
		src.raw,
	);
	if (implausibleYear) diagnostics.push(implausibleYear);
	if (metadata.reportYear === null)
		diagnostics.push({
			line: 1,
			col: 1,
			ruleId: 'year-missing',
			severity: 'error',
			message: '标题、统计期限和总体情况中都找不到报告年度',
		});
	if (src.convertedTraditional)
		diagnostics.push({
			line: 1,
			col: 1,
			ruleId: 'traditional-script',
			severity: 'info',
			message: '原文含繁体字，已转为简体后识别表格标签',
		});
	for (const note of decoded.notes ?? []) diagnostics.push(note);
	for (const message of form?.notes ?? [])
		diagnostics.push({ line: 1, col: 1, ruleId: 'derived-text', severity: 'info', message });
	if (decoded.encoding !== 'utf-8' && !form?.derived)
		diagnostics.push({
			line: 1,
			col: 1,
			ruleId: 'encoding',
			severity: 'info',
			message: `按 ${decoded.encoding} 编码读取`,
		});
	for (const c of implausibleCounts(cells))
		diagnostics.push({
			line: c.line,
			col: c.col,
			ruleId: 'count-implausible',
			severity: 'warning',
			message: `${c.path} 印为 ${c.raw}，超过合理上限 ${PLAUSIBLE_MAX.toLocaleString('en')}（一个机关一年的件数），请核对原文`,
		});
	for (const u of unassigned) {
		const info = /页码|合并单元格|正文句子|小计|表头/.test(u.reason);
		diagnostics.push({
			line: u.line,
			col: u.col,
			ruleId: 'unassigned-number',
			severity: info ? 'info' : 'warning',
			message: `“${u.raw.trim()}”未放入${TABLE_NAMES[u.table] ?? u.table}：${u.reason}`,
		});
	}
	for (const c of checks) {
		if (c.status !== 'fail') continue;
		const col = c.cells.map((p) => cells[p]?.col).find((x) => x != null) ?? 1;
		diagnostics.push({
			line: c.line ?? lineMentioning(src, c.actual) ?? 1,
			col,
			ruleId: c.id,
			severity: c.severity,
			message: c.message,
			expected: c.expected,
			actual: c.actual,
		});
	}
	diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
	return {
		...body,
		checks,
		diagnostics: diagnostics.map((d) => ({
			file: options.file,
			...d,
			source: 'parser' as const,
			url: ruleUrl(d.ruleId),
		})),
	};
}

/** For metadata checks: the line that prints the offending value (a signature, a date). */
function lineMentioning(src: SourceLines, value: string | number | null): number | null {
	if (typeof value !== 'string' || value.length < 4) return null;
	const needle = /^\d{4}-\d{2}-\d{2}$/.test(value)
		? `${Number(value.slice(0, 4))}年${Number(value.slice(5, 7))}月${Number(value.slice(8))}日`
		: value;
	const at = src.norm.findIndex((l) => compact(l).includes(needle));
	return at === -1 ? null : at + 1;
}

/** The last non-blank line, when the text stops inside this table region (nothing after it). */
function textEndIn(src: SourceLines, region: { from: number; to: number }): TextEnd | null {
	let last = src.norm.length - 1;
	while (last >= 0 && compact(src.norm[last]!) === '') last--;
	return last < region.from || last >= region.to ? null : { line: last + 1 };
}

/** Table 2's format and Table 3's （六） shape together: one 2021 and one 2019 label make `mixed`. */
function combineFormat(format: Table2Format, otherCombined: boolean): Table2Format {
	if (format === 'none') return otherCombined ? '2019' : '2021';
	if ((format === '2021' && otherCombined) || (format === '2019' && !otherCombined)) return 'mixed';
	return format;
}

export { ReportRejection };
