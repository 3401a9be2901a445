/**
 * npm run faults [-- --scale F] [--only NAME,...]
 * Repeats the fault scenarios of issue 13 against throw-away copies of the project's reports and
 * reports how many runs left a truncated or mixed output (content/generated/ or dist/): it must
 * be 0. Not part of npm test: it runs full builds and takes minutes. Scenarios: concurrent ingest
 * pairs, concurrent build pairs, kill -9 at random points of ingest and build, a read-only output
 * and a full disk (both on a small tmpfs, skipped with a message where one cannot be mounted).
 * --scale 0.5 halves every count (for a busy machine); each count is printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { siteProblems, type CollectionEntry } from './lib/site-build.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

function option(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
}
const scale = Number(option('--scale') ?? 1);
const only = option('--only')?.split(',');
const count = (n: number) => Math.max(1, Math.round(n * scale));

interface Outcome {
	scenario: string;
	runs: number;
	bad: number;
	notes: string[];
}
const outcomes: Outcome[] = [];

/* ---------- running the commands ---------- */

interface Finished {
	code: number | null;
	signal: NodeJS.Signals | null;
	output: string;
}

function start(script: string, root: string, killAfterMs?: number): Promise<Finished> {
	return new Promise((done) => {
		const child = spawn(process.execPath, [join(projectDir, script), '--root', root], {
			cwd: projectDir,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
			stdio: ['ignore', 'pipe', 'pipe'],
			// Its own process group, so a kill takes Astro and Pagefind down with it (no orphan
			// keeps writing or eating the CPU).
			detached: true,
		});
		let output = '';
		child.stdout.on('data', (d: Buffer) => (output += d));
		child.stderr.on('data', (d: Buffer) => (output += d));
		if (killAfterMs !== undefined)
			setTimeout(() => {
				try {
					process.kill(-child.pid!, 'SIGKILL');
				} catch {
					// already gone
				}
			}, killAfterMs);
		child.on('exit', (code, signal) => done({ code, signal, output }));
	});
}
const ingest = (root: string, killAfterMs?: number) =>
	start('scripts/ingest.ts', root, killAfterMs);
const build = (root: string, killAfterMs?: number) => start('scripts/build.ts', root, killAfterMs);

/** Each seed report's township code, from one ingest of the seeds as they are. */
const seedCodes = (() => {
	const root = mkdtempSync(join(tmpdir(), 'faults-probe-'));
	cpSync(join(projectDir, 'content'), join(root, 'content'), { recursive: true });
	spawnSync(process.execPath, [join(projectDir, 'scripts/ingest.ts'), '--root', root]);
	const summary = JSON.parse(
		readFileSync(join(root, 'content/generated/ingest-summary.json'), 'utf8'),
	) as { reports: { id: string; file: string }[] };
	rmSync(root, { recursive: true, force: true });
	return new Map(summary.reports.map((r) => [basename(r.file), r.id.split('-')[0]!]));
})();

/**
 * A root with the seed reports copied `copies` times into folders, each copy given its own year
 * by an override, so every file is a distinct published report (more files: longer runs).
 */
function makeRoot(copies: number, parent = tmpdir()): string {
	const root = mkdtempSync(join(parent, 'faults-'));
	const overrides = [];
	for (let i = 0; i < copies; i++) {
		cpSync(join(projectDir, 'content/reports'), join(root, `content/reports/copy${i}`), {
			recursive: true,
		});
		for (const [file, code] of seedCodes)
			overrides.push({ file: `copy${i}/${file}`, code, year: 2010 + i });
	}
	writeFileSync(join(root, 'content/townships.overrides.json'), JSON.stringify({ overrides }));
	return root;
}

/* ---------- what a consistent output is ---------- */

/** Problems of content/generated/: every file the summary says was written is there and whole. */
function collectionProblems(root: string): string[] {
	const dir = join(root, 'content/generated');
	if (!existsSync(dir)) return [];
	try {
		const summary = JSON.parse(readFileSync(join(dir, 'ingest-summary.json'), 'utf8')) as {
			counts: { written: number };
			reports: { id: string }[];
		};
		const files = existsSync(join(dir, 'reports')) ? readdirSync(join(dir, 'reports')) : [];
		const problems: string[] = [];
		if (files.length !== summary.counts.written)
			problems.push(`${files.length} files, summary says ${summary.counts.written}`);
		for (const { id } of summary.reports) {
			const entry = JSON.parse(readFileSync(join(dir, 'reports', `${id}.json`), 'utf8')) as {
				id: string;
			};
			if (entry.id !== id) problems.push(`${id}.json holds ${entry.id}`);
		}
		return problems;
	} catch (error) {
		return [`unreadable: ${(error as Error).message}`];
	}
}

/** Problems of dist/: complete for the reports its own reports.json.gz lists (no half or mixed site). */
async function distProblems(root: string): Promise<string[]> {
	const dist = join(root, 'dist');
	if (!existsSync(dist)) return [];
	try {
		const { reports } = JSON.parse(
			gunzipSync(readFileSync(join(dist, 'data/reports.json.gz'))).toString('utf8'),
		) as {
			reports: { id: string; township: { code: string }; year: number }[];
		};
		const entries: CollectionEntry[] = reports.map((r) => ({
			id: r.id,
			code: r.township.code,
			year: r.year,
		}));
		return await siteProblems(dist, entries);
	} catch (error) {
		return [`unreadable: ${(error as Error).message}`];
	}
}

function leftovers(root: string): string[] {
	const names = [
		...readdirSync(root).map((n) => n),
		...(existsSync(join(root, 'content')) ? readdirSync(join(root, 'content')) : []),
	];
	return names.filter((n) => /\.(tmp|old)|\.lock$/.test(n));
}

async function check(root: string): Promise<string[]> {
	return [...collectionProblems(root), ...(await distProblems(root))];
}

async function scenario(name: string, body: (o: Outcome) => Promise<void>): Promise<void> {
	if (only && !only.includes(name)) return;
	const o: Outcome = { scenario: name, runs: 0, bad: 0, notes: [] };
	const t0 = Date.now();
	console.log(`faults: ${name} …`);
	await body(o);
	o.notes.push(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
	outcomes.push(o);
	console.log(`faults: ${name}: ${o.runs} runs, ${o.bad} left a truncated or mixed output`);
}

async function record(o: Outcome, root: string, label: string): Promise<void> {
	o.runs++;
	const problems = await check(root);
	if (problems.length > 0) {
		o.bad++;
		o.notes.push(`${label}: ${problems.slice(0, 3).join('; ')}`);
	}
}

const busyOrOk = (f: Finished) => f.code === 0 || /正在写入同一输出/.test(f.output);

/* ---------- the scenarios ---------- */

await scenario('concurrent ingest pairs', async (o) => {
	const root = makeRoot(12);
	let overlapped = 0;
	for (let i = 0; i < count(10); i++) {
		const [a, b] = await Promise.all([ingest(root), ingest(root)]);
		if (!busyOrOk(a) || !busyOrOk(b))
			o.notes.push(`pair ${i}: unexpected exit ${a.code}/${b.code}`);
		if (a.code !== 0 || b.code !== 0) overlapped++;
		await record(o, root, `pair ${i}`);
	}
	o.notes.push(`${overlapped} pair(s) overlapped, the second run stopping on the lock`);
	rmSync(root, { recursive: true, force: true });
});

await scenario('concurrent build pairs', async (o) => {
	const root = makeRoot(1);
	let overlapped = 0;
	for (let i = 0; i < count(5); i++) {
		const [a, b] = await Promise.all([build(root), build(root)]);
		if (!busyOrOk(a) || !busyOrOk(b))
			o.notes.push(`pair ${i}: unexpected exit ${a.code}/${b.code}`);
		if (a.code !== 0 && b.code !== 0) o.notes.push(`pair ${i}: neither build published`);
		if (a.code !== 0 || b.code !== 0) overlapped++;
		await record(o, root, `pair ${i}`);
	}
	o.notes.push(`${overlapped} pair(s) overlapped, the second run stopping on the lock`);
	rmSync(root, { recursive: true, force: true });
});

await scenario('kill -9 during ingest', async (o) => {
	const root = makeRoot(12);
	await ingest(root);
	for (let i = 0; i < count(10); i++) {
		await ingest(root, Math.random() * 4000);
		await record(o, root, `kill ${i}`);
	}
	const after = await ingest(root);
	if (after.code !== 0) o.notes.push(`the run after the kills failed: ${after.output.slice(-300)}`);
	if (leftovers(root).length > 0) o.notes.push(`leftovers: ${leftovers(root).join(', ')}`);
	rmSync(root, { recursive: true, force: true });
});

await scenario('kill -9 during build', async (o) => {
	const root = makeRoot(1);
	const first = await build(root);
	if (first.code !== 0) o.notes.push(`first build failed: ${first.output.slice(-300)}`);
	for (let i = 0; i < count(10); i++) {
		await build(root, Math.random() * 30_000);
		await record(o, root, `kill ${i}`);
	}
	const after = await build(root);
	if (after.code !== 0)
		o.notes.push(`the build after the kills failed: ${after.output.slice(-300)}`);
	rmSync(root, { recursive: true, force: true });
});

/** A small tmpfs for the disk scenarios, or null (and why) where none can be mounted. */
function mountTmpfs(sizeKb: number): { dir: string; umount: () => void } | string {
	const dir = mkdtempSync(join(tmpdir(), 'faults-fs-'));
	const run = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], {
		encoding: 'utf8',
	});
	if (run.status !== 0) {
		rmSync(dir, { recursive: true, force: true });
		return `cannot mount a tmpfs here (${(run.stderr || run.error?.message || '').trim()})`;
	}
	return {
		dir,
		umount: () => {
			spawnSync('umount', [dir]);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

await scenario('read-only output', async (o) => {
	const fs = mountTmpfs(64 * 1024);
	if (typeof fs === 'string') return void o.notes.push(`skipped: ${fs}`);
	const root = makeRoot(1, fs.dir);
	const first = await build(root);
	if (first.code !== 0) o.notes.push(`first build failed: ${first.output.slice(-300)}`);
	const before = readFileSync(join(root, 'dist/data/reports.json.gz')).toString('base64');
	spawnSync('mount', ['-o', 'remount,ro', fs.dir]);
	for (const [label, run] of [
		['ingest', ingest],
		['build', build],
	] as const) {
		const result = await run(root);
		if (result.code === 0) o.notes.push(`${label} on a read-only root exited 0`);
		if (/left as it was|未改动/.test(result.output) === false)
			o.notes.push(`${label}: no statement of the output's state: ${result.output.slice(-200)}`);
		await record(o, root, label);
	}
	if (readFileSync(join(root, 'dist/data/reports.json.gz')).toString('base64') !== before)
		o.notes.push('dist/ changed on a read-only root');
	spawnSync('mount', ['-o', 'remount,rw', fs.dir]);
	const after = await build(root);
	if (after.code !== 0) o.notes.push(`build after remount rw failed: ${after.output.slice(-300)}`);
	await record(o, root, 'after rw');
	fs.umount();
});

await scenario('full disk', async (o) => {
	const fs = mountTmpfs(64 * 1024);
	if (typeof fs === 'string') return void o.notes.push(`skipped: ${fs}`);
	const root = makeRoot(1, fs.dir);
	const first = await build(root);
	if (first.code !== 0) o.notes.push(`first build failed: ${first.output.slice(-300)}`);
	// Fill the disk, leaving a few KB: enough to start, not to finish.
	const filler = join(fs.dir, 'filler');
	spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=64k'], { stdio: 'ignore' });
	spawnSync('truncate', ['-s', '-32K', filler]);
	writeFileSync(
		join(root, 'content/reports/copy0/extra.txt'),
		readFileSync(join(projectDir, 'content/reports/000_6f2e2ab07841e359.txt')),
	);
	for (const [label, run] of [
		['ingest', ingest],
		['build', build],
	] as const) {
		const result = await run(root);
		if (result.code === 0) o.notes.push(`${label} on a full disk exited 0`);
		await record(o, root, label);
	}
	rmSync(filler);
	const after = await build(root);
	if (after.code !== 0)
		o.notes.push(`build after freeing space failed: ${after.output.slice(-300)}`);
	await record(o, root, 'after space freed');
	if (leftovers(root).length > 0) o.notes.push(`leftovers: ${leftovers(root).join(', ')}`);
	fs.umount();
});

console.log('\n| scenario | runs | truncated or mixed output | notes |\n|---|---|---|---|');
for (const o of outcomes)
	console.log(
		`| ${o.scenario} | ${o.runs} | ${o.bad} | ${o.notes.join('; ').replace(/\n/g, ' ')} |`,
	);
const bad = outcomes.reduce((n, o) => n + o.bad, 0);
console.log(
	`\nfaults: scale ${scale}; ${bad} run${bad === 1 ? '' : 's'} left a truncated or mixed output`,
);
process.exitCode = bad > 0 ? 1 : 0;
