/**
 * What the parser is told about text that was extracted from a published form: which form,
 * how it was decoded, the web page's information block, and notes for the curator.
 */
import type { SourceFormat } from '../../model/record.ts';
import type { DecodeNote } from '../decode.ts';
import type { WebMeta } from './web-meta.ts';

export interface ReportForm {
	format: SourceFormat;
	/** The text's character encoding (text, html) or the form it was read from (pdf, docx). */
	encoding: string;
	/** The text is not the file itself but derived from it (every form but plain text). */
	derived: boolean;
	webMeta?: WebMeta;
	/** Damage found while decoding bytes into text. */
	decodeNotes?: DecodeNote[];
	/** What the extraction did, shown as `derived-text` info messages. */
	notes?: string[];
}

/** A file's bytes read into text, with its form. */
export interface ExtractedReport extends ReportForm {
	text: string;
}
