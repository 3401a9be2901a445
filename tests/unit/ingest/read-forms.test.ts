/**
 * The ingest over every published form: pages, PDFs and Word files dropped into content/reports/
 * are read (extracted ahead by read-forms.ts), placed and written like text reports; their
 * originals are kept byte for byte; a scan is rejected by name; the summary counts each form.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import { silentProgress } from '../../../src/lib/ingest/progress.ts';
import { isCached, withParseCache } from '../../../src/lib/ingest/parse-cache.ts';
import { prepareFormsParser } from '../../../src/lib/ingest/read-forms.ts';
import { REPORTS_DIR, runIngest, type IngestResult } from '../../../src/lib/ingest/run-ingest.ts';
import { summaryLines } from '../../../src/lib/ingest/summary.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const forms = join(repo, 'tests/fixtures/forms');
const FILES = ['pdf-ruled.pdf', 'pdf-borderless.pdf', 'docx-report.docx', 'html-script.html'];

describe('ingesting reports published as PDF, Word and web pages', () => {
	let root: string;
	let result: IngestResult;
	beforeAll(async () => {
		root = mkdtempSync(join(tmpdir(), 'ingest-forms-'));
		cpSync(join(repo, 'content/reports'), join(root, 'content/reports'), { recursive: true });
		for (const f of [...FILES, 'scan-no-text-layer.pdf'])
			cpSync(join(forms, f), join(root, 'content/reports', f));
		writeFileSync(
			join(root, 'content/reports/old.doc'),
			Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(64), 'hex'),
		);
		cpSync(
			join(repo, 'content/townships.overrides.json'),
			join(root, 'content/townships.overrides.json'),
		);
		const parser = await prepareFormsParser(root, REPORTS_DIR);
		result = runIngest(parser, {
			rootDir: root,
			divisions: loadDivisions(),
			progress: silentProgress,
		});
	}, 60_000);

	it('writes an entry for each readable form, beside the five text seeds', () => {
		const written = result.entries.map((e) => e.sourceFile.replace(`${REPORTS_DIR}/`, ''));
		expect(written).toEqual(expect.arrayContaining(FILES));
		expect(result.entries).toHaveLength(5 + FILES.length);
	});

	it('counts the forms in the summary and prints them', () => {
		expect(result.summary.forms).toEqual({ text: 5, html: 1, pdf: 2, docx: 1 });
		expect(summaryLines(result.summary)).toContain('ingest: forms: 5 text, 1 html, 2 pdf, 1 docx');
	});

	it('rejects the scan and the legacy .doc by name, with what to do', () => {
		const reasons = Object.fromEntries(result.summary.rejected.map((r) => [r.file, r.reason]));
		expect(reasons[`${REPORTS_DIR}/scan-no-text-layer.pdf`]).toMatch(/扫描件，没有文字层/);
		expect(reasons[`${REPORTS_DIR}/old.doc`]).toMatch(/另存为/);
	});

	it('keeps each original byte for byte in content/generated/originals/', () => {
		for (const entry of result.entries) {
			const { format } = entry.record.source;
			const kept = readdirSync(join(root, 'content/generated/originals')).filter((f) =>
				f.startsWith(`${entry.id}.`),
			);
			if (format === 'text') {
				expect(kept).toEqual([]);
				continue;
			}
			expect(kept).toHaveLength(1);
			expect(
				readFileSync(join(root, 'content/generated/originals', kept[0]!)).equals(
					readFileSync(join(root, entry.sourceFile)),
				),
			).toBe(true);
		}
	});

	it('stores the derived text as the source text, the text every line/col points into', () => {
		const pdf = result.entries.find((e) => e.sourceFile.endsWith('pdf-ruled.pdf'))!;
		expect(pdf.record.source).toMatchObject({ format: 'pdf', derived: true });
		// The text is in the report's detail file, beside the slim collection entry.
		const detail = result.details.find((d) => d.id === pdf.id)!;
		const lines = detail.sourceText.split('\n');
		const cell = pdf.record.cells['table3.newReceived.total']!;
		expect(lines[cell.line! - 1]!.slice(cell.col! - 1)).toMatch(new RegExp(`^${cell.raw!.trim()}`));
	});
});

describe('a re-ingest of forms the parse cache holds', () => {
	it('extracts none of them again and writes the same collection', async () => {
		const root = mkdtempSync(join(tmpdir(), 'ingest-forms-cached-'));
		for (const f of FILES) cpSync(join(forms, f), join(root, 'content/reports', f));
		cpSync(
			join(repo, 'content/townships.overrides.json'),
			join(root, 'content/townships.overrides.json'),
		);
		const cacheDir = join(root, '.cache/parse');
		const skip = (bytes: Uint8Array, file: string) => isCached(cacheDir, 'v1', bytes, file);
		const ingest = async () =>
			runIngest(
				withParseCache(await prepareFormsParser(root, REPORTS_DIR, { skip }), cacheDir, 'v1'),
				{
					rootDir: root,
					divisions: loadDivisions(),
					progress: silentProgress,
				},
			);
		const first = await ingest();
		// Through the cache, as npm run ingest reads them: the extracted text is found by file name.
		expect(first.summary.rejected).toEqual([]);
		expect(first.summary.counts.written).toBe(FILES.length);

		const skipped: string[] = [];
		const uncached = await prepareFormsParser(root, REPORTS_DIR, {
			skip: (bytes, file) => (skip(bytes, file) ? skipped.push(file) > 0 : false),
		});
		expect(skipped.sort()).toEqual(FILES.map((f) => `${REPORTS_DIR}/${f}`).sort());
		// Not extracted: asked directly, the forms parser says the cache must answer.
		const pdf = join(root, 'content/reports/pdf-ruled.pdf');
		expect(() =>
			uncached.parseReport(readFileSync(pdf), { file: `${REPORTS_DIR}/pdf-ruled.pdf` }),
		).toThrow(/解析缓存中本文件的结果在运行中被删除/);

		const second = await ingest();
		expect(second.files).toEqual({ written: 0, unchanged: first.files.written });
		expect(second.entries).toEqual(first.entries);
	}, 60_000);
});
