/**
 * Shared set-up for the end-to-end tests: serve dist/ on a free port and drive Debian's
 * Chromium through playwright-core. The tests read dist/ as `npm run build` left it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import type { ReportDetail, ReportEntry } from '../../src/lib/model/entry.ts';

/** The built site; E2E_DIST lets a test run use a build of its own. */
export const DIST = process.env.E2E_DIST ?? 'dist';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export interface Harness {
	server: RunningServer;
	browser: Browser;
	/** A fresh context (AxeBuilder needs one) and page; console errors and page errors are collected. */
	open: (
		path: string,
		viewport?: { width: number; height: number },
	) => Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
	close: () => Promise<void>;
}

/** Serves `dist` (the build under test unless told otherwise) and starts Chromium. */
export async function startHarness(dist = DIST): Promise<Harness> {
	if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'pagefind'))) {
		throw new Error(
			`${dist} is not built (or has no Pagefind index): run \`npm run build\` before \`npm run test:e2e\`.`,
		);
	}
	const server = await serve(dist, 0);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	return {
		server,
		browser,
		async open(path, viewport = { width: 1280, height: 900 }) {
			const context = await browser.newContext({ viewport });
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('console', (m) => {
				if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
			});
			page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
			await page.goto(server.origin + path, { waitUntil: 'networkidle' });
			return { context, page, errors };
		},
		async close() {
			await browser.close();
			await server.close();
		},
	};
}

/** The entries the build was made from, as the ingest wrote them. */
export function generatedEntries(): ReportEntry[] {
	const dir = 'content/generated/reports';
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReportEntry);
}

/** A seed report by township name and year; fails loudly when the build does not have it. */
export function seedEntry(name: string, year: number): ReportEntry {
	const entry = generatedEntries().find((e) => e.township.name === name && e.year === year);
	if (!entry) throw new Error(`No generated entry for ${name} ${year}`);
	return entry;
}

/** A report's detail file (source text, every check), as the ingest wrote it. */
export function detailOf(entry: ReportEntry): ReportDetail {
	const path = join('content/generated/details', `${entry.id}.json`);
	return JSON.parse(readFileSync(path, 'utf8')) as ReportDetail;
}

export const reportPath = (e: ReportEntry) => `/townships/${e.township.code}/${e.year}/`;

/** A download served gzipped (record.json.gz, /data/cells.csv.gz …), fetched and unpacked. */
export async function fetchGunzipped(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8');
}

/** A report's record.json.gz as the site serves it. */
export async function servedRecord(origin: string, e: ReportEntry): Promise<ReportEntry> {
	return JSON.parse(await fetchGunzipped(`${origin}${reportPath(e)}record.json.gz`)) as ReportEntry;
}
export const townshipPath = (e: ReportEntry) => `/townships/${e.township.code}/`;

/** One path per page type, for the tests that visit every kind of page (axe, console, CSP). */
export function pageTypes(): [string, string][] {
	const report = seedEntry('旧县镇', 2023);
	const township = seedEntry('店塔镇', 2023);
	const year = Math.max(...generatedEntries().map((e) => e.year));
	const codes = [...new Set(generatedEntries().map((e) => e.township.code))].slice(0, 3);
	return [
		['home', '/'],
		['township list', '/townships/'],
		['township', townshipPath(township)],
		['report', reportPath(report)],
		['year list', '/years/'],
		['year', `/years/${year}/`],
		['region list', '/regions/'],
		['province', `/regions/${report.township.province!.code}/`],
		['county', `/regions/${report.township.county!.code}/`],
		['search', '/search/?q=店塔镇'],
		['compare', `/compare/?t=${codes.join(',')}`],
		['data', '/data/'],
		['data dictionary', '/data-dictionary/'],
		['metrics', '/metrics/'],
		['tracker', '/tracker/'],
		['tracker province', `/tracker/${report.township.province!.code}/`],
		['tracker county', `/tracker/${report.township.county!.code}/`],
		['year province', `/years/${report.year}/${report.township.province!.code}/`],
		['year county', `/years/${report.year}/${report.township.county!.code}/`],
		['township directory', `/townships/p/${report.township.province!.code}/`],
		['corrections', '/corrections/'],
		['about', '/about/'],
		['methodology', '/methodology/'],
		['not found', '/no-such-page/'],
	];
}
