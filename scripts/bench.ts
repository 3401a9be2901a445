/**
 * `npm run bench [-- --sizes 1000,10000] [--label NAME] [--keep]`: the national-scale benchmark.
 * For each size it generates a synthetic corpus under .bench/<size>/ (tests/bench/, real township
 * names and codes), then measures parse throughput, and each build step as its own process under
 * /usr/bin/time -v (wall time and peak RSS of the step's whole process tree): ingest, astro build,
 * the download writer, pagefind; then dist/ bytes, files, largest page and the Pagefind index;
 * then the whole `npm run build` from a cold start (no parse cache, no generated collection),
 * whose wall time is the pipeline's (the writer and Astro run side by side there).
 * The machine is shared: the load average is recorded before and after every step. Results go to
 * BENCHMARKS.md ("National scale: NAME") and .bench/results-NAME.json.
 */
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
	mkdirSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseReport } from '../src/lib/report/index.ts';
import { machineLine, writeBenchmarkSection } from './lib/benchmarks.ts';
import { linkDownloads } from './lib/site-build.ts';

interface Step {
	name: string;
	seconds: number;
	/** User + system CPU seconds: what the step costs on an unloaded machine, whatever the load. */
	cpuSeconds: number;
	peakMb: number;
	ok: boolean;
	load: [number, number];
	note?: string;
}

interface SizeResult {
	size: number;
	reports: number;
	parsePerSecond: number;
	steps: Step[];
	dist: {
		bytes: number;
		files: number;
		largestPage: { path: string; bytes: number };
		largestFile: { path: string; bytes: number };
		pagefindBytes: number;
		pagefindFiles: number;
		dataBytes: number;
	} | null;
}

const args = process.argv.slice(2);
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (option('sizes') ?? '1000').split(',').map(Number);
const label = option('label') ?? 'latest';
const keep = args.includes('--keep');
/** Astro's heap: the default (about 4 GB here) dies long before the machine's 24 GB do. */
const astroHeapMb = Number(option('astro-heap') ?? 16384);
/** A step that takes longer than this is stopped and recorded as such. */
const stepTimeoutMin = Number(option('timeout-min') ?? 60);

const load1 = () => Number(loadavg()[0]!.toFixed(2));

/** One build step in its own process, measured by GNU time. */
function measure(name: string, cmd: string[], env: Record<string, string> = {}): Step {
	const before = load1();
	const timeFile = resolve('.bench', `time-${name}.txt`);
	const run = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, ...cmd], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 1024 * 1024 * 1024,
		timeout: stepTimeoutMin * 60_000,
	});
	const report = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
	const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(report);
	const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
	const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
	const cpu = ['User', 'System'].map((k) =>
		Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(report)?.[1] ?? NaN),
	);
	const ok = run.status === 0;
	const tail = `${run.stderr?.toString() ?? ''}${run.stdout?.toString() ?? ''}`
		.trim()
		.split('\n')
		.slice(-3)
		.join(' ⏎ ');
	const step: Step = {
		name,
		seconds,
		cpuSeconds: cpu[0]! + cpu[1]!,
		peakMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN,
		ok,
		load: [before, load1()],
		...(ok ? {} : { note: run.error ? String(run.error) : tail.slice(0, 400) }),
	};
	console.log(
		`  ${name}: ${ok ? '' : 'FAILED '}${seconds.toFixed(1)} s, ${step.peakMb} MB peak, load ${step.load.join(' → ')}${ok ? '' : `\n    ${step.note}`}`,
	);
	return step;
}

function walkFiles(dir: string): { path: string; bytes: number }[] {
	const out: { path: string; bytes: number }[] = [];
	const visit = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) visit(p);
			else out.push({ path: p, bytes: statSync(p).size });
		}
	};
	if (existsSync(dir)) visit(dir);
	return out;
}

function distStats(dist: string): SizeResult['dist'] {
	const files = walkFiles(dist);
	if (files.length === 0) return null;
	const rel = (f: { path: string; bytes: number }) => ({
		path: relative(dist, f.path),
		bytes: f.bytes,
	});
	const biggest = (list: typeof files) => rel(list.reduce((a, b) => (b.bytes > a.bytes ? b : a)));
	const under = (sub: string) => files.filter((f) => relative(dist, f.path).startsWith(sub));
	const pagefind = under('pagefind/');
	return {
		bytes: files.reduce((s, f) => s + f.bytes, 0),
		files: files.length,
		largestPage: biggest(files.filter((f) => f.path.endsWith('.html'))),
		largestFile: biggest(files),
		pagefindBytes: pagefind.reduce((s, f) => s + f.bytes, 0),
		pagefindFiles: pagefind.length,
		dataBytes: under('data/').reduce((s, f) => s + f.bytes, 0),
	};
}

function parseThroughput(dir: string): number {
	const files = readdirSync(dir).map((f) => join(dir, f));
	// Warm the JIT on the first files, as a long ingest run would be.
	for (const file of files.slice(0, 50)) parseReport(readFileSync(file), { file });
	const started = performance.now();
	for (const file of files) parseReport(readFileSync(file), { file });
	return Math.round(files.length / ((performance.now() - started) / 1000));
}

function runSize(size: number): SizeResult {
	const root = resolve('.bench', String(size));
	const reportsDir = join(root, 'content/reports');
	console.log(`— ${size} reports in ${root}`);
	if (!existsSync(reportsDir) || readdirSync(reportsDir).length !== size) {
		rmSync(root, { recursive: true, force: true });
		const gen = spawnSync('node', ['tests/bench/generate-corpus.ts', String(size), reportsDir], {
			stdio: 'inherit',
		});
		if (gen.status !== 0) throw new Error('corpus generation failed');
	}
	for (const d of ['content/generated', 'dist', '.astro-cache'])
		rmSync(join(root, d), { recursive: true, force: true });
	const reports = readdirSync(reportsDir).length;
	const parsePerSecond = parseThroughput(reportsDir);
	console.log(`  parse: ${parsePerSecond} reports/s (one thread, in the bench process)`);

	const steps: Step[] = [];
	const env = { PORTAL_ROOT: root };
	steps.push(measure('ingest', ['node', 'scripts/ingest.ts', '--root', root], env));
	if (steps.at(-1)!.ok && existsSync('scripts/write-downloads.ts'))
		steps.push(measure('downloads', ['node', 'scripts/write-downloads.ts', '--root', root], env));
	if (steps.at(-1)!.ok)
		steps.push(
			measure('astro build', ['node', 'node_modules/.bin/astro', 'build'], {
				...env,
				NODE_OPTIONS: `--max-old-space-size=${astroHeapMb}`,
			}),
		);
	// npm run build links the downloads into dist/data/ itself; run alone, Astro does not.
	if (steps.at(-1)!.ok) linkDownloads(join(root, 'content/generated'), join(root, 'dist'));
	if (steps.at(-1)!.ok)
		steps.push(
			measure('pagefind', ['node', 'scripts/index-search.ts', '--site', join(root, 'dist')]),
		);
	const dist = distStats(join(root, 'dist'));
	// The whole pipeline, cold: what `npm run build` costs from a fresh checkout of this content.
	for (const d of ['content/generated', 'dist', '.astro-cache', '.cache/parse'])
		rmSync(join(root, d), { recursive: true, force: true });
	steps.push(measure('full build', ['node', 'scripts/build.ts', '--root', root]));
	const result: SizeResult = { size, reports, parsePerSecond, steps, dist };
	if (!keep)
		for (const d of ['content/generated', 'dist', '.astro-cache'])
			rmSync(join(root, d), { recursive: true, force: true });
	return result;
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0);
const stepCell = (s: Step | undefined) =>
	!s
		? '–'
		: s.ok
			? `${s.seconds.toFixed(0)} s (CPU ${s.cpuSeconds.toFixed(0)} s), ${(s.peakMb / 1024).toFixed(2)} GB (load ${s.load[0]}→${s.load[1]})`
			: `**failed** after ${s.seconds.toFixed(0)} s, ${(s.peakMb / 1024).toFixed(2)} GB: ${s.note?.replace(/\|/g, '\\|')}`;

function versions(): string {
	const pkg = (name: string) =>
		(JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string })
			.version;
	const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD']).stdout.toString().trim();
	return `astro ${pkg('astro')}, pagefind ${pkg('pagefind')}, commit ${commit}`;
}

mkdirSync('.bench', { recursive: true });
const started = new Date();
const results: SizeResult[] = [];
// Written after every size, so a long run that is stopped keeps what it measured.
for (const size of sizes) {
	results.push(runSize(size));
	writeFileSync(join('.bench', `results-${label}.json`), JSON.stringify(results, null, '\t'));
	writeBenchmarkSection(`National scale: ${label}`, section().join('\n'));
}
console.log(section().join('\n'));

function section(): string[] {
	return [
		`Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine()}; ${versions()}. \`npm run bench -- --sizes ${sizes.join(',')} --label ${label}\`. Astro ran with \`--max-old-space-size=${astroHeapMb}\`. Wall time and peak RSS per step from \`/usr/bin/time -v\` (the step's whole process tree; "full build" is the whole \`npm run build\`, cold, where the downloads run beside Astro); load average (1 min) before→after each step, on a 2-core machine shared with other work.`,
		'',
		'| reports | parse | ingest | downloads | astro build | pagefind | full build | dist | per report | largest page | pagefind index | /data/ |',
		'|---:|---:|---|---|---|---|---|---|---:|---|---|---:|',
		...results
			.map((r) => {
				const step = (name: string) => r.steps.find((s) => s.name === name);
				const d = r.dist;
				return [
					r.reports.toLocaleString('en'),
					`${r.parsePerSecond}/s`,
					stepCell(step('ingest')),
					stepCell(step('downloads')),
					stepCell(step('astro build')),
					stepCell(step('pagefind')),
					stepCell(step('full build')),
					d ? `${mb(d.bytes)} MB, ${d.files.toLocaleString('en')} files` : '–',
					d ? `${Math.round(d.bytes / r.reports / 1024)} KB` : '–',
					d ? `${(d.largestPage.bytes / 1024).toFixed(0)} KB (${d.largestPage.path})` : '–',
					d ? `${mb(d.pagefindBytes)} MB, ${d.pagefindFiles} files` : '–',
					d ? `${mb(d.dataBytes)} MB` : '–',
				].join(' | ');
			})
			.map((row) => `| ${row} |`),
	];
}
