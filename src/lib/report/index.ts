/** The parser library: pure TypeScript, no Astro. */
export { parseReport, type ParseOptions } from './parse.ts';
export { decodeReport, ReportRejection, type DecodedText } from './decode.ts';
export { formatDiagnostic } from './diagnostics.ts';
export * from '../model/record.ts';
export * from '../model/vocabulary.ts';
export { readReport, readReportFile, parseExtracted, type ReadReport } from './read.ts';
export { extractReport, detectForm, type ExtractedReport, type WebMeta } from './extract/index.ts';
