/**
 * The collector's one call into the parser. Today's parser reads text files; HTML, PDF and
 * DOCX extraction arrives as an async entry (readReport(bytes, { file })) in src/lib/report/,
 * and switching to it is a change to this one function. A ReportRejection means "not a report".
 */
import { parseReport, type ReportRecord } from '../report/index.ts';

export async function readCollectedReport(bytes: Uint8Array, file: string): Promise<ReportRecord> {
	return parseReport(bytes, { file });
}

export type ReadReport = typeof readCollectedReport;
