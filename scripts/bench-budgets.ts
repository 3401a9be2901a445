/**
 * Page-weight budgets, measured from dist/ after `npm run build`:
 * - each report page: gzipped HTML plus the stylesheets it links (limit 30 KB);
 * - each township page: gzipped JavaScript it loads, following static and dynamic imports,
 *   so the lazily loaded Chart.js chunk counts too (limit 75 KB).
 * Prints a table, writes the "Page budgets" section of BENCHMARKS.md, and exits 1 when a page is
 * over.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { machineLine, writeBenchmarkSection } from './lib/benchmarks.ts';

const DIST = 'dist';
const KB = 1024;
const REPORT_PAGE_LIMIT = 30 * KB;
const TOWNSHIP_JS_LIMIT = 75 * KB;

const gzipped = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const read = (urlPath: string) => readFileSync(join(DIST, decodeURIComponent(urlPath)));

/** Stylesheets linked from a page. */
function stylesheets(html: string): string[] {
	return [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)]
		.map((m) => /href="([^"]+)"/.exec(m[0])?.[1])
		.filter((h): h is string => Boolean(h?.startsWith('/')));
}

/** Module scripts a page loads by src, and the text of its inline scripts. */
function scripts(html: string): { src: string[]; inline: string[] } {
	const src: string[] = [];
	const inline: string[] = [];
	for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
		const url = /src="([^"]+)"/.exec(m[1]!)?.[1];
		if (url) src.push(url);
		else if (m[2]!.trim()) inline.push(m[2]!);
	}
	return { src, inline };
}

/** Every JS file reachable from `entry` through import statements, import() and preload lists. */
function reachableScripts(entry: string, seen = new Set<string>()): Set<string> {
	if (seen.has(entry) || !existsSync(join(DIST, entry))) return seen;
	seen.add(entry);
	const code = read(entry).toString('utf8');
	for (const m of code.matchAll(/["'`]((?:\.{1,2}\/|\/_astro\/)[\w./-]+\.js)["'`]/g)) {
		const target = m[1]!.startsWith('/') ? m[1]! : posix.join(posix.dirname(entry), m[1]!);
		reachableScripts(target, seen);
	}
	return seen;
}

interface Measure {
	page: string;
	bytes: number;
	limit: number;
}

/** URL paths of the township pages (/townships/<code>/) and report pages (/townships/<code>/<year>/) in dist/. */
function builtPages(): { townships: string[]; reports: string[] } {
	const root = join(DIST, 'townships');
	const townships: string[] = [];
	const reports: string[] = [];
	const subdirs = (path: string) =>
		readdirSync(path, { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => d.name);
	for (const code of existsSync(root) ? subdirs(root) : []) {
		if (existsSync(join(root, code, 'index.html'))) townships.push(`/townships/${code}/`);
		for (const year of subdirs(join(root, code))) {
			if (existsSync(join(root, code, year, 'index.html')))
				reports.push(`/townships/${code}/${year}/`);
		}
	}
	return { townships: townships.sort(), reports: reports.sort() };
}

function measureReportPage(page: string): number {
	const html = read(posix.join(page, 'index.html')).toString('utf8');
	return gzipped(html) + stylesheets(html).reduce((sum, href) => sum + gzipped(read(href)), 0);
}

function measureTownshipJs(page: string): number {
	const html = read(posix.join(page, 'index.html')).toString('utf8');
	const { src, inline } = scripts(html);
	const files = new Set<string>();
	for (const s of src) for (const f of reachableScripts(s)) files.add(f);
	return (
		[...files].reduce((sum, f) => sum + gzipped(read(f)), 0) +
		inline.reduce((sum, code) => sum + gzipped(code), 0)
	);
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

function summarise(label: string, measures: Measure[]): { lines: string[]; over: Measure[] } {
	const sorted = [...measures].sort((a, b) => b.bytes - a.bytes);
	const over = sorted.filter((m) => m.bytes > m.limit);
	const median = sorted[Math.floor(sorted.length / 2)];
	const limit = measures[0]?.limit ?? 0;
	// A budget over no pages proves nothing: say so instead of "within".
	return {
		over,
		lines: [
			`| ${label} | ${measures.length} | ${median ? kb(median.bytes) : '—'} | ${sorted[0] ? `${kb(sorted[0].bytes)} (${sorted[0].page})` : '—'} | ${kb(limit)} | ${measures.length === 0 ? 'no pages' : over.length === 0 ? 'within' : `${over.length} over`} |`,
		],
	};
}

function main() {
	if (!existsSync(join(DIST, 'index.html'))) {
		console.error('dist/ has no build: run `npm run build` first.');
		process.exit(2);
	}
	const pages = builtPages();
	const reportPages = pages.reports.map((page) => ({
		page,
		bytes: measureReportPage(page),
		limit: REPORT_PAGE_LIMIT,
	}));
	const townshipPages = pages.townships.map((page) => ({
		page,
		bytes: measureTownshipJs(page),
		limit: TOWNSHIP_JS_LIMIT,
	}));

	console.log('page'.padEnd(36), 'gzip KB'.padStart(8), 'limit KB'.padStart(9));
	for (const m of [
		...reportPages.map((m) => ({ ...m, what: 'HTML+CSS' })),
		...townshipPages.map((m) => ({ ...m, what: 'JS' })),
	]) {
		const flag = m.bytes > m.limit ? '  OVER' : '';
		console.log(
			`${m.page} (${m.what})`.padEnd(36),
			kb(m.bytes).padStart(8),
			kb(m.limit).padStart(9) + flag,
		);
	}

	const reports = summarise('report page, gzipped HTML + CSS', reportPages);
	const townships = summarise('township page, gzipped JS (incl. lazy chart chunk)', townshipPages);
	const date = new Date().toISOString().slice(0, 10);
	writeBenchmarkSection(
		'Page budgets',
		[
			`Measured ${date} on ${machineLine()} by \`npm run bench:budgets\` from the built \`dist/\` (run \`npm run build\` first). Sizes are gzip level 9, summed per file as transferred.`,
			'',
			'| what | pages | median KB | largest KB (page) | limit KB | result |',
			'|---|---:|---:|---|---:|---|',
			...reports.lines,
			...townships.lines,
		].join('\n'),
	);
	const over = [...reports.over, ...townships.over];
	if (reportPages.length === 0 || townshipPages.length === 0) {
		console.error('No township or report pages found in dist/.');
		process.exit(1);
	}
	if (over.length > 0) {
		console.error(`${over.length} page(s) over budget.`);
		process.exit(1);
	}
	console.log(
		`All ${reportPages.length + townshipPages.length} pages within budget. BENCHMARKS.md updated.`,
	);
}

main();
