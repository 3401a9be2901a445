/**
 * The bulk downloads of /data/ (reports.csv, cells.csv, checks.csv, tracker.csv, reports.json,
 * schema.json), written by a step of their own after the ingest instead of by Astro endpoints:
 * the collection is read one entry file at a time, in the site's order, and every row is streamed
 * to disk (with a gzip copy), so no download is ever one string or one heap of all reports.
 * Only a small index (id, township, year per report) is held. The columns are open-data.ts's and
 * tracker.ts's, so the bytes are those the endpoints wrote.
 *
 * Files go to content/generated/data/ with a manifest of their sizes (the /data/ page states
 * them); the build copies them to dist/data/ (astro.config.mjs).
 *
 * The three files that grow by tens of KB per report (cells.csv, checks.csv, reports.json: ~100 KB
 * per report together, ~27 GB at 270k reports) are written only as their gzip copy (~10× smaller):
 * serving them twice was a third of dist/ (issue 12 item 5). The small ones (reports.csv,
 * tracker.csv: ~1–2 KB per report) stay uncompressed too, to open straight in a spreadsheet.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DivisionTable } from '../model/division-table.ts';
import { reportEntrySchema, type ReportEntry } from '../model/entry.ts';
import { openCsvSink, openTextSink } from './csv-stream.ts';
import { downloadsDir, downloadsManifest, entriesDir } from './generated-files.ts';
import { buildSiteIndex, reportContext, type IndexedEntry } from './indexes.ts';
import { reportDetail } from './report-details.ts';
import {
	CELL_CSV_COLUMNS,
	CHECK_CSV_COLUMNS,
	KEY_FIGURE_COLUMNS,
	REPORT_COLUMNS,
	cellRows,
	checkRows,
	openDataReport,
	recordJsonSchema,
	reportsJsonHead,
	reportsJsonItem,
	REPORTS_JSON_TAIL,
} from './open-data.ts';
import { buildTracker, TRACKER_COLUMNS, trackerRows } from './tracker.ts';

export interface DownloadFile {
	file: string;
	/** Size of the uncompressed file (of what `<file>.gz` unpacks to, when only that is written). */
	bytes: number;
	/** Whether `<file>` itself is written; false: only `<file>.gz`. */
	plain: boolean;
	/** Size of the gzip copy `<file>.gz`, or null when none is written. */
	gzipBytes: number | null;
}

/** Written only as `<file>.gz` (see the head of this file). */
export const GZIP_ONLY: ReadonlySet<string> = new Set(['cells.csv', 'checks.csv', 'reports.json']);

/**
 * Every file the writer writes, in the manifest's order: whether `<file>` itself is written and
 * whether a `<file>.gz` copy is (the default, gzip on). The /data/ page is laid out from this
 * when it is rendered before the writer has finished (data-page-facts.ts).
 */
export const DOWNLOAD_FILES: readonly { file: string; plain: boolean; gzip: boolean }[] = [
	'reports.csv',
	'key-figures.csv',
	'cells.csv',
	'checks.csv',
	'tracker.csv',
	'reports.json',
	'schema.json',
].map((file) => ({ file, plain: !GZIP_ONLY.has(file), gzip: file !== 'schema.json' }));

/** The name a download is served under in /data/: `<file>.gz` for GZIP_ONLY files. */
export const servedName = (file: string) => (GZIP_ONLY.has(file) ? `${file}.gz` : file);

export interface DownloadManifest {
	reports: number;
	/** SHA-256 of every report's reports.json item, in order: the data version's content part. */
	dataHash: string;
	files: DownloadFile[];
}

interface IndexRow extends IndexedEntry {
	/** The entry's file in the collection. */
	path: string;
}

const keys = <R>(columns: { key: string; value: (row: R) => unknown }[]) =>
	columns.map((c) => c.key);

function readEntry(path: string): ReportEntry {
	return reportEntrySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The small part of every entry that orders the downloads and builds the tracker. */
function readIndex(dir: string): IndexRow[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const path = join(dir, f);
			// Validated when the entry itself is read for its rows; here only four fields are kept.
			const { id, township, year, sourceFile } = JSON.parse(
				readFileSync(path, 'utf8'),
			) as ReportEntry;
			return { id, township, year, sourceFile, path };
		});
}

/** Writes every download of the collection under `generated` into its data/ folder. */
export async function writeDownloads(options: {
	generated: string;
	divisions: DivisionTable;
	gzip?: boolean;
}): Promise<DownloadManifest> {
	const gzip = options.gzip ?? true;
	const outDir = downloadsDir(options.generated);
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	const at = (file: string) => join(outDir, file);
	const plain = (file: string) => !gzip || !GZIP_ONLY.has(file);
	const how = (file: string) => ({ gzip, plain: plain(file) });

	const site = buildSiteIndex(readIndex(entriesDir(options.generated)));
	const reportsCsv = openCsvSink(at('reports.csv'), keys(REPORT_COLUMNS), how('reports.csv'));
	const keyFiguresCsv = openCsvSink(
		at('key-figures.csv'),
		keys(KEY_FIGURE_COLUMNS),
		how('key-figures.csv'),
	);
	const cellsCsv = openCsvSink(at('cells.csv'), keys(CELL_CSV_COLUMNS), how('cells.csv'));
	const checksCsv = openCsvSink(at('checks.csv'), keys(CHECK_CSV_COLUMNS), how('checks.csv'));
	const reportsJson = openTextSink(at('reports.json'), how('reports.json'));
	await reportsJson.write(reportsJsonHead());

	// The data version (data-version.ts): a hash of every report as reports.json carries it.
	const dataHash = createHash('sha256');
	let first = true;
	for (const row of site.reports) {
		const entry = readEntry(row.path);
		// Similarity is against the same township's latest earlier report.
		const earlier = site.byCode.get(row.township.code)!.reports.filter((r) => r.year < row.year);
		const previousRow = earlier[earlier.length - 1];
		const previous = previousRow && readEntry(previousRow.path);
		const report = openDataReport(entry, reportContext(entry, previous));
		await reportsCsv.row(REPORT_COLUMNS.map((c) => c.value(report)));
		await keyFiguresCsv.row(KEY_FIGURE_COLUMNS.map((c) => c.value(report)));
		for (const cell of cellRows(entry))
			await cellsCsv.row(CELL_CSV_COLUMNS.map((c) => c.value(cell)));
		for (const check of checkRows(entry, reportDetail(entry.id, options.generated).checks))
			await checksCsv.row(CHECK_CSV_COLUMNS.map((c) => c.value(check)));
		const item = reportsJsonItem(report);
		dataHash.update(item);
		await reportsJson.write((first ? '' : ',') + item);
		first = false;
	}
	await reportsJson.write(REPORTS_JSON_TAIL);

	const trackerCsv = openCsvSink(at('tracker.csv'), keys(TRACKER_COLUMNS), how('tracker.csv'));
	for (const row of trackerRows(buildTracker(site.townships, options.divisions)))
		await trackerCsv.row(TRACKER_COLUMNS.map((c) => c.value(row)));

	const schema = openTextSink(at('schema.json'), { gzip: false });
	await schema.write(JSON.stringify(recordJsonSchema(), null, 2));

	const ends: Record<string, () => Promise<number>> = {
		'reports.csv': () => reportsCsv.end(),
		'key-figures.csv': () => keyFiguresCsv.end(),
		'cells.csv': () => cellsCsv.end(),
		'checks.csv': () => checksCsv.end(),
		'tracker.csv': () => trackerCsv.end(),
		'reports.json': () => reportsJson.end(),
		'schema.json': () => schema.end(),
	};
	const sizes: [string, number, boolean][] = [];
	for (const f of DOWNLOAD_FILES) sizes.push([f.file, await ends[f.file]!(), gzip && f.gzip]);
	const manifest: DownloadManifest = {
		reports: site.reports.length,
		dataHash: dataHash.digest('hex'),
		files: sizes.map(([file, bytes, zipped]) => ({
			file,
			bytes,
			plain: plain(file),
			gzipBytes: zipped ? statSync(`${at(file)}.gz`).size : null,
		})),
	};
	writeFileSync(downloadsManifest(options.generated), JSON.stringify(manifest, null, '\t') + '\n');
	return manifest;
}
