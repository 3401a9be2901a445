/**
 * Builds a second, throw-away site from a folder of reports, the way README's "Building from
 * another folder" describes: `npm run build -- --root DIR` on a temporary copy, so
 * content/generated/ and dist/ of the real site are never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ReportDetail, ReportEntry } from '../../src/lib/model/entry.ts';

export interface BuiltSite {
	/** PORTAL_ROOT: holds content/reports/, content/generated/ and dist/. */
	root: string;
	dist: string;
	/** What the ingest printed (diagnostics and summary). */
	ingestLog: string;
	entries: ReportEntry[];
	/** Each entry's detail file (source text, every check), in the same order. */
	details: ReportDetail[];
}

function run(label: string, args: string[], env: NodeJS.ProcessEnv): string {
	// process.execPath: the Node 22 that runs the tests (Astro refuses the system's Node 20).
	const result = spawnSync(process.execPath, args, {
		env,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	if (result.status !== 0)
		throw new Error(`${label} failed (exit ${result.status}):\n${output.slice(-4000)}`);
	return output;
}

/** Copies `contentDir` (a folder with reports/ and optional curator files) to a temporary PORTAL_ROOT and builds it. */
export function buildSiteFrom(contentDir: string): BuiltSite {
	const root = mkdtempSync(join(tmpdir(), 'portal-site-'));
	cpSync(resolve(contentDir), join(root, 'content'), { recursive: true });
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
	const dist = join(root, 'dist');
	// The build's log starts with the ingest's (its diagnostics and summary).
	const ingestLog = run('npm run build', ['scripts/build.ts', '--root', root], env);
	const generated = join(root, 'content/generated/reports');
	const entries = readdirSync(generated)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(readFileSync(join(generated, f), 'utf8')) as ReportEntry);
	const details = entries.map(
		(e) =>
			JSON.parse(
				readFileSync(join(root, 'content/generated/details', `${e.id}.json`), 'utf8'),
			) as ReportDetail,
	);
	return { root, dist, ingestLog, entries, details };
}
