/**
 * Search speed as a reader feels it, on a built site served on loopback and driven in Chromium:
 * - typed: the search page is open (the engine loaded), the reader types a broad query; time from
 *   the search starting to the first ten cards drawn (the page's User Timing marks), and from the
 *   keystroke (which includes the page's pause for more typing), with the bytes fetched meanwhile;
 * - cold: the page opened with ?q= (as from the header form), from navigation to the cards drawn,
 *   with every byte the page fetched.
 * Medians of several runs, each in a fresh browser context (empty cache). Prints a table and writes
 * the "Search" section of BENCHMARKS.md. Not a test: it measures and never fails on a number.
 *
 *   npm run bench:search -- [--dist DIR] [--query 政务公开] [--runs 5] [--note TEXT] [--no-write]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serve } from './serve.ts';
import { machineLine, writeBenchmarkSection } from './lib/benchmarks.ts';

const { values: args } = parseArgs({
	options: {
		dist: { type: 'string', default: 'dist' },
		query: { type: 'string', default: '政务公开' },
		runs: { type: 'string', default: '5' },
		/** A province (省份 filter value) chosen before typing: the search loads only its shard. */
		province: { type: 'string', default: '' },
		'no-write': { type: 'boolean', default: false },
		/** A sentence about the site measured (how it was built), written into BENCHMARKS.md. */
		note: { type: 'string', default: '' },
	},
});
const dist = args.dist!;
const query = args.query!;
const runs = Math.max(1, Number(args.runs));
if (!existsSync(join(dist, 'pagefind', 'shards.json')))
	throw new Error(`${dist} has no Pagefind index: build the site first (npm run build).`);

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function dirBytes(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const name of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, name.name);
		if (name.isDirectory()) {
			const inner = dirBytes(path);
			bytes += inner.bytes;
			files += inner.files;
		} else {
			bytes += statSync(path).size;
			files++;
		}
	}
	return { bytes, files };
}

/**
 * Counts response bytes (body + headers, as served: the preview server does not compress), grouped
 * by kind of file. Playwright's context events include the requests of Pagefind's Web Worker, which
 * a CDP session on the page alone would miss.
 */
function byteCounter(context: BrowserContext) {
	let counting = true;
	const totals = new Map<string, number>();
	context.on('requestfinished', (request) => {
		if (!counting) return;
		const url = request.url();
		void request.sizes().then(
			(sizes) => {
				const kind =
					/\/pagefind\/(?:[^/]+\/)?(index|fragment|filter)\//.exec(url)?.[1] ??
					(/pagefind/.test(url) ? 'pagefind engine' : 'page');
				totals.set(
					kind,
					(totals.get(kind) ?? 0) + sizes.responseBodySize + sizes.responseHeadersSize,
				);
			},
			() => {
				// The context closed before the sizes came (requests still open at the end of a run).
			},
		);
	});
	return {
		reset: () => totals.clear(),
		stop: () => {
			counting = false;
		},
		total: () => [...totals.values()].reduce((a, b) => a + b, 0),
		byKind: () => Object.fromEntries(totals),
	};
}

const marks = (page: Page) =>
	page.evaluate(() => {
		const at = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
		return {
			start: at('search:start'),
			complete: at('search:complete'),
			drawn: at('search:drawn'),
			typed: (window as unknown as { __typed?: number }).__typed ?? NaN,
			cards: document.querySelectorAll('#search-list > li').length,
			status: document.querySelector('#search-status')?.textContent ?? '',
		};
	});

/**
 * CPU seconds (user + system) used so far by a process and all its descendants, from /proc: on a
 * shared, loaded machine wall time mostly measures the queue for a core, while the CPU the browser
 * spends on a search is what an idle machine would take (roughly: the search path is serial).
 */
function treeCpuMs(rootPid: number): number {
	const parent = new Map<number, number>();
	const cpu = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			parent.set(Number(name), Number(fields[1]));
			cpu.set(Number(name), Number(fields[11]) + Number(fields[12]));
		} catch {
			// The process ended while we looked.
		}
	}
	const inTree = (pid: number): boolean => {
		for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p))
			if (p === rootPid) return true;
		return false;
	};
	let ticks = 0;
	for (const [pid, t] of cpu) if (inTree(pid)) ticks += t;
	return (ticks / CLOCK_TICKS) * 1000;
}
/** USER_HZ: 100 on Linux. */
const CLOCK_TICKS = 100;

const server = await serve(dist, 0);
const browserServer = await chromium.launchServer({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const browserPid = browserServer.process().pid!;
const browser = await chromium.connect(browserServer.wsEndpoint());
const typed: {
	complete: number;
	draw: number;
	cpu: number;
	fromKey: number;
	bytes: number;
	kinds: Record<string, number>;
}[] = [];
const cold: { ms: number; bytes: number }[] = [];
let status = '';
try {
	for (let run = 0; run < runs; run++) {
		// Typed into an open page.
		{
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const bytes = byteCounter(context);
			const scope = args.province ? `?province=${encodeURIComponent(args.province)}` : '';
			await page.goto(`${server.origin}/search/${scope}`, { waitUntil: 'networkidle' });
			// A province alone runs a search at load: its marks must not count as the typed one's.
			await page.evaluate(() => performance.clearMarks());
			await page.evaluate(() =>
				document.addEventListener(
					'input',
					() => ((window as unknown as { __typed: number }).__typed = performance.now()),
					true,
				),
			);
			bytes.reset();
			const cpuBefore = treeCpuMs(browserPid);
			await page.fill('#search-q', query);
			await page.waitForFunction(
				() => performance.getEntriesByName('search:complete').length > 0,
				undefined,
				{
					timeout: 60_000,
				},
			);
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(200);
			bytes.stop();
			const cpu = treeCpuMs(browserPid) - cpuBefore;
			const m = await marks(page);
			status = m.status;
			typed.push({
				complete: m.complete - m.start,
				draw: m.drawn - m.start,
				cpu,
				fromKey: m.drawn - m.typed,
				bytes: bytes.total(),
				kinds: bytes.byKind(),
			});
			await context.close();
		}
		// Opened with ?q=.
		{
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const bytes = byteCounter(context);
			await page.goto(
				`${server.origin}/search/?q=${encodeURIComponent(query)}${args.province ? `&province=${encodeURIComponent(args.province)}` : ''}`,
			);
			await page.waitForFunction(
				() => performance.getEntriesByName('search:complete').length > 0,
				undefined,
				{
					timeout: 60_000,
				},
			);
			const m = await marks(page);
			cold.push({ ms: m.drawn, bytes: bytes.total() });
			await context.close();
		}
	}
} finally {
	await browser.close();
	await browserServer.close();
	await server.close();
}

const reports = existsSync(join(dist, 'townships'))
	? readdirSync(join(dist, 'townships'), { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.reduce(
				(n, d) =>
					n +
					readdirSync(join(dist, 'townships', d.name), { withFileTypes: true }).filter(
						(y) => y.isDirectory() && /^\d{4}$/.test(y.name),
					).length,
				0,
			)
	: 0;
const index = dirBytes(join(dist, 'pagefind'));
const kinds = typed.at(-1)?.kinds ?? {};
const rows = [
	[
		'search started → first 10 cards drawn (typed, engine warm)',
		`${median(typed.map((t) => t.draw)).toFixed(0)} ms`,
	],
	[
		'search started → whole result list known (count, 加载更多)',
		`${median(typed.map((t) => t.complete)).toFixed(0)} ms`,
	],
	[
		'last keystroke → first 10 cards (incl. the 200 ms typing pause)',
		`${median(typed.map((t) => t.fromKey)).toFixed(0)} ms`,
	],
	[
		'Chromium CPU time for the typed query (all its processes, both searches and drawing)',
		`${median(typed.map((t) => t.cpu)).toFixed(0)} ms`,
	],
	['bytes fetched for the typed query', kb(median(typed.map((t) => t.bytes)))],
	[
		'opened with ?q= → first 10 cards drawn (cold, empty cache)',
		`${median(cold.map((c) => c.ms)).toFixed(0)} ms`,
	],
	['bytes fetched by the cold page, all files', kb(median(cold.map((c) => c.bytes)))],
];
const table = [
	'| measure | median |',
	'|---|---:|',
	...rows.map(([k, v]) => `| ${k} | ${v} |`),
].join('\n');
const detail = Object.entries(kinds)
	.map(([k, v]) => `${k} ${kb(v)}`)
	.join(', ');
console.log(table);
console.log(`result: ${status}; typed-query bytes by kind (last run): ${detail}`);
const date = new Date().toISOString().slice(0, 10);
if (!args['no-write'])
	writeBenchmarkSection(
		'Search',
		[
			`Measured ${date} on ${machineLine()}, load average ${loadavg()[0]!.toFixed(2)} when it ran (shared machine), by \`npm run bench:search -- --dist ${dist} --query ${query} --runs ${runs}\`: Chromium (headless, Debian) against the built site on loopback (\`scripts/serve.ts\`, no compression), ${reports} reports, Pagefind index ${(index.bytes / 2 ** 20).toFixed(1)} MB in ${index.files} files. Medians of ${runs} runs, each in a fresh browser context. Query “${query}”: ${status} Target (issue 12): under 300 ms from the search to the first ten cards.`,
			...(args.note ? ['', args.note] : []),
			'',
			table,
			'',
			`Bytes for the typed query by kind (last run): ${detail}. Only the ten cards shown load their \`data()\` (one fragment each); 加载更多 loads the next ten.`,
		].join('\n'),
	);
