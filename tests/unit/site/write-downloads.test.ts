/**
 * The download writer streams each file entry by entry; what it writes must be byte for byte what
 * the whole-collection functions of open-data.ts and tracker.ts produce from the same entries (the
 * seeds, the hostile report and a township with several years, so similarity has a previous
 * report), its gzip copies must unpack to the same bytes, and its manifest must state the sizes.
 */
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import divisions from '../../../src/data/divisions.json' with { type: 'json' };
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import { silentProgress } from '../../../src/lib/ingest/progress.ts';
import { runIngest } from '../../../src/lib/ingest/run-ingest.ts';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import type { ReportDetail, ReportEntry } from '../../../src/lib/model/entry.ts';
import { decodeReport, parseReport } from '../../../src/lib/report/index.ts';
import { buildSiteIndex } from '../../../src/lib/site/indexes.ts';
import {
	cellsCsv,
	checksCsv,
	keyFiguresCsv,
	openDataReports,
	recordJsonSchema,
	reportsCsv,
	reportsJson,
} from '../../../src/lib/site/open-data.ts';
import { buildTracker, trackerCsv } from '../../../src/lib/site/tracker.ts';
import { recordJson } from '../../../src/lib/site/report-details.ts';
import {
	GZIP_ONLY,
	RECORD_GZIP_LEVEL,
	writeDownloads,
	type DownloadManifest,
} from '../../../src/lib/site/write-downloads.ts';
import { makeEntry } from './entry-factory.ts';

let generated: string;
let entries: ReportEntry[];
let manifest: DownloadManifest;
let details: Map<string, ReportDetail>;

beforeAll(async () => {
	const root = mkdtempSync(join(tmpdir(), 'write-downloads-'));
	cpSync('content/reports', join(root, 'content/reports'), { recursive: true });
	cpSync('tests/fixtures/hostile/content/reports', join(root, 'content/reports/hostile'), {
		recursive: true,
	});
	const ingested = runIngest(
		{ parseReport, decodeReport },
		{ rootDir: root, divisions: loadDivisions(), progress: silentProgress },
	);
	// Three years of one township, out of order on disk, so "the latest earlier report" is exercised.
	const years = [2022, 2020, 2021].map((year) =>
		makeEntry({
			code: '610881104',
			year,
			set: {
				'sections.overview.text': `${year}年，本镇认真贯彻落实政府信息公开条例，扎实推进工作。`,
			},
		}),
	);
	expect(ingested.entries.length).toBeGreaterThanOrEqual(4);
	entries = [...ingested.entries, ...years];
	generated = join(root, 'content/generated');
	mkdirSync(join(generated, 'reports'), { recursive: true });
	mkdirSync(join(generated, 'details'), { recursive: true });
	details = new Map(ingested.details.map((d) => [d.id, d]));
	for (const e of years) {
		const detail = { id: e.id, sourceText: '', checks: e.record.checks };
		writeFileSync(join(generated, 'reports', `${e.id}.json`), JSON.stringify(e));
		writeFileSync(join(generated, 'details', `${e.id}.json`), JSON.stringify(detail));
		details.set(e.id, detail);
	}
	manifest = await writeDownloads({ generated, divisions: divisions as DivisionTable });
}, 60_000);

/** A download's bytes, unpacked when it is written only gzipped. */
const written = (file: string) =>
	GZIP_ONLY.has(file)
		? gunzipSync(readFileSync(join(generated, 'data', `${file}.gz`)))
		: readFileSync(join(generated, 'data', file));

describe('writeDownloads', () => {
	it('writes what the whole-collection functions write, byte for byte, in the site order', () => {
		const site = buildSiteIndex(entries);
		const reports = openDataReports(site.reports);
		const expected: Record<string, string> = {
			'reports.csv': reportsCsv(reports),
			'key-figures.csv': keyFiguresCsv(reports),
			'cells.csv': cellsCsv(site.reports),
			'checks.csv': checksCsv(site.reports, (e) => details.get(e.id)!.checks),
			'reports.json': reportsJson(reports),
			'tracker.csv': trackerCsv(buildTracker(site.townships, divisions as DivisionTable)),
			'schema.json': JSON.stringify(recordJsonSchema(), null, 2),
		};
		for (const [file, text] of Object.entries(expected))
			expect(written(file).equals(Buffer.from(text)), file).toBe(true);
		const json = JSON.parse(written('reports.json').toString()) as {
			reports: { id: string; similarity: { previousId: string | null } }[];
		};
		expect(json.reports.map((r) => r.id)).toEqual(site.reports.map((r) => r.id));
		expect(json.reports.find((r) => r.id === '610881104-2022')!.similarity.previousId).toBe(
			'610881104-2021',
		);
	});

	it('states the data hash: SHA-256 over every report as reports.json carries it, in order', () => {
		const json = JSON.parse(written('reports.json').toString()) as { reports: unknown[] };
		const items = json.reports.map((r) => JSON.stringify(r)).join('');
		expect(manifest.dataHash).toBe(createHash('sha256').update(items).digest('hex'));
	});

	it('has one reports.csv row per entry', () => {
		const lines = written('reports.csv').toString().split('\r\n').filter(Boolean);
		expect(lines).toHaveLength(entries.length + 1);
		expect(manifest.reports).toBe(entries.length);
	});

	it('states every file and gzip copy at its size on disk, and the copy unpacks to the file', () => {
		// The big national files are written only gzipped; the small ones plain and gzipped.
		expect(
			manifest.files
				.filter((f) => !f.plain)
				.map((f) => f.file)
				.sort(),
		).toEqual(['cells.csv', 'checks.csv', 'reports.json']);
		expect(manifest.files.map((f) => f.file).sort()).toEqual(
			[
				'cells.csv',
				'checks.csv',
				'key-figures.csv',
				'reports.csv',
				'reports.json',
				'schema.json',
				'tracker.csv',
			].sort(),
		);
		const onDisk = (file: string) => join(generated, 'data', file);
		for (const f of manifest.files) {
			expect(existsSync(onDisk(f.file)), f.file).toBe(f.plain);
			expect(f.bytes, f.file).toBe(written(f.file).length);
			if (f.plain) expect(f.bytes, f.file).toBe(statSync(onDisk(f.file)).size);
			if (f.gzipBytes === null) continue;
			expect(f.gzipBytes).toBe(statSync(onDisk(`${f.file}.gz`)).size);
			if (f.plain)
				expect(gunzipSync(readFileSync(onDisk(`${f.file}.gz`))).equals(written(f.file))).toBe(true);
		}
	});

	it('writes every report’s record.json.gz: the entry with its source text, best compression', () => {
		const dir = join(generated, 'records');
		expect(readdirSync(dir).sort()).toEqual(entries.map((e) => `${e.id}.json.gz`).sort());
		for (const entry of entries) {
			const packed = readFileSync(join(dir, `${entry.id}.json.gz`));
			const record = JSON.parse(gunzipSync(packed).toString()) as Record<string, unknown>;
			expect(record, entry.id).toEqual(JSON.parse(recordJson(entry, details.get(entry.id)!)));
			expect(record['sourceText'], entry.id).toBe(details.get(entry.id)!.sourceText);
			expect(packed.length, entry.id).toBe(
				gzipSync(gunzipSync(packed), { level: RECORD_GZIP_LEVEL }).length,
			);
		}
	});

	it('stops, naming the file, when an entry file is not named by its township and year', async () => {
		const copy = join(mkdtempSync(join(tmpdir(), 'write-downloads-misnamed-')), 'generated');
		cpSync(generated, copy, { recursive: true });
		const entry = readFileSync(join(copy, 'reports', '610881104-2021.json'));
		writeFileSync(join(copy, 'reports', '610881104-2019.json'), entry);
		await expect(
			writeDownloads({ generated: copy, divisions: divisions as DivisionTable }),
		).rejects.toThrow(/610881104-2019\.json: the file name does not match the entry/);
	});
});
