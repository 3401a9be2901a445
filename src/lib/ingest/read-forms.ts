/**
 * Reports published as web pages, PDFs and Word files need an async extraction step (pdfjs,
 * mammoth) before the synchronous ingest parses them. This reads every such file under
 * content/reports/ first and hands the ingest a parser that uses the extracted text; plain
 * text files take the usual path. A file that changed between the two reads is refused. A file
 * the parse cache already holds (`skip`) is not extracted at all: the cache answers for it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	decodeReport,
	detectForm,
	extractReport,
	parseExtracted,
	parseReport,
	type ExtractedReport,
} from '../report/index.ts';
import { discoverReportFiles } from './discover.ts';
import type { ReportParser } from './first-pass.ts';

type Prepared = { hash: string } & (
	{ extracted: ExtractedReport } | { error: unknown } | { skipped: true }
);

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `file` as the ingest names it: content/reports/…. */
export async function prepareFormsParser(
	rootDir: string,
	reportsDir: string,
	options: FormsOptions = {},
): Promise<ReportParser> {
	let files: ReturnType<typeof discoverReportFiles>['files'] = [];
	try {
		files = discoverReportFiles(join(rootDir, reportsDir)).files;
	} catch {
		// No reports folder: the ingest reports it (or writes an empty collection).
	}
	return prepareFilesParser(
		files.map(({ absolutePath, relativePath }) => ({
			absolutePath,
			file: `${reportsDir}/${relativePath}`,
		})),
		options,
	);
}

interface FormsOptions {
	/** Files not to extract because another layer (the parse cache) answers for them. */
	skip?: (bytes: Uint8Array, file: string) => boolean;
}

/** The same for the given files only (a parse worker's task: one file, or one township's). */
export async function prepareFilesParser(
	files: readonly { absolutePath: string; file: string }[],
	options: FormsOptions = {},
): Promise<ReportParser> {
	const prepared = new Map<string, Prepared>();
	for (const { absolutePath, file } of files) {
		let bytes: Uint8Array;
		try {
			bytes = readFileSync(absolutePath);
		} catch {
			continue; // The ingest reads it again and reports why it cannot.
		}
		if (detectForm(bytes, file) === 'text') continue;
		if (options.skip?.(bytes, file)) {
			prepared.set(file, { hash: hashOf(bytes), skipped: true });
			continue;
		}
		try {
			prepared.set(file, { hash: hashOf(bytes), extracted: await extractReport(bytes, { file }) });
		} catch (error) {
			prepared.set(file, { hash: hashOf(bytes), error });
		}
	}
	const lookup = (bytes: Uint8Array, file: string | undefined) => {
		const entry = file === undefined ? undefined : prepared.get(file);
		if (!entry) return null;
		if (entry.hash !== hashOf(bytes)) {
			const error = new Error('文件在读取过程中被改动，请重新运行 npm run ingest');
			error.name = 'ReportRejection';
			throw error;
		}
		if ('error' in entry) throw entry.error;
		if ('skipped' in entry) {
			const error = new Error('解析缓存中本文件的结果在运行中被删除，请重新运行 npm run ingest');
			error.name = 'ReportRejection';
			throw error;
		}
		return entry.extracted;
	};
	return {
		parseReport(bytes, options) {
			const extracted = lookup(bytes, options.file);
			return extracted ? parseExtracted(extracted, options) : parseReport(bytes, options);
		},
		decodeReport(bytes, options) {
			return lookup(bytes, options?.file) ?? decodeReport(bytes);
		},
	};
}
