/**
 * Issue 11 end to end: `npm run add` collects reports from the loopback fixture site (a plain
 * wrapper-free report, a GBK page wrapping an attachment, then a re-issued report with
 * --replace) into a throw-away PORTAL_ROOT beside one bundled seed; the site built from it shows,
 * on each report page, the government URL, the retrieval time, the SHA-256 and the original file
 * (whose download hashes to that SHA-256), says 来源未记录 for the seed, and lists the
 * replacement with both fingerprints on /corrections/.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../src/lib/model/entry.ts';
import {
	gbk,
	REPORTS,
	SITE_NAME,
	startFixtureServer,
	type FixtureServer,
} from '../support/collect-server.ts';
import { buildSiteFrom, type BuiltSite } from './build-site.ts';
import { reportPath, servedRecord, startHarness, type Harness } from './harness.ts';

const SEED = '002_ccc6fd39e1392b13.txt';
/** The calendar day of an ISO time in Beijing time (UTC+8), as 收录日期 states it. */
const beijingDay = (iso: string) =>
	new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** `npm run add` as a curator runs it (async: the fixture server lives in this process). */
function add(root: string, args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(
			process.execPath,
			['scripts/add.ts', '--delay', '50', '--timeout', '2000', ...args],
			{ env: { ...process.env, PORTAL_ROOT: root } },
		);
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => resolve({ code, output }));
	});
}

let server: FixtureServer;
let collectRoot: string;
let site: BuiltSite;
let h: Harness;
const logs: string[] = [];
const entryFor = (code: string, year: number): ReportEntry => {
	const entry = site.entries.find((e) => e.township.code === code && e.year === year);
	if (!entry) throw new Error(`no entry ${code}-${year}; ingest said:\n${site.ingestLog}`);
	return entry;
};

beforeAll(async () => {
	server = await startFixtureServer();
	collectRoot = mkdtempSync(join(tmpdir(), 'collect-e2e-'));
	mkdirSync(join(collectRoot, 'content/reports'), { recursive: true });
	copyFileSync(join('content/reports', SEED), join(collectRoot, 'content/reports', SEED));
	const first = await add(collectRoot, [
		server.url('/files/direct.txt'),
		server.url('/gbk/wrapper.html'),
	]);
	logs.push(first.output);
	expect(first.code, first.output).toBe(0);
	const second = await add(collectRoot, ['--replace', server.url('/files/reissued.txt')]);
	logs.push(second.output);
	expect(second.code, second.output).toBe(0);
	site = buildSiteFrom(join(collectRoot, 'content'));
	h = await startHarness(site.dist);
}, 240_000);

afterAll(async () => {
	await h?.close();
	await server?.close();
	if (site) rmSync(site.root, { recursive: true, force: true });
	if (collectRoot) rmSync(collectRoot, { recursive: true, force: true });
});

describe('a report collected with npm run add', () => {
	it('is stored, parsed and summarised by the command', () => {
		expect(logs[0]).toContain(`${server.url('/files/direct.txt')} info stored`);
		expect(logs[0]).toContain(`${server.url('/attach/loziying-2023.txt')} info stored`);
		expect(logs[0]).toMatch(/店塔镇 · 2022 年 · txt · 2021 格式 · 检查 \d+ 通过、0 未通过/);
		expect(logs[0]).toMatch(/add: 2 份已保存/);
		expect(logs[1]).toContain('取代 content/reports/2022/店塔镇-');
	});

	it('shows its source link, retrieval time, fingerprint and original download, and the download matches', async () => {
		const entry = entryFor(REPORTS.gbkAttachment.code, 2023);
		const bytes = gbk(REPORTS.gbkAttachment.text);
		const { context, page, errors } = await h.open(reportPath(entry));
		const source = page.locator('a[data-source-url]');
		expect(await source.getAttribute('href')).toBe(server.url('/attach/loziying-2023.txt'));
		const facts = await page.locator('#provenance + dl').innerText();
		expect(facts).toContain('原文链接');
		expect(facts).toContain(server.url('/gbk/wrapper.html'));
		expect(facts).toContain(SITE_NAME);
		expect(facts).toMatch(/获取时间\s+\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d（北京时间）/);
		expect(await page.locator('time').first().getAttribute('datetime')).toBe(
			entry.provenance!.retrievedAt,
		);
		expect((await page.locator('[data-sha256]').innerText()).trim()).toBe(sha256(bytes));
		// 收录日期: the day (Beijing time) `npm run add` fetched it, beside 最后更新.
		const day = beijingDay(entry.provenance!.retrievedAt);
		expect(await page.locator('[data-date-added]').getAttribute('data-date-added')).toBe(day);
		expect(await page.locator('[data-date-added] time').getAttribute('datetime')).toBe(day);
		const href = await page.locator('a[data-original]').getAttribute('href');
		expect(href).toBe(`${reportPath(entry)}original.txt`);
		const download = await page.request.get(h.server.origin + href);
		expect(download.status()).toBe(200);
		expect(sha256(await download.body())).toBe(sha256(bytes));
		expect(errors).toEqual([]);
		await context.close();
	});

	it('carries the same fields into record.json.gz and reports.csv', async () => {
		const entry = entryFor(REPORTS.gbkAttachment.code, 2023);
		const record = await servedRecord(h.server.origin, entry);
		expect(record.provenance).toMatchObject({
			sourceUrl: server.url('/attach/loziying-2023.txt'),
			sha256: sha256(gbk(REPORTS.gbkAttachment.text)),
		});
		const csv = await (await fetch(`${h.server.origin}/data/reports.csv`)).text();
		expect(csv).toContain(server.url('/attach/loziying-2023.txt'));
		expect(csv).toContain(sha256(gbk(REPORTS.gbkAttachment.text)));
		const keyFigures = await (await fetch(`${h.server.origin}/data/key-figures.csv`)).text();
		const row = keyFigures.split('\r\n').find((l) => l.startsWith(`${entry.id},`));
		expect(row).toContain(`,${beijingDay(entry.provenance!.retrievedAt)},`);
	});

	it('says 来源未记录 for a bundled seed and offers no invented source', async () => {
		const seed = site.entries.find((e) => e.sourceFile.endsWith(SEED))!;
		const { context, page } = await h.open(reportPath(seed));
		expect(await page.locator('[data-provenance="none"]').innerText()).toContain('来源未记录');
		expect(await page.locator('a[data-source-url], a[data-original]').count()).toBe(0);
		await context.close();
	});

	it('publishes the replacement on /corrections/ with both fingerprints, and the page shows the newer file', async () => {
		const entry = entryFor(REPORTS.reissued.code, 2022);
		expect(entry.provenance?.retrieval === 'web' && entry.provenance.sourceUrl).toBe(
			server.url('/files/reissued.txt'),
		);
		const { context, page } = await h.open('/corrections/');
		const item = await page.locator('[data-correction]').innerText();
		expect(item).toContain(sha256(REPORTS.reissued.text));
		expect(item).toContain(sha256(REPORTS.direct.text));
		expect(item).toContain(`重新下载：${server.url('/files/reissued.txt')}`);
		await context.close();
		const rss = await (await fetch(`${h.server.origin}/rss.xml`)).text();
		expect(rss).toContain('/corrections/#correction-1');
	});
});
