/** The host gate (one request at a time per host, with a pause) and robots.txt answers (RFC 9309). */
import { describe, expect, it } from 'vitest';
import { HostGate } from '../../../src/lib/collect/host-gate.ts';
import {
	DEFAULT_POLICY,
	FetchFailure,
	PoliteFetcher,
	retryAfterMs,
} from '../../../src/lib/collect/polite-fetch.ts';
import { startFixtureServer } from '../../support/collect-server.ts';
import { RobotsRules } from '../../../src/lib/collect/robots.ts';

const text = (s: string) => new TextEncoder().encode(s);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HostGate', () => {
	it('runs one request at a time per host, with the pause between them', async () => {
		const gate = new HostGate();
		const spans: { host: string; start: number; end: number }[] = [];
		const request = (host: string) =>
			gate.run(host, 40, async () => {
				const start = Date.now();
				await wait(10);
				spans.push({ host, start, end: Date.now() });
			});
		await Promise.all([request('a'), request('a'), request('b'), request('a')]);
		const a = spans.filter((s) => s.host === 'a').sort((x, y) => x.start - y.start);
		expect(a).toHaveLength(3);
		for (let i = 1; i < a.length; i++)
			expect(a[i]!.start - a[i - 1]!.end).toBeGreaterThanOrEqual(38);
		// Another host does not wait for this one.
		const b = spans.find((s) => s.host === 'b')!;
		expect(b.start).toBeLessThan(a[1]!.start);
	});

	it('frees the host when a request fails', async () => {
		const gate = new HostGate();
		await expect(gate.run('a', 0, async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		await expect(gate.run('a', 0, async () => 'next')).resolves.toBe('next');
	});
});

describe('RobotsRules', () => {
	const UA = 'TownshipDisclosurePortal/0.1';
	const rules = (answer: () => Promise<{ status: number; bytes: Uint8Array }>) => {
		let asked = 0;
		const robots = new RobotsRules(UA, () => {
			asked++;
			return answer();
		});
		return { robots, asked: () => asked };
	};

	it('obeys Disallow for our agent, names the line, reads Crawl-delay, and asks once per site', async () => {
		const { robots, asked } = rules(async () => ({
			status: 200,
			bytes: text('User-agent: *\nCrawl-delay: 3\nDisallow: /private/\n'),
		}));
		expect(await robots.check('http://a.gov.cn/private/x.pdf')).toEqual({
			allowed: false,
			reason: 'http://a.gov.cn/robots.txt 第 3 行',
			crawlDelayMs: 3000,
		});
		expect((await robots.check('http://a.gov.cn/public/x.pdf')).allowed).toBe(true);
		expect(asked()).toBe(1);
	});

	it('treats a missing robots.txt (4xx) as no rules', async () => {
		const { robots } = rules(async () => ({ status: 404, bytes: new Uint8Array() }));
		expect((await robots.check('http://a.gov.cn/x')).allowed).toBe(true);
	});

	it('treats an unreachable robots.txt (5xx after retries, timeout) as everything disallowed', async () => {
		const { robots } = rules(async () => {
			throw new FetchFailure(
				'http://a.gov.cn/robots.txt',
				'http-server-error',
				'服务器返回 503',
				503,
			);
		});
		const verdict = await robots.check('http://a.gov.cn/x');
		expect(verdict.allowed).toBe(false);
		expect(verdict.reason).toContain('无法读取');
	});
});

describe('redirects and Retry-After', () => {
	it('follows a redirected robots.txt and applies its rules to the site first asked', async () => {
		const answers: Record<string, { status: number; location?: string; text?: string }> = {
			'http://a.gov.cn/robots.txt': { status: 301, location: 'https://www.a.gov.cn/robots.txt' },
			'https://www.a.gov.cn/robots.txt': { status: 200, text: 'User-agent: *\nDisallow: /x/\n' },
		};
		const asked: string[] = [];
		const robots = new RobotsRules('UA', async (url) => {
			asked.push(url);
			const a = answers[url]!;
			return { status: a.status, location: a.location ?? null, bytes: text(a.text ?? '') };
		});
		expect((await robots.check('http://a.gov.cn/x/1.pdf')).allowed).toBe(false);
		expect((await robots.check('http://a.gov.cn/y/1.pdf')).allowed).toBe(true);
		expect(asked).toEqual(['http://a.gov.cn/robots.txt', 'https://www.a.gov.cn/robots.txt']);
	});

	it('reads Retry-After as seconds or a date', () => {
		expect(retryAfterMs('3')).toBe(3000);
		expect(retryAfterMs(null)).toBeNull();
		expect(retryAfterMs('soon')).toBeNull();
		const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
		expect(retryAfterMs(inTwoMinutes)).toBeGreaterThan(100_000);
	});

	it('waits as long as a 503’s Retry-After asks before retrying', async () => {
		const server = await startFixtureServer();
		try {
			const fetcher = new PoliteFetcher({
				...DEFAULT_POLICY,
				delayMs: 0,
				backoffMs: 10,
				retries: 1,
			});
			const fetched = await fetcher.get(server.url('/files/retry-after.txt'));
			expect(fetched.status).toBe(200);
			const [first, second] = server.requestsFor('/files/retry-after.txt');
			expect(second!.at - first!.endedAt).toBeGreaterThanOrEqual(990);
		} finally {
			await server.close();
		}
	});
});
