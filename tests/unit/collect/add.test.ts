/**
 * `npm run add` against a web server on 127.0.0.1 (tests/support/collect-server.ts): every case
 * of issue 11 item 4 ends stored or not as it should, with its provenance and one line naming
 * the URL and the reason; the fetcher's manners (robots.txt, User-Agent, one request at a time per
 * host with a pause, retries only on 5xx and timeouts) are read from the server's own request log.
 * No test reaches any address but the loopback server.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/lib/collect/outcome.ts';
import { outcomeLine, reportLine, summaryLines } from '../../../src/lib/collect/outcome.ts';
import { DEFAULT_POLICY, type FetchPolicy } from '../../../src/lib/collect/polite-fetch.ts';
import { lineProgress } from '../../../src/lib/collect/progress.ts';
import { readCollectedReport, type ReadReport } from '../../../src/lib/collect/read-report.ts';
import { runAdd, type AddRequest } from '../../../src/lib/collect/run-add.ts';
import { createPlacer } from '../../../src/lib/ingest/placement.ts';
import {
	provenanceSchema,
	sidecarPathOf,
	type Provenance,
} from '../../../src/lib/model/provenance.ts';
import { parseReport } from '../../../src/lib/report/index.ts';
import {
	gbk,
	PDF_BYTES,
	REPORTS,
	SITE_NAME,
	startFixtureServer,
	type FixtureServer,
} from '../../support/collect-server.ts';

const POLICY: FetchPolicy = {
	...DEFAULT_POLICY,
	delayMs: 60,
	timeoutMs: 400,
	retries: 1,
	backoffMs: 60,
};

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

let server: FixtureServer;
beforeAll(async () => {
	server = await startFixtureServer();
});
afterAll(async () => {
	await server?.close();
});

interface Run {
	root: string;
	outcomes: Outcome[];
	output: string;
	/** Every call the collector made to the parser: the file name it gave and the bytes. */
	reads: { file: string; bytes: Uint8Array }[];
}

async function add(
	request: Partial<AddRequest>,
	root = tempRoot(),
	read: ReadReport = readCollectedReport,
): Promise<Run> {
	let output = '';
	const reads: Run['reads'] = [];
	const outcomes = await runAdd(
		{ sources: [], lists: [], indexes: [], replace: false, ...request },
		{
			rootDir: root,
			place: createPlacer(root),
			policy: POLICY,
			progress: lineProgress({ write: (text: string) => (output += text) }),
			read: (bytes, file) => {
				reads.push({ file, bytes });
				return read(bytes, file);
			},
		},
	);
	return { root, outcomes, output, reads };
}

const roots: string[] = [];
function tempRoot(): string {
	const root = mkdtempSync(join(tmpdir(), 'collect-'));
	roots.push(root);
	return root;
}
afterAll(() => {
	for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** Every file under content/reports/, relative, sorted. */
function storedFiles(root: string): string[] {
	const dir = join(root, 'content/reports');
	if (!existsSync(dir)) return [];
	return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
		.filter((d) => d.isFile())
		.map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
		.sort();
}

function provenanceOf(root: string, file: string): Provenance {
	return provenanceSchema.parse(
		JSON.parse(readFileSync(sidecarPathOf(join(root, 'content/reports', file)), 'utf8')),
	);
}

const outcomeFor = (run: Run, url: string) => {
	const found = run.outcomes.filter((o) => o.source === url);
	expect(found, url).toHaveLength(1);
	return found[0]!;
};

describe('one run over the fixture site', () => {
	let run: Run;
	let started: number;
	const u = (path: string) => server.url(path);

	beforeAll(async () => {
		started = Date.now();
		run = await add({
			sources: [
				u('/files/direct.txt'),
				u('/mirror/direct.txt'),
				u('/files/reissued.txt'),
				u('/gbk/wrapper.html'),
				u('/news/pdf-wrapper.html'),
				u('/files/missing.txt'),
				u('/files/flaky.txt'),
				u('/files/always-503.txt'),
				u('/files/slow.txt'),
				u('/private/disallowed.txt'),
				u('/news/notice.html'),
				u('/files/notice.txt'),
				u('/news/report.html'),
			],
			indexes: [u('/list/index.html')],
		});
	}, 30_000);

	it('stores a plain-text report with its provenance and prints township, year, form and checks', () => {
		const o = outcomeFor(run, u('/files/direct.txt'));
		expect(o.kind).toBe('stored');
		if (o.kind !== 'stored') return;
		expect(o.file).toMatch(/^2022\/店塔镇-[0-9a-f]{8}\.txt$/);
		const bytes = readFileSync(join(run.root, 'content/reports', o.file));
		expect(new TextDecoder().decode(bytes)).toBe(REPORTS.direct.text);
		const p = provenanceOf(run.root, o.file);
		expect(p).toMatchObject({
			retrieval: 'web',
			sourceUrl: u('/files/direct.txt'),
			finalUrl: u('/files/direct.txt'),
			pageUrl: null,
			siteName: new URL(server.origin).host,
			httpStatus: 200,
			contentType: 'text/plain; charset=utf-8',
			sha256: sha256(REPORTS.direct.text),
			size: utf8(REPORTS.direct.text).length,
			originalName: 'direct.txt',
		});
		if (p.retrieval !== 'web') return;
		const at = Date.parse(p.retrievedAt);
		expect(at).toBeGreaterThanOrEqual(started);
		expect(at).toBeLessThanOrEqual(Date.now());
		expect(o.placement.slot).toBe(`${REPORTS.direct.code}-2022`);
		expect(outcomeLine(o)).toContain(`${u('/files/direct.txt')} info stored`);
		const printed = reportLine(o);
		expect(printed).toContain('店塔镇');
		expect(printed).toContain('2022 年');
		expect(printed).toContain('txt · 2021 格式');
		expect(printed).toMatch(/检查 \d+ 通过、0 未通过/);
		expect(run.output).toContain(printed);
	});

	it('skips the same bytes found at another address, by SHA-256', () => {
		const o = outcomeFor(run, u('/mirror/direct.txt'));
		expect(o).toMatchObject({ kind: 'have', by: 'sha256' });
		expect(storedFiles(run.root).filter((f) => f.includes('店塔镇'))).toHaveLength(2); // file + sidecar
	});

	it('reports another file for a township and year it has as a duplicate, with both sources, and stores nothing', () => {
		const o = outcomeFor(run, u('/files/reissued.txt'));
		expect(o.kind).toBe('duplicate');
		const line = outcomeLine(o);
		expect(line).toContain(u('/files/reissued.txt'));
		expect(line).toContain(u('/files/direct.txt'));
		expect(line).toContain(`${REPORTS.reissued.code}-2022`);
		expect(summaryLines(run.outcomes).join('\n')).toContain(
			`${REPORTS.reissued.code}-2022: 已有 ${u('/files/direct.txt')}`,
		);
	});

	it('decodes a GBK page by its <meta charset> alone and collects the attachment the page wraps', () => {
		const o = outcomeFor(run, u('/attach/loziying-2023.txt'));
		expect(o.kind).toBe('stored');
		if (o.kind !== 'stored') return;
		expect(o.file).toMatch(/^2023\/楼子营镇-[0-9a-f]{8}\.txt$/);
		expect(readFileSync(join(run.root, 'content/reports', o.file))).toEqual(
			Buffer.from(gbk(REPORTS.gbkAttachment.text)),
		);
		expect(provenanceOf(run.root, o.file)).toMatchObject({
			sourceUrl: u('/attach/loziying-2023.txt'),
			pageUrl: u('/gbk/wrapper.html'),
			// Read from the GBK page's <meta name="SiteName">: only right if the page was decoded as GBK.
			siteName: SITE_NAME,
			contentType: 'application/octet-stream',
			originalName: 'loziying-2023.txt',
		});
		expect(o.placement.slot).toBe(`${REPORTS.gbkAttachment.code}-2023`);
		// The wrapper itself is not a report and is not stored; its navigation links are not followed.
		const sources = storedFiles(run.root)
			.filter((f) => f.endsWith('.source.json'))
			.map((f) => provenanceOf(run.root, f.replace(/\.source\.json$/, '')))
			.map((p) => (p?.retrieval === 'web' ? p.sourceUrl : null));
		expect(sources).not.toContain(u('/gbk/wrapper.html'));
		expect(server.requestsFor('/help.pdf')).toEqual([]);
	});

	it('follows a wrapper page to its PDF attachment and hands the PDF bytes to the parser', () => {
		expect(server.requestsFor('/attach/report.pdf')).toHaveLength(1);
		const read = run.reads.find((r) => r.file.endsWith('.pdf'));
		expect(read?.bytes).toEqual(PDF_BYTES);
		const o = outcomeFor(run, u('/attach/report.pdf'));
		// This PDF says only "Annual report": not a report with today's parser or a PDF-reading one.
		expect(o.kind).toBe('not-report');
		expect(outcomeLine(o)).toMatch(
			new RegExp(`^${u('/attach/report.pdf')} warning not-a-report .+`),
		);
		expect(storedFiles(run.root).some((f) => f.endsWith('.pdf'))).toBe(false);
	});

	it('collects the report links of a listing page, not its other links or navigation', () => {
		expect(server.requestsFor('/list/index.html')).toHaveLength(1);
		expect(outcomeFor(run, u('/files/listed.txt')).kind).toBe('stored');
		// The notice is on the list but its text names no annual report: only the direct request fetched it.
		expect(server.requestsFor('/news/notice.html')).toHaveLength(1);
		expect(run.output).toContain(`${u('/list/index.html')} info index 列表页上找到 2 个报告链接`);
	});

	it('follows a redirect and records both the address asked for and the final one', () => {
		const o = outcomeFor(run, u('/old/redirected.txt'));
		expect(o.kind).toBe('stored');
		if (o.kind !== 'stored') return;
		expect(provenanceOf(run.root, o.file)).toMatchObject({
			sourceUrl: u('/old/redirected.txt'),
			finalUrl: u('/files/redirected.txt'),
			httpStatus: 200,
			originalName: 'redirected.txt',
		});
		expect(o.placement.slot).toBe(`${REPORTS.redirected.code}-2021`);
	});

	it('gives up on a 404 at once, with one line naming the URL and the status', () => {
		const o = outcomeFor(run, u('/files/missing.txt'));
		expect(o).toMatchObject({ kind: 'failed', ruleId: 'http-client-error' });
		expect(outcomeLine(o)).toBe(
			`${u('/files/missing.txt')} error http-client-error 服务器返回 404，未下载（4xx 不重试）`,
		);
		expect(server.requestsFor('/files/missing.txt')).toHaveLength(1);
	});

	it('retries a 503 after a pause and stores the report when the server recovers', () => {
		const o = outcomeFor(run, u('/files/flaky.txt'));
		expect(o.kind).toBe('stored');
		const [first, second] = server.requestsFor('/files/flaky.txt');
		expect(second).toBeDefined();
		expect(second!.at - first!.endedAt).toBeGreaterThanOrEqual(POLICY.backoffMs - 5);
	});

	it('stops after the bounded retries when a server keeps answering 503', () => {
		const o = outcomeFor(run, u('/files/always-503.txt'));
		expect(o).toMatchObject({ kind: 'failed', ruleId: 'http-server-error' });
		expect(outcomeLine(o)).toContain('服务器返回 503，共尝试 2 次，未下载');
		expect(server.requestsFor('/files/always-503.txt')).toHaveLength(POLICY.retries + 1);
	});

	it('times out a response slower than the limit, retries, and stores nothing', () => {
		const o = outcomeFor(run, u('/files/slow.txt'));
		expect(o).toMatchObject({ kind: 'failed', ruleId: 'timeout' });
		expect(outcomeLine(o)).toContain(`${POLICY.timeoutMs} 毫秒内没有完成响应，共尝试 2 次`);
		expect(server.requestsFor('/files/slow.txt')).toHaveLength(POLICY.retries + 1);
	});

	it('obeys robots.txt: a disallowed path is never requested', () => {
		const o = outcomeFor(run, u('/private/disallowed.txt'));
		expect(o).toMatchObject({ kind: 'failed', ruleId: 'robots-disallowed' });
		expect(outcomeLine(o)).toContain(`robots.txt 不允许抓取此地址（${u('/robots.txt')} 第 2 行）`);
		expect(server.requestsFor('/private/disallowed.txt')).toEqual([]);
		expect(server.requestsFor('/robots.txt').length).toBe(1);
	});

	it('does not store a page or a text that is not a report, and says why', () => {
		const page = outcomeFor(run, u('/news/notice.html'));
		expect(page.kind).toBe('not-report');
		expect(outcomeLine(page)).toContain('页面正文中也没有附件链接');
		const text = outcomeFor(run, u('/files/notice.txt'));
		expect(text.kind).toBe('not-report');
		expect(outcomeLine(text)).toMatch(/不是政府信息公开工作年度报告/);
	});

	it('hands an HTML report page to the parser as the original bytes, named .html', () => {
		const read = run.reads.find(
			(r) => r.file.endsWith('.html') && new TextDecoder().decode(r.bytes).includes('上官镇'),
		);
		expect(read).toBeDefined();
		// The parser reads web pages: the page is stored as it was published, in its (township, year).
		const o = outcomeFor(run, u('/news/report.html'));
		expect(o.kind).toBe('stored');
		if (o.kind !== 'stored') return;
		expect(o.file).toMatch(/^2023\/上官镇-[0-9a-f]{8}\.html$/);
		expect(o.placement.slot).toBe(`${REPORTS.htmlPage.code}-2023`);
	});

	it('asks every request with the portal User-Agent, one at a time, with the pause between them', () => {
		expect(new Set(server.log.map((l) => l.userAgent))).toEqual(
			new Set([DEFAULT_POLICY.userAgent]),
		);
		expect(DEFAULT_POLICY.userAgent).toMatch(/TownshipDisclosurePortal/);
		expect(Math.max(...server.log.map((l) => l.inFlight))).toBe(0);
		// Measured on the server's clock between request arrivals: the client pauses after it has
		// read a response, so two arrivals are at least the pause apart however slow the response or
		// the machine (the server's own "response ended" time can be logged late under load). Timers
		// may fire a few ms early.
		const ordered = [...server.log].sort((a, b) => a.at - b.at);
		for (let i = 1; i < ordered.length; i++)
			expect(ordered[i]!.at - ordered[i - 1]!.at, ordered[i]!.path).toBeGreaterThanOrEqual(
				POLICY.delayMs - 5,
			);
	});

	it('leaves no temporary file and no original without its sidecar', () => {
		const files = storedFiles(run.root);
		expect(files.filter((f) => f.includes('.collect-'))).toEqual([]);
		const originals = files.filter((f) => !f.endsWith('.source.json'));
		// direct, the GBK attachment, flaky, listed, redirected, the HTML report page.
		expect(originals).toHaveLength(6);
		for (const f of originals) expect(files).toContain(`${f}.source.json`);
	});

	it('a second run skips by URL without asking the server again', async () => {
		const before = server.log.length;
		const again = await add(
			{ sources: [u('/files/direct.txt'), u('/gbk/wrapper.html')], indexes: [] },
			run.root,
		);
		expect(again.outcomes.map((o) => [o.kind, o.kind === 'have' ? o.by : ''])).toEqual([
			['have', 'url'],
			['have', 'url'],
		]);
		expect(server.log.length).toBe(before);
		// Nothing new to store, so the files already there were not even parsed.
		expect(again.reads).toEqual([]);
	});

	it('--replace stores a newer download beside the old one and records it as a correction', async () => {
		const again = await add({ sources: [u('/files/reissued.txt')], replace: true }, run.root);
		const o = again.outcomes[0]!;
		expect(o.kind).toBe('stored');
		if (o.kind !== 'stored') return;
		const old = outcomeFor(run, u('/files/direct.txt'));
		expect(o.replaces).toBe(old.kind === 'stored' ? old.file : null);
		const corrections = JSON.parse(
			readFileSync(join(run.root, 'content/reports.corrections.json'), 'utf8'),
		);
		expect(corrections.corrections).toEqual([
			{
				file: o.file,
				replaces: o.replaces,
				note: `重新下载：${u('/files/reissued.txt')}`,
				date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
			},
		]);
		expect(provenanceOf(run.root, o.file).notes).toContain(sha256(REPORTS.direct.text));
		expect(readFileSync(join(run.root, 'content/reports', o.replaces!), 'utf8')).toBe(
			REPORTS.direct.text,
		);
	});
});

describe('when the parser reads HTML (a stand-in for the extraction being added to src/lib/report/)', () => {
	/** Page text from hast, then today's parser: what an HTML-reading entry will at least do. */
	const htmlReader: ReadReport = async (bytes, file) =>
		file.endsWith('.html')
			? parseReport(utf8(toText(fromHtml(new TextDecoder().decode(bytes)))), { file })
			: readCollectedReport(bytes, file);

	it('stores an HTML report page as the original .html with the site name the page states', async () => {
		const run = await add({ sources: [server.url('/news/report.html')] }, tempRoot(), htmlReader);
		const o = run.outcomes[0]!;
		expect(o.kind).toBe('stored');
		if (o.kind !== 'stored') return;
		expect(o.file).toMatch(/^2023\/上官镇-[0-9a-f]{8}\.html$/);
		expect(o.placement.slot).toBe(`${REPORTS.htmlPage.code}-2023`);
		expect(provenanceOf(run.root, o.file)).toMatchObject({ siteName: SITE_NAME, pageUrl: null });
	});
});

describe('adding a local file', () => {
	it('copies it in with its fingerprint and no web address', async () => {
		const dir = tempRoot();
		const path = join(dir, '旧县镇 年报.txt');
		writeFileSync(path, REPORTS.listed.text);
		const run = await add({ sources: [path] });
		const o = run.outcomes[0]!;
		expect(o.kind).toBe('stored');
		if (o.kind !== 'stored') return;
		expect(provenanceOf(run.root, o.file)).toMatchObject({
			retrieval: 'file',
			originalName: '旧县镇 年报.txt',
			sha256: sha256(REPORTS.listed.text),
		});
	});

	it('names a file it cannot read', async () => {
		const run = await add({ sources: ['/nonexistent/report.txt'] });
		expect(run.outcomes[0]).toMatchObject({ kind: 'failed', ruleId: 'cannot-read' });
		expect(outcomeLine(run.outcomes[0]!)).toMatch(
			/^\/nonexistent\/report\.txt error cannot-read 无法读取文件/,
		);
	});
});

describe('a listing address that is not a web URL', () => {
	it('is refused with one line, and the run goes on', async () => {
		const run = await add({ indexes: ['/list/index.html', 'ftp://x.gov.cn/list'] });
		expect(run.outcomes.map(outcomeLine)).toEqual([
			'/list/index.html error bad-url 不是完整的 http:// 或 https:// 网址',
			'ftp://x.gov.cn/list error bad-url 不是完整的 http:// 或 https:// 网址',
		]);
	});
});
