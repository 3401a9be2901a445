/**
 * The ingest carries each report's sidecar (`<file>.source.json`) into its collection entry,
 * never reads a sidecar as a report, and refuses a sidecar whose SHA-256 no longer matches the
 * file (the original was edited after it was fetched) or that breaks the schema.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverReportFiles } from '../../../src/lib/ingest/discover.ts';
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import { silentProgress } from '../../../src/lib/ingest/progress.ts';
import { runIngest } from '../../../src/lib/ingest/run-ingest.ts';
import type { Provenance } from '../../../src/lib/model/provenance.ts';
import { decodeReport, parseReport } from '../../../src/lib/report/index.ts';
import { REPORTS } from '../../support/collect-server.ts';

const divisions = loadDivisions();
const roots: string[] = [];
afterAll(() => {
	for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function provenanceFor(text: string, url: string): Provenance {
	return {
		retrieval: 'web',
		sourceUrl: url,
		finalUrl: url,
		pageUrl: null,
		siteName: '神木市人民政府',
		httpStatus: 200,
		contentType: 'text/plain',
		retrievedAt: '2026-11-29T08:00:00.000Z',
		sha256: sha256(text),
		size: Buffer.byteLength(text),
		originalName: 'report.txt',
	};
}

/** A root with the given files under content/ (path → text). */
function rootWith(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'ingest-provenance-'));
	roots.push(root);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(root, 'content', path, '..'), { recursive: true });
		writeFileSync(join(root, 'content', path), text);
	}
	return root;
}

const ingest = (root: string) =>
	runIngest({ parseReport, decodeReport }, { rootDir: root, divisions, progress: silentProgress });

describe('provenance in the ingest', () => {
	const text = REPORTS.direct.text;
	const url = 'http://127.0.0.1/files/direct.txt';

	it('never takes a sidecar for a report', () => {
		const root = rootWith({
			'reports/a.txt': text,
			'reports/a.txt.source.json': JSON.stringify(provenanceFor(text, url)),
		});
		expect(
			discoverReportFiles(join(root, 'content/reports')).files.map((f) => f.relativePath),
		).toEqual(['a.txt']);
	});

	it('puts the sidecar into the entry', () => {
		const root = rootWith({
			'reports/a.txt': text,
			'reports/a.txt.source.json': JSON.stringify(provenanceFor(text, url)),
		});
		const { entries, summary } = ingest(root);
		expect(summary.counts.rejected).toBe(0);
		expect(entries).toHaveLength(1);
		expect(entries[0]!.provenance).toEqual(provenanceFor(text, url));
		expect(entries[0]!.replacedProvenance).toBeUndefined();
	});

	it('leaves provenance out, and says so, when the file changed after it was fetched', () => {
		const root = rootWith({
			'reports/a.txt': text + '\n（手工修改）\n',
			'reports/a.txt.source.json': JSON.stringify(provenanceFor(text, url)),
		});
		const { entries, diagnostics } = ingest(root);
		expect(entries[0]!.provenance).toBeUndefined();
		const d = diagnostics.find((x) => x.ruleId === 'provenance-mismatch');
		expect(d).toMatchObject({ file: 'content/reports/a.txt', severity: 'error' });
		expect(d!.message).toContain(sha256(text));
	});

	it('names a sidecar that breaks the schema', () => {
		const root = rootWith({
			'reports/a.txt': text,
			'reports/a.txt.source.json': JSON.stringify({ ...provenanceFor(text, url), sha256: 'abc' }),
		});
		const { entries, diagnostics } = ingest(root);
		expect(entries[0]!.provenance).toBeUndefined();
		const d = diagnostics.find((x) => x.ruleId === 'provenance-invalid');
		expect(d).toMatchObject({ file: 'content/reports/a.txt.source.json', severity: 'error' });
		expect(d!.message).toContain('sha256');
	});

	it('carries the replaced file’s provenance into a correction', () => {
		const newer = REPORTS.reissued.text;
		const root = rootWith({
			'reports/old.txt': text,
			'reports/old.txt.source.json': JSON.stringify(provenanceFor(text, url)),
			'reports/new.txt': newer,
			'reports/new.txt.source.json': JSON.stringify(provenanceFor(newer, `${url}?v=2`)),
			'reports.corrections.json': JSON.stringify({
				corrections: [
					{ file: 'new.txt', replaces: 'old.txt', note: '重新下载', date: '2026-11-29' },
				],
			}),
		});
		const { entries } = ingest(root);
		expect(entries).toHaveLength(1);
		expect(entries[0]!.sourceFile).toBe('content/reports/new.txt');
		expect(entries[0]!.provenance?.sha256).toBe(sha256(newer));
		expect(entries[0]!.replacedProvenance?.sha256).toBe(sha256(text));
	});
});
