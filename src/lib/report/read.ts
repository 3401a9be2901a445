/**
 * The async entry for a file in any published form: extract its text (extract/), then parse
 * that text. Every line and column in the record points into the derived text, which callers
 * keep and show (the ingest stores it as the entry's source text).
 */
import type { ReportRecord } from '../model/record.ts';
import { extractReport, type ExtractedReport } from './extract/index.ts';
import { parseReport } from './parse.ts';

export interface ReadReport {
	record: ReportRecord;
	/** The text the record's lines and columns point into. */
	text: string;
	extracted: ExtractedReport;
}

export async function readReportFile(
	bytes: Uint8Array,
	options: { file: string },
): Promise<ReadReport> {
	const extracted = await extractReport(bytes, options);
	return { record: parseExtracted(extracted, options), text: extracted.text, extracted };
}

/** Parse text already extracted (the sync half, for callers that extracted ahead of time). */
export function parseExtracted(
	extracted: ExtractedReport,
	options: { file: string },
): ReportRecord {
	const { text, ...form } = extracted;
	return parseReport(text, { file: options.file, form });
}

/** The record of a file in any form. */
export async function readReport(
	bytes: Uint8Array,
	options: { file: string },
): Promise<ReportRecord> {
	return (await readReportFile(bytes, options)).record;
}
