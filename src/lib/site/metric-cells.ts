/**
 * The cells behind each key figure, so a sentence that quotes a figure can link to where it was
 * printed and a test can add the cells up again. Mirrors key-figures.ts: a figure is the sum of
 * exactly these cells (and is unknown when any of them is).
 */
import type { CellPath } from '../model/cells.ts';
import type { ReportRecord } from '../model/record.ts';
import { table3RowsInGroup, type Table3Row } from '../model/vocabulary.ts';
import type { MetricKey } from './key-figures.ts';

const total = (rows: readonly Table3Row[]): CellPath[] =>
	rows.map((r): CellPath => `table3.${r}.total`);

const TABLE3_ROWS_OF: Partial<Record<MetricKey, readonly Table3Row[]>> = {
	applicationsReceived: ['newReceived'],
	applicationsCarriedOver: ['carriedOver'],
	granted: ['granted'],
	partiallyGranted: ['partiallyGranted'],
	denied: table3RowsInGroup('（三）不予公开'),
	unable: table3RowsInGroup('（四）无法提供'),
	notHandled: table3RowsInGroup('（五）不予处理'),
	resultsTotal: ['resultsTotal'],
	carriedForward: ['carriedForward'],
};

/** Dotted cell paths whose sum is the figure, in this record's format; empty when the table is absent. */
export function metricCells(key: MetricKey, record: ReportRecord): CellPath[] {
	const rows = TABLE3_ROWS_OF[key];
	if (rows) return record.table3 ? total(rows) : [];
	switch (key) {
		case 'otherHandled':
			if (!record.table3) return [];
			return record.table3.otherCombined
				? total(['otherCombined'])
				: total(table3RowsInGroup('（六）其他处理'));
		case 'licensing':
		case 'penalty':
		case 'coercion':
			if (record.table2) return [`table2.${key}.decisions`];
			if (record.table2v2019) return [`table2v2019.${key}.decisions`];
			return [];
		case 'reconsideration':
			return record.table4 ? ['table4.reconsideration.total'] : [];
		case 'litigation':
			return record.table4
				? ['table4.litigationDirect.total', 'table4.litigationAfterReconsideration.total']
				: [];
		default:
			return [];
	}
}
