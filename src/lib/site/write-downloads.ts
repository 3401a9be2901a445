/**
 * The bulk downloads of /data/ (reports.csv, cells.csv, checks.csv, tracker.csv, reports.json,
 * schema.json), written by a step of their own after the ingest instead of by Astro endpoints:
 * the collection is read one entry file at a time, in the site's order, and every row is streamed
 * to disk (with a gzip copy), so no download is ever one string or one heap of all reports.
 * Only a small index (id, township, year per report) is held. The columns are open-data.ts's and
 * tracker.ts's, so the bytes are those the endpoints wrote.
 *
 * Files go to content/generated/data/ with a manifest of their sizes (the /data/ page states
 * them); the build links them into dist/data/ (scripts/build.ts). Each report's record.json.gz
 * (the entry with its source text) is written here too, into content/generated/records/, since
 * the detail file is read for checks.csv anyway: in `astro build` it was a third of the page
 * time, and the writer runs beside Astro on the other core.
 *
 * The three files that grow by tens of KB per report (cells.csv, checks.csv, reports.json: ~100 KB
 * per report together, ~27 GB at 270k reports) are written only as their gzip copy (~10× smaller):
 * serving them twice was a third of dist/ (issue 12 item 5). The small ones (reports.csv,
 * tracker.csv: ~1–2 KB per report) stay uncompressed too, to open straight in a spreadsheet.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DivisionTable } from '../model/division-table.ts';
import { reportEntrySchema, type ReportEntry } from '../model/entry.ts';
import { openCsvSink, openTextSink } from './csv-stream.ts';
import { downloadsDir, downloadsManifest, entriesDir, recordsDir } from './generated-files.ts';
import { allDerived } from './derived-metrics.ts';
import { buildSiteIndex, type IndexedEntry } from './indexes.ts';
import { narrativeSimilarity, type NarrativeSimilarity } from './similarity.ts';
import { recordJson, reportDetail } from './report-details.ts';
import {
	CELL_CSV_COLUMNS,
	CHECK_CSV_COLUMNS,
	KEY_FIGURE_COLUMNS,
	REPORT_COLUMNS,
	cellRows,
	checkRows,
	type OpenDataReport,
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

const gzipAsync = promisify(gzipCallback);

/**
 * record.json.gz, the one per-report download, at zlib's best compression: it is served for every
 * report, so its size counts against the per-report budget (issue 12 item 5). Node writes no
 * timestamp into the gzip header, so the same record gives the same bytes.
 */
export const RECORD_GZIP_LEVEL = 9;

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
	/** Against the same township's latest earlier report (`previousId`), found in readIndex. */
	similarity: NarrativeSimilarity;
	previousId: string | null;
}

const keys = <R>(columns: { key: string; value: (row: R) => unknown }[]) =>
	columns.map((c) => c.key);

function readEntry(path: string): ReportEntry {
	return reportEntrySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** `<code>-<year>.json` → code and year (reportId of the ingest). */
function fileKey(file: string): { id: string; code: string; year: number } {
	const id = file.slice(0, -'.json'.length);
	const dash = id.lastIndexOf('-');
	return { id, code: id.slice(0, dash), year: Number(id.slice(dash + 1)) };
}

/**
 * The small part of every entry that orders the downloads and builds the tracker, and each
 * report's narrative similarity: the files are read township by township, oldest first, so the
 * previous report is the one just read (one entry held, each file read once here and once for
 * its rows). Validated when the entry is read for its rows; here only JSON.
 */
function readIndex(dir: string): IndexRow[] {
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => ({ file: f, ...fileKey(f) }))
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.year - b.year));
	let previous: ReportEntry | undefined;
	return files.map(({ file, id }) => {
		const path = join(dir, file);
		const entry = JSON.parse(readFileSync(path, 'utf8')) as ReportEntry;
		if (entry.id !== id || `${entry.township.code}-${entry.year}` !== id)
			throw new Error(
				`${path}: the file name does not match the entry (id ${entry.id}, township ${entry.township.code}, year ${entry.year}); run \`npm run ingest\` again`,
			);
		const earlier = previous?.township.code === entry.township.code ? previous : undefined;
		previous = entry;
		const { township, year, sourceFile } = entry;
		return {
			id,
			township,
			year,
			sourceFile,
			path,
			similarity: narrativeSimilarity(entry.record, earlier?.record),
			previousId: earlier?.id ?? null,
		};
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

	const records = recordsDir(options.generated);
	rmSync(records, { recursive: true, force: true });
	mkdirSync(records, { recursive: true });

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
		// openDataReport's shape, with the similarity readIndex found.
		const report: OpenDataReport = {
			entry,
			derived: allDerived(entry.record, entry.passedChecks),
			similarity: { ...row.similarity, previousId: row.previousId },
		};
		await reportsCsv.row(REPORT_COLUMNS.map((c) => c.value(report)));
		await keyFiguresCsv.row(KEY_FIGURE_COLUMNS.map((c) => c.value(report)));
		await cellsCsv.rows(cellRows(entry).map((cell) => CELL_CSV_COLUMNS.map((c) => c.value(cell))));
		const detail = reportDetail(entry.id, options.generated);
		// record.json.gz, compressed on zlib's thread pool while this thread writes the rows.
		const record = gzipAsync(recordJson(entry, detail), { level: RECORD_GZIP_LEVEL }).then(
			(bytes) => writeFile(join(records, `${entry.id}.json.gz`), bytes),
		);
		const checks = checkRows(entry, detail.checks);
		await checksCsv.rows(checks.map((check) => CHECK_CSV_COLUMNS.map((c) => c.value(check))));
		const item = reportsJsonItem(report);
		dataHash.update(item);
		await reportsJson.write((first ? '' : ',') + item);
		first = false;
		await record;
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
