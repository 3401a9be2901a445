/**
 * The collector's one call into the parser: the same entry the ingest uses, which reads every
 * form a report is published in (text, web page, PDF, Word). A ReportRejection means "not a report".
 */
import { readReport, type ReportRecord } from '../report/index.ts';

export async function readCollectedReport(bytes: Uint8Array, file: string): Promise<ReportRecord> {
	return readReport(bytes, { file });
}

export type ReadReport = typeof readCollectedReport;
