/**
 * One report's text → its canonical record: decode, split into lines, find the sections,
 * read the three tables, place every number in a cell (or report it), run the checks.
 */
import { runChecks, type StructureProblem } from './checks.ts';
import { decodeReport, ReportRejection, type DecodedText } from './decode.ts';
import type { ReportForm } from './extract/form.ts';
import { extractMetadata } from './metadata.ts';
import type { FittedCell, FittedRow } from './rows.ts';
import type {
	CellProvenance,
	Diagnostic,
	ReportRecord,
	Table2,
	Table2v2019,
	Table3,
	Table4,
} from '../model/record.ts';
import { findSections, findTrailer, sectionText, type SectionSpan } from './sections.ts';
import { compact, splitSource, type SourceLines } from './source.ts';
import { detectTable2Format, readTable2 } from './table2.ts';
import { readTable3 } from './table3.ts';
import { readTable4 } from './table4.ts';
import { tokenizeRegion, type Token } from './tokens.ts';
import {
	SECTION_KEYS,
	SECTION_LABELS,
	TABLE2_ROWS,
	TABLE2V2019_ROWS,
	TABLE3_COLUMNS,
	TABLE3_ROWS,
	TABLE3_ROW_INFO,
	TABLE3_OTHER_SUBROWS,
	TABLE4_COLUMNS,
	TABLE4_GROUPS,
	type SectionKey,
} from '../model/vocabulary.ts';

export interface ParseOptions {
	/** Path shown in diagnostics. */
	file: string;
	/** Where text input came from when it was derived from a page, PDF or Word file (read.ts). */
	form?: ReportForm;
}

type Unassigned = ReportRecord['unassigned'][number];

const TABLE_NAMES: Record<string, string> = {
	table2: '表二',
	table2v2019: '表二（2019 格式）',
	table3: '表三',
	table4: '表四',
};

/** Where each table starts when its section heading was lost. */
const TABLE_ANCHORS: Partial<Record<SectionKey, RegExp>> = {
	activeDisclosure: /^第二十条|^信息内容/,
	applications: /^\(?本列数据的勾稽|^申请人情况|^一、本年新收/,
	reviewLitigation: /^行政复议/,
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
		throw new ReportRejection(
			"empty file: no text to read (paste the report's text into it, or delete the file)",
		);
	const src = splitSource(decoded.text);
	const trailerStart = findTrailer(src);
	const spans = findSections(src, trailerStart);
	const regions = tableRegions(src, spans, trailerStart);

	const cells: Record<string, CellProvenance> = {};
	const unassigned: Unassigned[] = [];
	const structure: StructureProblem[] = [];
	const labelVariants: ReportRecord['labelVariants'] = [];
	const diagnostics: Omit<Diagnostic, 'file'>[] = [];

	const tokensOf = (key: SectionKey, table: string) => {
		const region = regions[key];
		if (!region) return null;
		const t = tokenizeRegion(src, region.from, region.to);
		for (const p of t.pageMarkers) unassigned.push(unassignedOf(p, table, '表格行之间的页码'));
		for (const p of t.proseNumbers)
			unassigned.push(unassignedOf(p, table, '该部分正文句子中的数，不在表格内'));
		return t.tokens;
	};

	// Table 2
	const t2tokens = tokensOf('activeDisclosure', 'table2');
	const t2text = regions.activeDisclosure
		? src.norm.slice(regions.activeDisclosure.from, regions.activeDisclosure.to).join('')
		: '';
	let format = detectTable2Format(t2text);
	let table2: Table2 | null = null;
	let table2v2019: Table2v2019 | null = null;
	if (t2tokens) {
		const read = readTable2(t2tokens, format);
		for (const o of read.orphans)
			unassigned.push(unassignedOf(o, 'table2', '在表二任何行标签之前的数'));
		if (read.unlabelledRegulations)
			structure.push({
				scope: 'table2.regulations',
				message: '“规章”行没有行标签，按位置取表头后的数',
				line: read.rows[0]?.line ?? null,
				severity: 'warning',
			});
		if (read.rows.some((r) => r.format === '2021')) table2 = emptyTable2(cells);
		if (read.rows.some((r) => r.format === '2019')) table2v2019 = emptyTable2v2019(cells);
		for (const row of read.rows) {
			const target = (row.format === '2021' ? table2 : table2v2019) as unknown as Record<
				string,
				Record<string, number | string | null>
			>;
			const prefix = row.format === '2021' ? 'table2' : 'table2v2019';
			placeRow(
				row.fitted,
				slotsOf(prefix, row.key, row.columns),
				target,
				cells,
				unassigned,
				structure,
				prefix,
				row.line,
			);
			const canonical = (row.format === '2021' ? TABLE2_ROWS : TABLE2V2019_ROWS)[
				row.key as 'penalty'
			].label;
			noteVariant(labelVariants, `${prefix}.${row.key}`, row.labelRaw, canonical, row.line);
		}
		if (table2) {
			// The amount as a decimal string (ASCII digits), keeping printed trailing zeros such as
			// "0.0000".
			const fee = cells['table2.fees.amountWan'];
			table2.fees.amountRaw = fee?.line
				? (src.norm[fee.line - 1]!.slice(fee.col! - 1).match(/\d+(?:\.\d+)?/)?.[0] ?? null)
				: null;
		}
		if (table2v2019) {
			table2v2019.extraRows = read.extraRows.map((r) => ({
				label: r.label,
				values: r.values.map((t) => t.value ?? null),
				line: r.line,
			}));
			const amount = cells['table2v2019.procurement.totalAmount'];
			if (amount?.line)
				table2v2019.procurement.totalAmountUnitRaw =
					/^\s*(万元|元)/.exec(
						src.raw[amount.line - 1]!.slice((amount.col ?? 1) - 1 + (amount.raw?.length ?? 0)),
					)?.[1] ?? null;
		}
	}

	// Table 3
	let table3: Table3 | null = null;
	const t3tokens = tokensOf('applications', 'table3');
	if (t3tokens) {
		const read = readTable3(t3tokens);
		for (const o of read.orphans)
			unassigned.push(unassignedOf(o, 'table3', '在表三任何行标签之前的数'));
		for (const e of read.extra) unassigned.push(unassignedOf(e.token, 'table3', e.reason));
		if (read.rows.length > 0) {
			table3 = emptyTable3(cells, read.otherCombined);
			for (const row of read.rows) {
				placeRow(
					row.fitted,
					slotsOf('table3', row.key, TABLE3_COLUMNS),
					table3 as unknown as Record<string, Record<string, number | null>>,
					cells,
					unassigned,
					structure,
					'table3',
					row.line,
				);
				noteVariant(
					labelVariants,
					`table3.${row.key}`,
					row.labelRaw,
					TABLE3_ROW_INFO[row.key].label,
					row.line,
				);
			}
			const missingRows = TABLE3_ROWS.filter(
				(r) =>
					r !== 'otherCombined' &&
					!(read.otherCombined && TABLE3_OTHER_SUBROWS.includes(r)) &&
					!read.rows.some((x) => x.key === r),
			);
			// Point at the row printed just before the lost one, where a reader would look for it.
			const lineBefore = (r: string) =>
				read.rows.filter((x) => TABLE3_ROWS.indexOf(x.key) < TABLE3_ROWS.indexOf(r as never)).at(-1)
					?.line ?? read.rows[0]!.line;
			for (const r of missingRows)
				structure.push({
					scope: `table3.${r}`,
					message: `表三未找到「${TABLE3_ROW_INFO[r].label}」行`,
					line: lineBefore(r),
					severity: 'error',
				});
			const header = src.norm.slice(regions.applications!.from, read.rows[0]!.line - 1).join('');
			if (header.includes('社会组织') && !header.includes('社会公益组织'))
				labelVariants.push({
					path: 'table3.*.publicInterestOrg',
					raw: '社会组织',
					line: regions.applications!.from + 1,
				});
			// The （六） shape is a format label too: a 2021 Table 2 with the single 2019 row is mixed.
			if (format === 'none') format = read.otherCombined ? '2019' : '2021';
			else if (
				(format === '2021' && read.otherCombined) ||
				(format === '2019' && !read.otherCombined)
			)
				format = 'mixed';
		}
	}

	// Table 4
	let table4: Table4 | null = null;
	const t4tokens = tokensOf('reviewLitigation', 'table4');
	if (t4tokens) {
		const fitted = readTable4(t4tokens);
		const hasHeader = t4tokens.some((t) => t.kind === 'text' && /行政复议|结果维持/.test(t.text));
		if (fitted || hasHeader) {
			table4 = emptyTable4(cells);
			if (fitted)
				placeRow(
					fitted,
					TABLE4_SLOTS,
					table4 as unknown as Record<string, Record<string, number | null>>,
					cells,
					unassigned,
					structure,
					'table4',
				);
		}
	}

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

	const foundAnything =
		Object.keys(spans).length >= 2 ||
		table3 !== null ||
		table4 !== null ||
		(table2 ?? table2v2019) !== null;
	if (!foundAnything) {
		throw new ReportRejection(
			metadata.title
				? `"${metadata.title}" has none of the six section headings or three tables of an annual report (check that the whole report was copied)`
				: 'not an annual report: no 政府信息公开工作年度报告 title, section headings or tables found (check that the file holds the report itself, not a notice or an index page)',
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
	if (metadata.reportYear === null)
		diagnostics.push({
			line: 1,
			col: 1,
			ruleId: 'year-missing',
			severity: 'error',
			message: '标题、统计期限和总体情况中都找不到报告年度',
		});
	if (metadata.township === null)
		diagnostics.push({
			line: 1,
			col: 1,
			ruleId: 'township-missing',
			severity: 'warning',
			message: `发布机关“${metadata.issuingBody ?? ''}”中找不到乡、镇或街道名称`,
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
	for (const u of unassigned) {
		const info = /页码|合并单元格|正文句子|小计/.test(u.reason);
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
		});
	}
	diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
	return { ...body, checks, diagnostics: diagnostics.map((d) => ({ file: options.file, ...d })) };
}

/** Line ranges (0-based, end exclusive) holding each table; a lost heading falls back to the table's own header words. */
function tableRegions(
	src: SourceLines,
	spans: Partial<Record<SectionKey, SectionSpan>>,
	trailerStart: number,
) {
	const anchors: Partial<Record<SectionKey, number>> = {};
	const bodyStart = Math.min(...Object.values(spans).map((s) => s.start), trailerStart);
	for (const key of Object.keys(TABLE_ANCHORS) as SectionKey[]) {
		if (spans[key]) continue;
		const at = src.norm.findIndex(
			(l, i) =>
				i >= bodyStart &&
				i < trailerStart &&
				!l.includes('。') &&
				TABLE_ANCHORS[key]!.test(compact(l).replace(/^\|/, '')),
		);
		if (at > -1) anchors[key] = at;
	}
	const boundaries = [
		...Object.values(spans).map((s) => s.start),
		...Object.values(anchors),
		trailerStart,
	].sort((a, b) => a - b);
	const regions: Partial<Record<SectionKey, { from: number; to: number }>> = {};
	for (const key of Object.keys(TABLE_ANCHORS) as SectionKey[]) {
		const from = spans[key] ? spans[key].start + 1 : anchors[key];
		if (from === undefined) continue;
		const to = boundaries.find((b) => b >= from && b !== anchors[key]) ?? trailerStart;
		regions[key] = { from, to: Math.max(from, to) };
	}
	return regions;
}

interface Slot {
	row: string;
	col: string;
	path: string;
}
const slotCache = new Map<string, Slot[]>();
/** Cell addresses of one row, built once per row key: parsing runs thousands of times. */
function slotsOf(table: string, row: string, columns: readonly string[]): Slot[] {
	const key = `${table}.${row}`;
	let slots = slotCache.get(key);
	if (!slots)
		slotCache.set(key, (slots = columns.map((col) => ({ row, col, path: `${key}.${col}` }))));
	return slots;
}
const TABLE4_SLOTS = TABLE4_GROUPS.flatMap((g) => slotsOf('table4', g, TABLE4_COLUMNS));

function placeRow(
	fitted: FittedRow,
	slots: Slot[],
	target: Record<string, Record<string, number | string | null>>,
	cells: Record<string, CellProvenance>,
	unassigned: Unassigned[],
	structure: StructureProblem[],
	table: string,
	labelLine: number | null = null,
) {
	const firstLine =
		fitted.cells.map(lineOfCell).find((l) => l !== null) ??
		fitted.dropped[0]?.token.line ??
		labelLine;
	// A printed row label with no value after it: the cells are blank, not lost.
	const emptyStatus = fitted.problem === null ? 'blank' : 'missing';
	if (fitted.problem)
		structure.push({
			scope: `${table}.${slots[0]!.row}`,
			message: fitted.problem,
			line: firstLine,
			severity: fitted.severity,
		});
	for (const d of fitted.dropped) unassigned.push(unassignedOf(d.token, table, d.reason));
	slots.forEach(({ row, col, path }, i) => {
		const cell: FittedCell = fitted.cells[i] ?? { kind: 'none' };
		const slot = target[row]!;
		switch (cell.kind) {
			case 'token':
				slot[col] = cell.token.value ?? null;
				cells[path] = {
					raw: cell.token.raw,
					line: cell.token.line,
					col: cell.token.col,
					status: cell.token.marker ? 'marker' : 'ok',
				};
				break;
			case 'blank':
				slot[col] = null;
				cells[path] = {
					raw: cell.token.raw,
					line: cell.token.line,
					col: cell.token.col,
					status: 'blank',
				};
				break;
			case 'inferred':
				slot[col] = cell.value;
				cells[path] = {
					raw: null,
					line: firstLine,
					col: null,
					status: 'inferred',
					rule: cell.rule,
				};
				break;
			default:
				slot[col] = null;
				cells[path] = {
					raw: emptyStatus === 'blank' ? '' : null,
					line: firstLine,
					col: null,
					status: emptyStatus,
				};
		}
	});
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

const lineOfCell = (c: FittedCell) =>
	c.kind === 'token' || c.kind === 'blank' ? c.token.line : null;

function unassignedOf(t: Token, table: string, reason: string): Unassigned {
	return { raw: t.raw, line: t.line, col: t.col, table, reason };
}

const simplifyLabel = (s: string) =>
	compact(s)
		.replace(/[()（）、.．,，:：“”"「」]/g, '')
		.replace(/^[一二三四五六七八九十\d]+/, '');
const canonicalLabels = new Map<string, string>();

/** Record a printed label that differs from the official one (after numbering, brackets and spaces). */
function noteVariant(
	variants: ReportRecord['labelVariants'],
	path: string,
	raw: string,
	canonical: string,
	line: number,
) {
	let want = canonicalLabels.get(canonical);
	if (want === undefined) canonicalLabels.set(canonical, (want = simplifyLabel(canonical)));
	if (raw && !simplifyLabel(raw).includes(want)) variants.push({ path, raw, line });
}

function emptyTable2(cells: Record<string, CellProvenance>): Table2 {
	const t: Table2 = {
		regulations: { issued: null, repealed: null, inForce: null },
		normativeDocuments: { issued: null, repealed: null, inForce: null },
		licensing: { decisions: null },
		penalty: { decisions: null },
		coercion: { decisions: null },
		fees: { amountWan: null, amountRaw: null },
	};
	for (const [row, def] of Object.entries(TABLE2_ROWS))
		for (const c of def.columns) cells[`table2.${row}.${c}`] = missingCell();
	return t;
}

function emptyTable2v2019(cells: Record<string, CellProvenance>): Table2v2019 {
	const docs = () => ({ newlyMade: null, newlyPublished: null, totalPublished: null });
	const items = () => ({ priorYearItems: null, netChange: null, decisions: null });
	for (const [row, def] of Object.entries(TABLE2V2019_ROWS))
		for (const c of def.columns) cells[`table2v2019.${row}.${c}`] = missingCell();
	return {
		regulations: docs(),
		normativeDocuments: docs(),
		licensing: items(),
		otherExternalServices: items(),
		penalty: items(),
		coercion: items(),
		fees: { priorYearItems: null, netChange: null },
		procurement: { projects: null, totalAmount: null, totalAmountUnitRaw: null },
		extraRows: [],
	};
}

const NOT_APPLICABLE: CellProvenance = Object.freeze({
	raw: null,
	line: null,
	col: null,
	status: 'n/a',
});

function emptyTable3(cells: Record<string, CellProvenance>, otherCombined: boolean): Table3 {
	const t: Record<string, Record<string, null>> = {};
	for (const r of TABLE3_ROWS) {
		if (r === 'otherCombined' && !otherCombined) continue;
		const row: Record<string, null> = {};
		const notApplicable = otherCombined && TABLE3_OTHER_SUBROWS.includes(r);
		for (const slot of slotsOf('table3', r, TABLE3_COLUMNS)) {
			row[slot.col] = null;
			cells[slot.path] = notApplicable ? NOT_APPLICABLE : MISSING;
		}
		t[r] = row;
	}
	return t as unknown as Table3;
}

function emptyTable4(cells: Record<string, CellProvenance>): Table4 {
	for (const g of TABLE4_GROUPS)
		for (const c of TABLE4_COLUMNS) cells[`table4.${g}.${c}`] = missingCell();
	return Object.fromEntries(
		TABLE4_GROUPS.map((g) => [g, Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, null]))]),
	) as unknown as Table4;
}

/** Shared, frozen: placing a value replaces the entry, it never edits it. */
const MISSING: CellProvenance = Object.freeze({
	raw: null,
	line: null,
	col: null,
	status: 'missing',
});
const missingCell = () => MISSING;

export { ReportRejection };
