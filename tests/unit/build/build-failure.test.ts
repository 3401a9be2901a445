/**
 * `npm run build` runs the download writer and `astro build` at the same time. A writer that
 * fails while Astro runs must stop Astro (not leave it running), say which step failed, and leave
 * dist/ exactly as it was; Ctrl-C while both run must kill both. The failure is injected with a
 * preload (tests/fixtures/build-faults/preload.mjs) so the build's own code is what is tested.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PRELOAD = resolve('tests/fixtures/build-faults/preload.mjs');
const SEED = 'content/reports/000_6f2e2ab07841e359.txt';

/** A root with one report and a published dist/ whose bytes the test knows. */
function siteWithDist(): { root: string; faults: string; old: string } {
	const root = mkdtempSync(join(tmpdir(), 'build-fault-'));
	mkdirSync(join(root, 'content/reports'), { recursive: true });
	cpSync(SEED, join(root, 'content/reports/000.txt'));
	mkdirSync(join(root, 'dist/data'), { recursive: true });
	const old = `<!doctype html><html><body>old site ${root}</body></html>\n`;
	writeFileSync(join(root, 'dist/index.html'), old);
	writeFileSync(join(root, 'dist/data/reports.csv'), 'id\nold\n');
	const faults = join(root, 'faults');
	mkdirSync(faults);
	return { root, faults, old };
}

const env = (faults: string, mode: string) => ({
	...process.env,
	NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${PRELOAD}`.trim(),
	FAULT_DIR: faults,
	FAULT_MODE: mode,
	ASTRO_TELEMETRY_DISABLED: '1',
});

/** Running: in the process table and not a zombie (a zombie has ended but is not yet reaped). */
const alive = (pid: number) => {
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z';
	} catch {
		return false;
	}
};

function expectUnchanged(root: string, old: string, buildPid: number) {
	expect(readdirSync(join(root, 'dist')).sort()).toEqual(['data', 'index.html']);
	expect(readFileSync(join(root, 'dist/index.html'), 'utf8')).toBe(old);
	expect(readFileSync(join(root, 'dist/data/reports.csv'), 'utf8')).toBe('id\nold\n');
	expect(readdirSync(root).filter((f) => f.startsWith('dist.'))).toEqual([]);
	// The run's build folder below the checkout is gone too.
	const builds = existsSync('.build') ? readdirSync('.build') : [];
	expect(builds.filter((f) => f.startsWith(`${buildPid}-`))).toEqual([]);
}

describe('npm run build with the downloads beside astro build', () => {
	it('a failing download writer stops astro build, says so, and leaves dist/ unchanged', () => {
		const { root, faults, old } = siteWithDist();
		const run = spawnSync(process.execPath, ['scripts/build.ts', '--root', root], {
			env: env(faults, 'fail'),
			encoding: 'utf8',
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('[npm run downloads] downloads: injected failure');
		expect(run.stderr).toContain(
			`build: 停止，${join(root, 'dist')} 未改动：npm run downloads 失败（exit 7）；已中止同时运行的 astro build`,
		);
		// Astro was running when the writer failed, and is not any more.
		const astroPid = Number(readFileSync(join(faults, 'astro.pid'), 'utf8'));
		expect(alive(astroPid)).toBe(false);
		expectUnchanged(root, old, run.pid!);
	}, 180_000);

	it('Ctrl-C while both run kills both and leaves dist/ unchanged', async () => {
		const { root, faults, old } = siteWithDist();
		const child = spawn(process.execPath, ['scripts/build.ts', '--root', root], {
			env: env(faults, 'hang'),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.stdout.resume();
		const ended = new Promise<number | null>((done) => child.on('close', done));
		// Both running: the writer hangs once Astro has started.
		await new Promise<void>((done, fail) => {
			const poll = setInterval(() => {
				if (existsSync(join(faults, 'downloads.pid'))) {
					clearInterval(poll);
					done();
				} else if (child.exitCode !== null) fail(new Error(`build ended early:\n${stderr}`));
			}, 50);
		});
		const pids = ['astro.pid', 'downloads.pid'].map((f) =>
			Number(readFileSync(join(faults, f), 'utf8')),
		);
		expect(pids.map(alive)).toEqual([true, true]);
		child.kill('SIGINT');
		expect(await ended).toBe(130);
		expect(stderr).toContain('build: SIGINT，已中止；dist/ 未改动');
		expect(pids.map(alive)).toEqual([false, false]);
		expectUnchanged(root, old, child.pid!);
	}, 180_000);
});
