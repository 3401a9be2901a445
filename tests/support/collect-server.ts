/**
 * Test support: a web server on 127.0.0.1 that plays a government site for `npm run add`
 * (issue 11, item 4). Each path is one case: a plain-text report, an HTML report page, a GBK
 * wrapper page with only `<meta charset=gbk>`, a wrapper linking a PDF, a listing page, a
 * redirect, a 404, a 503 then success, a response slower than the timeout, a path robots.txt
 * disallows, and pages that are no report. Every request is logged (time, path, User-Agent, how
 * many were in flight) so tests can check the fetcher's manners. Reports are rendered from known
 * truth (township, county, year), which is what the tests compare against.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeTable2, makeTable3, makeTable4 } from './layout-fixtures.ts';
import { renderReport, type Layout, type ReportMeta } from './render-report.ts';

export interface FixtureReport {
	meta: ReportMeta;
	/** 9-digit code of the township (from src/data/divisions.json, looked up by hand). */
	code: string;
	text: string;
}

export function fixtureReport(
	meta: ReportMeta,
	code: string,
	seed: number,
	layout: Layout = 'pipe',
): FixtureReport {
	const { text } = renderReport(
		{
			meta,
			formatVersion: '2021',
			table2: makeTable2(seed),
			table2v2019: null,
			table3: makeTable3(seed, '2021'),
			table4: makeTable4(seed),
		},
		{ layout },
	);
	return { meta, code, text };
}

/** The reports the site publishes; codes checked against src/data/divisions.json. */
export const REPORTS = {
	direct: fixtureReport({ county: '神木市', township: '店塔镇', year: 2022 }, '610881102', 1),
	/** Same township and year as `direct`, laid out differently: other bytes, same report slot. */
	reissued: fixtureReport(
		{ county: '神木市', township: '店塔镇', year: 2022 },
		'610881102',
		1,
		'tsv',
	),
	gbkAttachment: fixtureReport(
		{ county: '河曲县', township: '楼子营镇', year: 2023 },
		'140930101',
		2,
	),
	redirected: fixtureReport({ county: '滑县', township: '留固镇', year: 2021 }, '410526103', 3),
	flaky: fixtureReport({ county: '神木市', township: '高家堡镇', year: 2023 }, '610881101', 4),
	listed: fixtureReport({ county: '河曲县', township: '沙泉镇', year: 2022 }, '140930105', 5),
	htmlPage: fixtureReport({ county: '滑县', township: '上官镇', year: 2023 }, '410526104', 6),
	disallowed: fixtureReport({ county: '滑县', township: '牛屯镇', year: 2023 }, '410526105', 7),
} satisfies Record<string, FixtureReport>;

export const SITE_NAME = '示例县人民政府';
export const GBK_LINK_TEXT = '附件：河曲县楼子营镇2023年政府信息公开工作年度报告';

export const gbk = (text: string): Uint8Array =>
	new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A small valid PDF (one page, "Annual report"): the form the parser learns to read later. */
export const PDF_BYTES = utf8(
	[
		'%PDF-1.4',
		'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
		'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
		'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj',
		'4 0 obj << /Length 44 >> stream',
		'BT /F1 12 Tf 20 100 Td (Annual report) Tj ET',
		'endstream endobj',
		'trailer << /Root 1 0 R >>',
		'%%EOF',
	].join('\n'),
);

const page = (title: string, body: string, head = '<meta charset="utf-8">') =>
	`<!doctype html><html><head>${head}<meta name="SiteName" content="${SITE_NAME}"><title>${title}</title></head><body>` +
	`<nav><a href="/">首页</a> <a href="/list/index.html">政府信息公开年报专栏</a> <a href="/help.pdf">帮助.pdf</a></nav>` +
	`<div class="article">${body}</div><footer><a href="/about.html">关于我们</a></footer></body></html>`;

const paragraphs = (text: string) =>
	text
		.split('\n')
		.map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
		.join('');

interface Route {
	status?: number;
	type?: string | null;
	headers?: Record<string, string>;
	body?: Uint8Array;
	/** Milliseconds before the headers are sent. */
	delayMs?: number;
}

export interface RequestLog {
	path: string;
	userAgent: string;
	/** When the request arrived and when its response ended (ms since epoch). */
	at: number;
	endedAt: number;
	/** Requests being served when this one arrived (0 = it was alone). */
	inFlight: number;
}

export interface FixtureServer {
	origin: string;
	url(path: string): string;
	log: RequestLog[];
	requestsFor(path: string): RequestLog[];
	close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
	const hits = new Map<string, number>();
	const routes: Record<string, (n: number) => Route> = {
		'/robots.txt': () => ({
			type: 'text/plain',
			body: utf8('User-agent: *\nDisallow: /private/\n'),
		}),
		'/files/direct.txt': () => ({
			type: 'text/plain; charset=utf-8',
			body: utf8(REPORTS.direct.text),
		}),
		'/files/reissued.txt': () => ({
			type: 'text/plain; charset=utf-8',
			body: utf8(REPORTS.reissued.text),
		}),
		'/mirror/direct.txt': () => ({ type: 'text/plain', body: utf8(REPORTS.direct.text) }),
		'/gbk/wrapper.html': () => ({
			// No charset in the header: only the <meta> says GBK.
			type: 'text/html',
			body: gbk(
				page(
					'河曲县楼子营镇2023年政府信息公开工作年度报告',
					`<h1>河曲县楼子营镇2023年政府信息公开工作年度报告</h1><p>发布时间：2024-01-20</p>` +
						`<p><a href="/attach/loziying-2023.txt">${GBK_LINK_TEXT}</a></p>`,
					'<meta charset=gbk>',
				),
			),
		}),
		'/attach/loziying-2023.txt': () => ({
			type: 'application/octet-stream',
			headers: { 'Content-Disposition': 'attachment; filename="loziying-2023.txt"' },
			body: gbk(REPORTS.gbkAttachment.text),
		}),
		'/news/pdf-wrapper.html': () => ({
			type: 'text/html; charset=utf-8',
			body: utf8(
				page(
					'2023年政府信息公开工作年度报告',
					'<p>详见附件。</p><p><a href="/attach/report.pdf">年度报告.pdf</a></p>',
				),
			),
		}),
		'/attach/report.pdf': () => ({ type: 'application/pdf', body: PDF_BYTES }),
		'/list/index.html': () => ({
			type: 'text/html; charset=utf-8',
			body: utf8(
				page(
					'政府信息公开年报',
					'<ul>' +
						'<li><a href="/files/listed.txt">河曲县沙泉镇2022年政府信息公开工作年度报告</a></li>' +
						'<li><a href="/old/redirected.txt">滑县留固镇2021年政府信息公开工作年报</a></li>' +
						'<li><a href="/news/notice.html">关于召开全镇干部大会的通知</a></li>' +
						'</ul>',
				),
			),
		}),
		'/files/listed.txt': () => ({
			type: 'text/plain; charset=utf-8',
			body: utf8(REPORTS.listed.text),
		}),
		'/old/redirected.txt': () => ({ status: 301, headers: { Location: '/files/redirected.txt' } }),
		'/files/redirected.txt': () => ({
			type: 'text/plain; charset=utf-8',
			body: utf8(REPORTS.redirected.text),
		}),
		'/files/missing.txt': () => ({ status: 404, type: 'text/html', body: utf8('<h1>404</h1>') }),
		'/files/flaky.txt': (n) =>
			n === 1
				? { status: 503, type: 'text/plain', body: utf8('busy') }
				: { type: 'text/plain; charset=utf-8', body: utf8(REPORTS.flaky.text) },
		'/files/retry-after.txt': (n) =>
			n === 1
				? { status: 503, type: 'text/plain', headers: { 'Retry-After': '1' }, body: utf8('busy') }
				: { type: 'text/plain; charset=utf-8', body: utf8(REPORTS.flaky.text) },
		'/files/always-503.txt': () => ({ status: 503, type: 'text/plain', body: utf8('busy') }),
		'/files/slow.txt': () => ({
			delayMs: 1500,
			type: 'text/plain',
			body: utf8(REPORTS.direct.text),
		}),
		'/private/disallowed.txt': () => ({ type: 'text/plain', body: utf8(REPORTS.disallowed.text) }),
		'/news/report.html': () => ({
			type: 'text/html; charset=utf-8',
			body: utf8(page('上官镇2023年政府信息公开工作年度报告', paragraphs(REPORTS.htmlPage.text))),
		}),
		'/news/notice.html': () => ({
			type: 'text/html; charset=utf-8',
			body: utf8(
				page('关于召开全镇干部大会的通知', '<p>定于下周一召开全镇干部大会，请准时参加。</p>'),
			),
		}),
		'/files/notice.txt': () => ({
			type: 'text/plain; charset=utf-8',
			body: utf8('通知：明天停电。\n'),
		}),
	};

	const log: RequestLog[] = [];
	let inFlight = 0;
	const timers = new Set<NodeJS.Timeout>();
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		const entry: RequestLog = {
			path,
			userAgent: req.headers['user-agent'] ?? '',
			at: Date.now(),
			endedAt: 0,
			inFlight,
		};
		log.push(entry);
		inFlight++;
		res.on('close', () => {
			inFlight--;
			entry.endedAt = Date.now();
		});
		const n = (hits.get(path) ?? 0) + 1;
		hits.set(path, n);
		const route = routes[path]?.(n) ?? { status: 404, type: 'text/plain', body: utf8('not found') };
		const send = () => {
			res.writeHead(route.status ?? 200, {
				...(route.type ? { 'Content-Type': route.type } : {}),
				...route.headers,
			});
			res.end(route.body);
		};
		if (route.delayMs) {
			const timer = setTimeout(() => {
				timers.delete(timer);
				if (!res.destroyed) send();
			}, route.delayMs);
			timers.add(timer);
		} else send();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		url: (path) => `${origin}${path}`,
		log,
		requestsFor: (path) => log.filter((l) => l.path === path),
		close: async () => {
			for (const timer of timers) clearTimeout(timer);
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
