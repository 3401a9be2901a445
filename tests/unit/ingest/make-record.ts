/**
 * Hand-made ReportRecord-shaped objects for the ingest tests: a complete, schema-valid record
 * with all-zero tables, which each test changes where it matters.
 */
import type { Metadata, ReportRecord, Table3 } from '../../../src/lib/model/record.ts';
import {
	SECTION_KEYS,
	TABLE3_COLUMNS,
	TABLE3_ROWS,
	TABLE4_COLUMNS,
	TABLE4_GROUPS,
} from '../../../src/lib/model/vocabulary.ts';

const zeros = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function makeTable3(): Table3 {
	return Object.fromEntries(
		TABLE3_ROWS.filter((r) => r !== 'otherCombined').map((r) => [r, zeros(TABLE3_COLUMNS)]),
	) as Table3;
}

export interface RecordShape {
	file?: string;
	metadata?: Partial<Metadata>;
	formatVersion?: ReportRecord['formatVersion'];
}

export function makeRecord({
	file = 'content/reports/x.txt',
	metadata = {},
	formatVersion = '2021',
}: RecordShape = {}): ReportRecord {
	return {
		schemaVersion: '1',
		source: { file, encoding: 'utf-8', lineCount: 10, format: 'text', derived: false },
		formatVersion,
		metadata: {
			title: null,
			titleForm: null,
			issuingBody: null,
			township: null,
			townshipKind: null,
			county: null,
			prefecture: null,
			province: null,
			reportYear: null,
			reportYearEvidence: [],
			statisticsPeriod: null,
			publicationDate: null,
			publicationDateKind: null,
			documentNumber: null,
			addressee: null,
			signatureBody: null,
			...metadata,
		},
		sections: Object.fromEntries(
			SECTION_KEYS.map((k) => [k, { present: true, headingRaw: k, line: 1, endLine: 2, text: '' }]),
		) as ReportRecord['sections'],
		table2:
			formatVersion === '2021'
				? {
						regulations: { issued: 0, repealed: 0, inForce: 0 },
						normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
						licensing: { decisions: 0 },
						penalty: { decisions: 0 },
						coercion: { decisions: 0 },
						fees: { amountWan: 0, amountRaw: '0' },
					}
				: null,
		table2v2019: null,
		table3: makeTable3(),
		table4: Object.fromEntries(
			TABLE4_GROUPS.map((g) => [g, zeros(TABLE4_COLUMNS)]),
		) as ReportRecord['table4'],
		labelVariants: [],
		checks: [],
		diagnostics: [],
		cells: {},
		unassigned: [],
	};
}
