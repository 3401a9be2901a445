/**
 * Table 2 (主动公开政府信息情况) in the 2021 format (10 cells) or the 2019 trial format
 * (22 cells). The format is read from the column labels, never from the year.
 */
import { walkRows, type RowDef } from './labels.ts';
import { fitRow, type FittedRow } from './rows.ts';
import type { Token } from './tokens.ts';
import {
	FORMAT_2019_MARKERS,
	FORMAT_2021_MARKERS,
	TABLE2_ROWS,
	TABLE2_ROW_KEYWORDS,
	TABLE2V2019_ROWS,
	type Table2Row,
	type Table2v2019Row,
} from '../model/vocabulary.ts';

export type Table2Format = '2019' | '2021' | 'mixed' | 'none';

export interface Table2RowRead {
	format: '2019' | '2021';
	key: string;
	columns: readonly string[];
	labelRaw: string;
	line: number;
	fitted: FittedRow;
}

export interface Table2Read {
	format: Table2Format;
	rows: Table2RowRead[];
	extraRows: { label: string; values: Token[]; line: number }[];
	orphans: Token[];
	/** Numbers of rows whose label is not a Table 2 row, with why. */
	unknown: { token: Token; reason: string }[];
	/** Set when the 规章 row had no label and was placed by position after the block header. */
	unlabelledRegulations: boolean;
}

type RowKey = Table2Row | Table2v2019Row | 'extra';

const DEFS: RowDef<RowKey>[] = [
	...(Object.keys(TABLE2V2019_ROWS) as Table2v2019Row[]).map((key) => ({
		key,
		keywords: TABLE2_ROW_KEYWORDS[key],
	})),
	{ key: 'extra', keywords: /其他主动公开/ },
];

export function detectTable2Format(text: string): Table2Format {
	const compact = text.replace(/\s+/g, '');
	const has2019 = FORMAT_2019_MARKERS.test(compact);
	const has2021 = FORMAT_2021_MARKERS.test(compact);
	if (has2019 && has2021) return 'mixed';
	if (has2019) return '2019';
	if (has2021) return '2021';
	return 'none';
}

export function readTable2(tokens: Token[], format: Table2Format): Table2Read {
	// Order in the table is fixed but rows may be missing, so every later row is a candidate.
	// Labels are unique, so blocks printed out of template order still match (anyOrder).
	const walk = walkRows(tokens, DEFS, { window: DEFS.length, anyOrder: true });
	const rows: Table2RowRead[] = [];
	const extraRows: Table2Read['extraRows'] = [];
	let orphans = walk.orphans;
	let unlabelledRegulations = false;
	const unknown: Table2Read['unknown'] = [];
	const documents2021 =
		format === '2021' ||
		(format === 'mixed' && /本年制发|现行有效/.test(walk.header.replace(/\s+/g, '')));

	// 徐望镇 2025 left the 规章 label cell empty: numbers right after the block header are 规章's.
	if (
		!walk.rows.some((r) => r.def?.key === 'regulations') &&
		orphans.length > 0 &&
		/现行有效|对外公开总数/.test(walk.header)
	) {
		const values = orphans.slice(0, 3);
		orphans = orphans.slice(3);
		unlabelledRegulations = true;
		walk.rows.unshift({
			def: DEFS[0]!,
			labelRaw: '',
			line: values[0]!.line,
			col: values[0]!.col,
			values,
		});
	}

	for (const row of walk.rows) {
		if (!row.def) {
			// A row whose label is not a Table 2 row (a local extra row such as 行政确认).
			for (const token of row.values)
				if (token.kind === 'num')
					unknown.push({ token, reason: `表二没有「${row.labelRaw || '（无标签）'}」这一行` });
			continue;
		}
		const key = row.def.key;
		if (key === 'extra') {
			extraRows.push({
				label: row.labelRaw,
				values: row.values.filter((t) => t.kind === 'num'),
				line: row.line,
			});
			continue;
		}
		const rowFormat = formatOfRow(key, row.values, format, documents2021);
		const columns =
			rowFormat === '2021'
				? (TABLE2_ROWS as Record<string, { columns: readonly string[] }>)[key]?.columns
				: TABLE2V2019_ROWS[key].columns;
		if (!columns) continue; // a 2019-only row in a 2021 table is reported by S7
		rows.push({
			format: rowFormat,
			key,
			columns,
			labelRaw: row.labelRaw,
			line: row.line,
			fitted: fitRow(row.values, columns.length, null, `表二「${row.labelRaw || key}」行`),
		});
	}
	return { format, rows, extraRows, orphans, unknown, unlabelledRegulations };
}

/** In a mixed table each row keeps the shape it was printed in. */
function formatOfRow(
	key: Table2v2019Row,
	values: Token[],
	format: Table2Format,
	documents2021: boolean,
): '2019' | '2021' {
	if (format === '2019') return '2019';
	if (format !== 'mixed') return '2021';
	if (key === 'otherExternalServices' || key === 'procurement') return '2019';
	if (key === 'regulations' || key === 'normativeDocuments') return documents2021 ? '2021' : '2019';
	const count = values.filter((t) => t.kind === 'num').length;
	return count >= (key === 'fees' ? 2 : 3) ? '2019' : '2021';
}
