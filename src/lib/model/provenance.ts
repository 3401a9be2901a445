/**
 * Where a report's original file came from: the record a reader needs to check a number against
 * the government's own page (source URL, retrieval time, HTTP status and final URL, SHA-256 of the
 * bytes kept). One sidecar per original, `<file>.source.json` beside it under content/reports/,
 * written by `npm run add` and read by the ingest into the collection entry. A report without a
 * sidecar (the bundled seeds) has no provenance, and the site says so instead of inventing one.
 */
import { z } from 'zod';

/** The sidecar of `content/reports/a/b.pdf` is `content/reports/a/b.pdf.source.json`. */
export const PROVENANCE_SUFFIX = '.source.json';

export const sidecarPathOf = (reportPath: string): string => `${reportPath}${PROVENANCE_SUFFIX}`;

export const isProvenanceSidecar = (path: string): boolean => path.endsWith(PROVENANCE_SUFFIX);

/** Only http(s): a sidecar's URL becomes a link on a report page, so javascript: and data: are refused. */
const webUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' });

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, {
	error: 'sha256 is 64 lowercase hexadecimal digits',
});

const commonFields = {
	/** When the bytes were fetched or copied in (ISO 8601 with offset). */
	retrievedAt: z.iso.datetime({ offset: true }),
	/** SHA-256 of the original bytes as kept beside this sidecar. */
	sha256: sha256Schema,
	/** Size of the original in bytes. */
	size: z.number().int().nonnegative(),
	/** The file's name as published (Content-Disposition, the URL's last segment, or the local file). */
	originalName: z.string().nullable(),
	/** Anything the curator or the fetcher wants a reader to know (e.g. "replaces an earlier download"). */
	notes: z.string().optional(),
};

/** Fetched from a government site by `npm run add -- URL`. */
export const webProvenanceSchema = z.strictObject({
	retrieval: z.literal('web'),
	/** The URL asked for: the government's own address of the report (原文链接). */
	sourceUrl: webUrl,
	/** Where the last redirect led; equal to sourceUrl when there was none. */
	finalUrl: webUrl,
	/** The article page that linked this attachment, when the report is an attachment of a page. */
	pageUrl: webUrl.nullable(),
	/** The publishing site's name as the page states it (or its host name). */
	siteName: z.string().nullable(),
	/** HTTP status of the final response. */
	httpStatus: z.number().int().min(100).max(599),
	/** Content-Type header of the final response. */
	contentType: z.string().nullable(),
	...commonFields,
});

/** Copied in from a local file by `npm run add -- FILE`: the web address is not known. */
export const fileProvenanceSchema = z.strictObject({
	retrieval: z.literal('file'),
	...commonFields,
});

export const provenanceSchema = z.discriminatedUnion('retrieval', [
	webProvenanceSchema,
	fileProvenanceSchema,
]);
export type Provenance = z.infer<typeof provenanceSchema>;
export type WebProvenance = z.infer<typeof webProvenanceSchema>;
