/**
 * The layout fixtures for the table damage of issue 9 §2 items 1, 2, 4, 5, 7, 8 and 15, each in
 * at least two variants. The truth is what was rendered: cut-off cells are null and listed as
 * `missing`, printed blanks are null, damaged labels are listed as label variants.
 */
import type { Table3, Table4 } from '../../src/lib/model/record.ts';
import { truth2019, truth2021, type FixtureSpec } from './layout-fixtures.ts';
import { TABLE3_COLUMN_KEYS, TABLE3_ROWS_2021 } from './render-report.ts';
import {
	chain,
	cutAfter,
	cutGroupLabel,
	insertRowBefore,
	labelAfterNumbers,
	moveBlock,
	replaceText,
	separatorBars,
	barClosedCells,
	splitLabelAroundNumbers,
	table3AsSmallTables,
} from './table-damage.ts';

type Row = Record<string, number | null>;
const rowsOf = (t: Table3) => t as unknown as Record<string, Row>;

/** Null the given cells of Table 3 rows; returns their paths. */
function nullCells(
	table3: Table3,
	rows: string[],
	columns: readonly string[] = TABLE3_COLUMN_KEYS,
): string[] {
	const paths: string[] = [];
	for (const r of rows)
		for (const c of columns) {
			rowsOf(table3)[r]![c] = null;
			paths.push(`table3.${r}.${c}`);
		}
	return paths;
}

const rowsAfter = (key: string, keys = TABLE3_ROWS_2021.map((r) => r.key)) =>
	keys.slice(keys.indexOf(key) + 1);

/** The table cut away entirely: null in the truth (the parser finds no Table 4). */
const noTable4 = null as unknown as Table4;

export function tableDamageSpecs(): FixtureSpec[] {
	const specs: FixtureSpec[] = [];
	const covers = (item: string) => [`issue 9 §2 item ${item}`];

	// --- 1. Floating labels ---
	specs.push({
		name: 'pipe-floating-labels',
		description:
			'PDF → Markdown: the long labels of （二）部分公开 and （六）1. span three lines (half the label on a label-only row, the numbers on a row with no label, the rest below); group labels cut across rows (`（三）不` / `予公开`, `（六）其他` / `处理`).',
		covers: covers('1'),
		truth: truth2021(40, { county: '临湘县', township: '羊楼司镇', year: 2023 }),
		options: { layout: 'pipe' },
		damage: chain(
			cutGroupLabel('（三）不予公开', 3),
			cutGroupLabel('（六）其他处理', 4),
			splitLabelAroundNumbers([
				'（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
				'1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
			]),
		),
	});
	specs.push({
		name: 'tsv-floating-labels-after',
		description:
			'Label cells floated below their numbers: three Table 3 rows print their numbers with no label and the label on the line after, as a label-only row.',
		covers: covers('1'),
		truth: truth2021(41, { county: '华容县', township: '三封寺镇', year: 2022 }),
		options: { layout: 'tsv' },
		damage: labelAfterNumbers(
			[
				'（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
				'2.没有现成信息需要另行制作',
				'2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
			],
			'\t',
		),
	});
	specs.push({
		name: 'pipe-floating-labels-after',
		description:
			'Pipe rows whose label floated below the numbers (4.保护第三方合法权益, 3.其他): a number row without label, then a label-only row.',
		covers: covers('1'),
		truth: truth2021(42, { county: '岳阳县', township: '新墙镇', year: 2024 }),
		options: { layout: 'pipe' },
		damage: labelAfterNumbers(['4.保护第三方合法权益', '3.其他'], '|'),
	});

	// --- 2. Table 3 as a chain of small tables ---
	specs.push({
		name: 'pipe-table3-small-tables-numbered',
		description:
			'Table 3 printed as small markdown tables under `| 类别 | 数据1 | … | 数据6 | 总计 |`, group captions as `### （三）不予公开` headings, the header row repeated inside groups (page breaks).',
		covers: covers('2'),
		truth: truth2021(43, { county: '汨罗县', township: '白水镇', year: 2023 }),
		options: { layout: 'pipe' },
		damage: table3AsSmallTables('numbered'),
	});
	specs.push({
		name: 'pipe-table3-small-tables-named',
		description:
			'Table 3 printed as small markdown tables, each under the column names (`| 申请人情况 | 自然人 | 商业企业 | … | 总计 |`), captions as headings, the header repeated mid-group.',
		covers: covers('2'),
		truth: truth2021(44, { county: '平江县', township: '长寿镇', year: 2022 }),
		options: { layout: 'pipe' },
		damage: table3AsSmallTables('named'),
	});

	// --- 4. Damaged row labels ---
	specs.push({
		name: 'tsv-damaged-labels',
		description:
			'Row labels with characters lost in extraction: 5.属于三类内部事信息, 2.其他法律行政法规禁公开, 1.本机关不掌相关政府信息.',
		covers: covers('4'),
		truth: truth2021(45, { county: '湘阴县', township: '樟树镇', year: 2023 }),
		options: { layout: 'tsv' },
		damage: replaceText([
			['5.属于三类内部事务信息', '5.属于三类内部事信息'],
			['2.其他法律行政法规禁止公开', '2.其他法律行政法规禁公开'],
			['1.本机关不掌握相关政府信息', '1.本机关不掌相关政府信息'],
		]),
		labelVariants: [
			'table3.deniedInternalAffairs',
			'table3.deniedLawProhibited',
			'table3.unableNotHeld',
		],
	});
	specs.push({
		name: 'pipe-damaged-labels',
		description:
			'Row labels with characters lost in extraction: 6.属于四类过程信息, 7.属于行政执法卷, 3.要求提供公开出版.',
		covers: covers('4'),
		truth: truth2021(46, { county: '沅江县', township: '草尾镇', year: 2024 }),
		options: { layout: 'pipe' },
		damage: replaceText([
			['6.属于四类过程性信息', '6.属于四类过程信息'],
			['7.属于行政执法案卷', '7.属于行政执法卷'],
			['3.要求提供公开出版物', '3.要求提供公开出版'],
		]),
		labelVariants: [
			'table3.deniedProcessInfo',
			'table3.deniedEnforcementFile',
			'table3.notHandledPublication',
		],
	});

	// --- 5. Table 2 blocks out of template order ---
	specs.push({
		name: 'tsv-table2-out-of-order',
		description:
			'Table 2 with the 第二十条第（一）项 block (规章, 行政规范性文件) printed after the （五）–（八） blocks.',
		covers: covers('5'),
		truth: truth2021(47, { county: '南县', township: '茅草街镇', year: 2023 }),
		options: { layout: 'tsv' },
		damage: moveBlock('第二十条第（一）项', '行政规范性文件', '三、收到和处理政府信息公开申请情况'),
	});
	specs.push({
		name: 'pipe-table2-local-row',
		description:
			'Table 2 with a local extra row `| 行政确认 | 9 |` printed before 行政许可, and the （一） block after the （五） block.',
		covers: covers('5'),
		truth: truth2021(48, { county: '桃江县', township: '马迹塘镇', year: 2022 }),
		options: { layout: 'pipe' },
		damage: chain(
			moveBlock('第二十条第（一）项', '行政规范性文件', '第二十条第（六）项'),
			insertRowBefore('| 行政确认 | 9 | | |', '| 行政许可 |', '9'),
		),
	});

	// --- 7. Explicit empty cells at the end of a row ---
	const blanks = truth2021(49, { county: '安化县', township: '东坪镇', year: 2023 });
	nullCells(blanks.table3, ['deniedThirdParty', 'notHandledRepeat'], ['total']);
	nullCells(blanks.table3, ['unableUnclear'], ['otherOrg', 'total']);
	blanks.table4.litigationAfterReconsideration.total = null;
	specs.push({
		name: 'pipe-trailing-empty-cells',
		description:
			'Blank cells at the end of rows printed as empty pipe cells (`| 0 |  |`): three Table 3 row totals, one 其他 cell and the last Table 4 total are null, not inferred.',
		covers: covers('7'),
		truth: blanks,
		options: { layout: 'pipe' },
	});
	const nbsp = truth2021(50, { county: '新化县', township: '吉庆镇', year: 2024 });
	nullCells(nbsp.table3, ['deniedStateSecret', 'otherFeeUnpaid'], ['total']);
	nbsp.table4.reconsideration.total = null;
	specs.push({
		name: 'pipe-trailing-nbsp-cells',
		description:
			'HTML → Markdown: empty `<td>&nbsp;</td>` cells at the end of rows kept as `| &nbsp; |`: null cells, never inferred.',
		covers: covers('7'),
		truth: nbsp,
		options: {
			layout: 'pipe',
			printed: {
				'table3.deniedStateSecret.total': '&nbsp;',
				'table3.otherFeeUnpaid.total': '&nbsp;',
				'table4.reconsideration.total': '&nbsp;',
			},
		},
	});

	specs.push({
		name: 'cell-per-line-bar-separators',
		description:
			'One cell per line with a bare `|` line after every cell (a column separator left by a converter): the bare `|` lines are no cells, since the cell lines do not end with `|`.',
		covers: covers('7'),
		truth: truth2021(55, { county: '祁阳县', township: '白水镇', year: 2024 }),
		options: { layout: 'cellPerLine' },
		damage: separatorBars(),
	});

	// A bare `|` line is an empty cell where every cell line ends with `|`.
	const barBlanks = truth2021(56, { county: '新邵县', township: '坪上镇', year: 2023 });
	nullCells(barBlanks.table3, ['deniedStateSecret'], ['researchInstitution']);
	nullCells(barBlanks.table3, ['unableNotHeld'], ['legalServiceOrg', 'otherOrg']);
	nullCells(barBlanks.table3, ['notHandledRepeat'], ['total']);
	barBlanks.table4.reconsideration.pending = null;
	specs.push({
		name: 'cell-per-line-bar-closed-blanks',
		description:
			'One cell per line where every cell line ends with `|` (`\t 6|`): an empty cell is a line holding only `|` — a null cell in its column, mid-row and at the end of a row, not a separator.',
		covers: covers('7'),
		truth: barBlanks,
		options: { layout: 'cellPerLine' },
		damage: barClosedCells({ tab: true }),
	});
	const barBlanksPlain = truth2021(57, { county: '邵东县', township: '廉桥镇', year: 2022 });
	nullCells(barBlanksPlain.table3, ['granted'], ['commercialEnterprise']);
	nullCells(barBlanksPlain.table3, ['deniedThirdParty', 'otherFeeUnpaid'], ['total']);
	barBlanksPlain.table4.litigationDirect.corrected = null;
	specs.push({
		name: 'cell-per-line-bar-closed-blanks-plain',
		description:
			'One cell per line, no leading tab, every cell line ending with `|` (`6|`, `（一）予以公开|`); empty cells are lines holding only `|`.',
		covers: covers('7'),
		truth: barBlanksPlain,
		options: { layout: 'cellPerLine' },
		damage: barClosedCells({ tab: false }),
	});

	// --- 8. Text cut off at the end ---
	specs.push({
		name: 'pipe-cut-mid-row',
		description:
			'An excerpt cut off in the middle of Table 3: the last line prints 3.要求提供公开出版物 with 3 of its 7 cells, which are reported, not placed; nothing after it (no Table 4, no signature).',
		covers: covers('8'),
		truth: truth2021(51, { county: '涟源县', township: '桥头河镇', year: 2023 }),
		options: { layout: 'pipe' },
		damage: (text) => {
			const out = cutAfter(
				'3.要求提供公开出版物',
				(l) => `${l.split('|').slice(0, 7).join('|')}|`,
			)(text);
			const lines = out.text.split('\n');
			const printed = lines.at(-1)!.split('|').slice(4, 7);
			const line = lines.length;
			return {
				...out,
				allowedUnassigned: printed.map((raw) => ({ line, raw: raw.trim(), reason: 'cut row' })),
			};
		},
		cutAway: (t) => {
			t.table4 = noTable4;
			return nullCells(t.table3, ['notHandledPublication', ...rowsAfter('notHandledPublication')]);
		},
	});
	const cutNumber = truth2021(52, { county: '冷水江县', township: '锡矿山镇', year: 2022 });
	const total = String(cutNumber.table3.resultsTotal.total);
	if (total.length < 2) throw new Error('tsv-cut-mid-number needs a total of two digits or more');
	specs.push({
		name: 'tsv-cut-mid-number',
		description: `A text cut off in the middle of a number: the （七）总计 row ends with \`${total.slice(0, -1)}\` (the total ${total} lost its last digit); the cut row breaks H3, so its numbers are reported and its cells missing; nothing is inferred.`,
		covers: covers('8'),
		truth: cutNumber,
		options: { layout: 'tsv' },
		damage: (text) => {
			const out = cutAfter('（七）总计', (l) => l.slice(0, -1))(text);
			const lines = out.text.split('\n');
			const printed = lines
				.at(-1)!
				.split('\t')
				.filter((c) => /^\d+$/.test(c));
			const line = lines.length;
			return {
				...out,
				allowedUnassigned: printed.map((raw) => ({ line, raw, reason: 'cut row' })),
			};
		},
		cutAway: (t) => {
			t.table4 = noTable4;
			return [...nullCells(t.table3, ['resultsTotal']), ...nullCells(t.table3, ['carriedForward'])];
		},
	});

	// --- 15. formatVersion with no （六） evidence ---
	specs.push({
		name: 'tsv-format2019-cut-before-other',
		description:
			'A 2019-format report cut off in Table 3 after 5.要求行政机关确认…, before （六）其他处理: formatVersion stays 2019 (not mixed).',
		covers: covers('15'),
		truth: truth2019(53, { county: '双峰县', township: '青树坪镇', year: 2020 }, 'A'),
		options: {
			layout: 'tsv',
			printed: { 'table2v2019.procurement.totalAmount': '86500元' },
		},
		damage: cutAfter('5.要求行政机关确认或重新出具已获取信息', (l) => l),
		cutAway: (t) => {
			t.table4 = noTable4;
			return nullCells(t.table3, rowsAfter('notHandledReissue', Object.keys(t.table3)));
		},
	});
	const empty2019 = truth2019(54, { county: '新邵县', township: '酿溪镇', year: 2020 }, 'B');
	{
		// Nothing was handled under （六）: take its counts out of 总计 and 本年新收 (H1–H3 still hold).
		const t = rowsOf(empty2019.table3);
		for (const c of TABLE3_COLUMN_KEYS) {
			t.resultsTotal![c]! -= t.otherCombined![c]!;
			t.newReceived![c]! -= t.otherCombined![c]!;
		}
		nullCells(empty2019.table3, ['otherCombined']);
	}
	specs.push({
		name: 'tsv-format2019-empty-other',
		description:
			'A 2019-format report whose （六）其他处理 row is printed with every cell empty: a blank row, formatVersion 2019 (not mixed).',
		covers: covers('15'),
		truth: empty2019,
		options: {
			layout: 'tsv',
			printed: { 'table2v2019.procurement.totalAmount': '152790元' },
		},
	});
	return specs;
}
