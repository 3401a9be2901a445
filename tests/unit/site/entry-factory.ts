/** Builds schema-valid report entries for the site helpers' tests: all zeros unless told otherwise. */
import {
	reportEntrySchema,
	type ReportEntry,
	type Township,
} from '../../../src/lib/model/entry.ts';
import {
	SECTION_KEYS,
	TABLE3_COLUMNS,
	TABLE3_ROWS,
	TABLE4_COLUMNS,
	TABLE4_GROUPS,
} from '../../../src/lib/model/vocabulary.ts';

const row = (value: number | null) => Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, value]));

export interface EntryOptions {
	code?: string;
	year?: number;
	name?: string;
	township?: Partial<Township>;
	/** Dotted paths into the record, e.g. `table3.newReceived.total`. */
	set?: Record<string, unknown>;
}

export function makeEntry(options: EntryOptions = {}): ReportEntry {
	const code = options.code ?? '610881102';
	const year = options.year ?? 2023;
	const record = {
		schemaVersion: '1',
		source: {
			file: 'content/reports/x.txt',
			encoding: 'utf-8',
			lineCount: 10,
			format: 'text',
			derived: false,
		},
		formatVersion: '2021',
		metadata: {
			title: null,
			titleForm: null,
			issuingBody: null,
			township: null,
			townshipKind: null,
			county: null,
			prefecture: null,
			province: null,
			reportYear: year,
			reportYearEvidence: [],
			statisticsPeriod: null,
			publicationDate: null,
			publicationDateKind: null,
			documentNumber: null,
			addressee: null,
			signatureBody: null,
		},
		sections: Object.fromEntries(
			SECTION_KEYS.map((k) => [
				k,
				{ present: true, headingRaw: null, line: null, endLine: null, text: '' },
			]),
		),
		table2: {
			regulations: { issued: 0, repealed: 0, inForce: 0 },
			normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
			licensing: { decisions: 0 },
			penalty: { decisions: 0 },
			coercion: { decisions: 0 },
			fees: { amountWan: 0, amountRaw: '0' },
		},
		table2v2019: null,
		table3: Object.fromEntries(
			TABLE3_ROWS.filter((r) => r !== 'otherCombined').map((r) => [r, row(0)]),
		),
		table4: Object.fromEntries(
			TABLE4_GROUPS.map((g) => [g, Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, 0]))]),
		),
		labelVariants: [],
		checks: [],
		diagnostics: [],
		cells: {},
		unassigned: [],
	};
	for (const [path, value] of Object.entries(options.set ?? {})) {
		const keys = path.split('.');
		let target: Record<string, unknown> = record as unknown as Record<string, unknown>;
		for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
		target[keys[keys.length - 1]!] = value;
	}
	return reportEntrySchema.parse({
		id: `${code}-${year}`,
		township: {
			code,
			name: options.name ?? '店塔镇',
			kind: '镇',
			county: { code: '610881', name: '神木市' },
			prefecture: { code: '6108', name: '榆林市' },
			province: { code: '61', name: '陕西省' },
			pinyin: 'dian ta zhen',
			initials: 'dtz',
			...options.township,
		},
		year,
		sourceFile: 'content/reports/x.txt',
		replaces: null,
		record,
		passedChecks: {},
		crossYearChecks: [],
	});
}
