/**
 * The canonical record of one annual report (FORMAT.md §7): its zod schema and types.
 * This is the one schema: the content collection, the open-data JSON Schema and the
 * data dictionary all derive from it. Key names are a public contract.
 */
import { z } from 'zod';
import {
	SECTION_KEYS,
	TABLE3_COLUMNS,
	TABLE3_ROWS,
	TABLE4_COLUMNS,
	TABLE4_GROUPS,
	type Table3Column,
	type Table3Row,
	type Table4Column,
	type Table4Group,
} from './vocabulary.ts';

/** A count as printed: `null` = not reported (blank, lost, absent); never coerced, so negatives stay visible to H5. */
const count = z.number().nullable();

const objectOf = <K extends string, T extends z.ZodType>(keys: readonly K[], value: T) =>
	z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>);

export const cellStatusSchema = z.enum(['ok', 'blank', 'marker', 'inferred', 'missing', 'n/a']);
export type CellStatus = z.infer<typeof cellStatusSchema>;

/** Where one cell's value came from. */
export const cellProvenanceSchema = z.object({
	raw: z.string().nullable(),
	line: z.number().int().nullable(),
	col: z.number().int().nullable(),
	status: cellStatusSchema,
	/** The rule that forced an inferred value, e.g. "H3". */
	rule: z.string().optional(),
});
export type CellProvenance = z.infer<typeof cellProvenanceSchema>;

export const sectionSchema = z.object({
	present: z.boolean(),
	headingRaw: z.string().nullable(),
	/** 1-based line of the heading, or null when the section is missing. */
	line: z.number().int().nullable(),
	endLine: z.number().int().nullable(),
	text: z.string(),
});

export const table2Schema = z.object({
	regulations: z.object({ issued: count, repealed: count, inForce: count }),
	normativeDocuments: z.object({ issued: count, repealed: count, inForce: count }),
	licensing: z.object({ decisions: count }),
	penalty: z.object({ decisions: count }),
	coercion: z.object({ decisions: count }),
	fees: z.object({ amountWan: count, amountRaw: z.string().nullable() }),
});
export type Table2 = z.infer<typeof table2Schema>;

const decisions2019 = z.object({ priorYearItems: count, netChange: count, decisions: count });
const documents2019 = z.object({ newlyMade: count, newlyPublished: count, totalPublished: count });
export const table2v2019Schema = z.object({
	regulations: documents2019,
	normativeDocuments: documents2019,
	licensing: decisions2019,
	otherExternalServices: decisions2019,
	penalty: decisions2019,
	coercion: decisions2019,
	fees: z.object({ priorYearItems: count, netChange: count }),
	procurement: z.object({
		projects: count,
		totalAmount: count,
		totalAmountUnitRaw: z.string().nullable(),
	}),
	/** Local additions such as Hubei's 其他主动公开文件, kept as printed. */
	extraRows: z.array(
		z.object({ label: z.string(), values: z.array(count), line: z.number().int() }),
	),
});
export type Table2v2019 = z.infer<typeof table2v2019Schema>;

const table3RowSchema = objectOf(TABLE3_COLUMNS, count);
const table3Required = TABLE3_ROWS.filter((r) => r !== 'otherCombined');
export const table3Schema = objectOf(table3Required, table3RowSchema).extend({
	/** Only when the report prints the single 2019-shape （六）其他处理 row. */
	otherCombined: table3RowSchema.optional(),
});
export type Table3 = Record<
	Exclude<Table3Row, 'otherCombined'>,
	Record<Table3Column, number | null>
> & {
	otherCombined?: Record<Table3Column, number | null>;
};

export const table4Schema = objectOf(TABLE4_GROUPS, objectOf(TABLE4_COLUMNS, count));
export type Table4 = Record<Table4Group, Record<Table4Column, number | null>>;

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

/** One evaluation of a consistency rule (FORMAT.md §6). */
export const checkResultSchema = z.object({
	id: z.string(),
	severity: severitySchema,
	status: z.enum(['pass', 'fail', 'skip']),
	/** What the check was applied to: a column, a row, a group or a field. */
	scope: z.string(),
	formula: z.string(),
	cells: z.array(z.string()),
	expected: z.union([z.number(), z.string()]).nullable(),
	actual: z.union([z.number(), z.string()]).nullable(),
	message: z.string(),
	line: z.number().int().nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/**
 * One message for editors and curators, shaped like unified's vfile-message: where (file, start
 * line/col, optional end), which rule (`ruleId`, explained at `url`), from which step (`source`),
 * and for a failed check what was expected and what was found.
 */
export const diagnosticSchema = z.object({
	file: z.string(),
	line: z.number().int(),
	col: z.number().int(),
	endLine: z.number().int().optional(),
	endCol: z.number().int().optional(),
	ruleId: z.string(),
	severity: severitySchema,
	message: z.string(),
	/** The step that reported it: `parser` (npm run parse) or `ingest` (placing, cross-year). */
	source: z.enum(['parser', 'ingest']),
	/** The rule's explanation on the methodology page. */
	url: z.string(),
	expected: z.union([z.number(), z.string()]).nullable().optional(),
	actual: z.union([z.number(), z.string()]).nullable().optional(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const metadataSchema = z.object({
	title: z.string().nullable(),
	titleForm: z.string().nullable(),
	issuingBody: z.string().nullable(),
	township: z.string().nullable(),
	townshipKind: z.string().nullable(),
	county: z.string().nullable(),
	prefecture: z.string().nullable(),
	province: z.string().nullable(),
	reportYear: z.number().int().nullable(),
	reportYearEvidence: z.array(z.string()),
	statisticsPeriod: z
		.object({ start: z.string().nullable(), end: z.string().nullable(), raw: z.string() })
		.nullable(),
	publicationDate: z.string().nullable(),
	publicationDateKind: z.enum(['signature', 'printed', 'web']).nullable(),
	documentNumber: z.string().nullable(),
	addressee: z.string().nullable(),
	signatureBody: z.string().nullable(),
});
export type Metadata = z.infer<typeof metadataSchema>;

/** The form a report was published in; every form but `text` is read through derived text. */
export const sourceFormatSchema = z.enum(['text', 'html', 'pdf', 'docx']);
export type SourceFormat = z.infer<typeof sourceFormatSchema>;

export const reportRecordSchema = z.object({
	schemaVersion: z.literal('1'),
	source: z.object({
		file: z.string(),
		encoding: z.string(),
		lineCount: z.number().int(),
		format: sourceFormatSchema,
		/** True when the text (and every line/col in this record) was derived from the original file. */
		derived: z.boolean(),
	}),
	formatVersion: z.enum(['2019', '2021', 'mixed', 'none']),
	metadata: metadataSchema,
	sections: objectOf(SECTION_KEYS, sectionSchema),
	table2: table2Schema.nullable(),
	table2v2019: table2v2019Schema.nullable(),
	table3: table3Schema.nullable(),
	table4: table4Schema.nullable(),
	labelVariants: z.array(z.object({ path: z.string(), raw: z.string(), line: z.number().int() })),
	checks: z.array(checkResultSchema),
	diagnostics: z.array(diagnosticSchema),
	/** Provenance of every cell, keyed by dotted path such as `table3.newReceived.total`. */
	cells: z.record(z.string(), cellProvenanceSchema),
	/** Numeric tokens in table sections that landed in no cell, with the reason. */
	unassigned: z.array(
		z.object({
			raw: z.string(),
			line: z.number().int(),
			col: z.number().int(),
			table: z.string(),
			reason: z.string(),
		}),
	),
});
export type ReportRecord = z.infer<typeof reportRecordSchema>;
