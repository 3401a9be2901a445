/**
 * The real parser over the five seed reports, ingested into a scratch copy of content/:
 * each must land on its township code and year (FORMAT.md §8.1 says where each one is).
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeReport, parseReport } from '../../../src/lib/report/index.ts';
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import { silentProgress } from '../../../src/lib/ingest/progress.ts';
import { runIngest } from '../../../src/lib/ingest/run-ingest.ts';

const repoContent = fileURLToPath(new URL('../../../content/', import.meta.url));

describe('ingesting the seed reports', () => {
	it('places every seed on its township and year', () => {
		const root = mkdtempSync(join(tmpdir(), 'ingest-seeds-'));
		cpSync(join(repoContent, 'reports'), join(root, 'content/reports'), { recursive: true });
		cpSync(
			join(repoContent, 'townships.overrides.json'),
			join(root, 'content/townships.overrides.json'),
		);
		const { summary, entries } = runIngest(
			{ parseReport, decodeReport },
			{ rootDir: root, divisions: loadDivisions(), progress: silentProgress },
		);

		expect(summary.rejected).toEqual([]);
		expect(summary.skipped).toEqual([]);
		expect(
			Object.fromEntries(
				entries.map((e) => [e.sourceFile.replace('content/reports/', '').slice(0, 3), e.id]),
			),
		).toEqual({
			'000': '610881102-2023', // 神木市店塔镇
			'001': '410526200-2023', // 枣村乡, placed by the override entry (no county in the text)
			'002': '140930104-2023', // 河曲县旧县镇, one of 8 旧县镇
			'003': '140404101-2024', // 苏店镇, 上党区 named only in the body
			'004': '411203101-2022', // 三门峡市陕州区原店镇
		});
		expect(readdirSync(join(root, 'content/generated/reports'))).toHaveLength(5);
	});
});
