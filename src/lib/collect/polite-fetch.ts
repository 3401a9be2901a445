/**
 * Fetching from government sites the way a considerate visitor does: robots.txt obeyed, one
 * request at a time per host with a pause between them, a timeout, a few retries with growing
 * waits when the server is overloaded (5xx) or too slow, never a retry on 4xx (the answer will not
 * change), and a User-Agent that says who is asking. Redirects are followed by hand so that each
 * hop is checked against its own host's robots.txt and pause.
 */
import { HostGate } from './host-gate.ts';
import { RobotsRules } from './robots.ts';

export interface FetchPolicy {
	userAgent: string;
	/** Pause between two requests to the same host (robots.txt Crawl-delay may lengthen it). */
	delayMs: number;
	/** For one whole request, headers and body. */
	timeoutMs: number;
	/** Extra attempts after a 5xx, a timeout or a dropped connection. */
	retries: number;
	/** Wait before the first retry; doubled for each further one. */
	backoffMs: number;
	maxBytes: number;
	maxRedirects: number;
}

/** ASCII only: HTTP header values are bytes. Names the portal and where to read about it. */
export const USER_AGENT =
	'TownshipDisclosurePortal/0.1 (portal of township government information disclosure annual reports; +https://example.org/about/)';

export const DEFAULT_POLICY: FetchPolicy = {
	userAgent: USER_AGENT,
	delayMs: 2000,
	timeoutMs: 30_000,
	retries: 3,
	backoffMs: 2000,
	maxBytes: 50 * 1024 * 1024,
	maxRedirects: 5,
};

export interface Fetched {
	/** The URL asked for. */
	url: string;
	/** After redirects. */
	finalUrl: string;
	status: number;
	contentType: string | null;
	contentDisposition: string | null;
	bytes: Uint8Array;
	/** When the final response arrived (ISO 8601, UTC). */
	retrievedAt: string;
}

export type FetchFailureKind =
	| 'robots-disallowed'
	| 'http-client-error'
	| 'http-server-error'
	| 'timeout'
	| 'network'
	| 'too-large'
	| 'too-many-redirects';

/** A URL that could not be fetched; the message is one line, in Chinese, for the curator. */
export class FetchFailure extends Error {
	override name = 'FetchFailure';
	readonly url: string;
	readonly kind: FetchFailureKind;
	/** The HTTP status, when the server answered. */
	readonly status: number | null;

	constructor(url: string, kind: FetchFailureKind, message: string, status: number | null = null) {
		super(message);
		this.url = url;
		this.kind = kind;
		this.status = status;
	}
}

export class PoliteFetcher {
	private readonly gate = new HostGate();
	private readonly robots: RobotsRules;
	readonly policy: FetchPolicy;

	constructor(policy: FetchPolicy = DEFAULT_POLICY) {
		this.policy = policy;
		this.robots = new RobotsRules(policy.userAgent, (url) => this.attempts(url));
	}

	/** The response at `url` after redirects, or a FetchFailure naming why not. */
	async get(url: string): Promise<Fetched> {
		let at = url;
		for (let hop = 0; hop <= this.policy.maxRedirects; hop++) {
			const verdict = await this.robots.check(at);
			if (!verdict.allowed)
				throw new FetchFailure(
					at,
					'robots-disallowed',
					`robots.txt 不允许抓取此地址（${verdict.reason}），未下载`,
				);
			const response = await this.attempts(at, verdict.crawlDelayMs);
			if (response.status >= 300 && response.status < 400 && response.location !== null) {
				at = new URL(response.location, at).href;
				continue;
			}
			if (response.status >= 400)
				throw new FetchFailure(
					at,
					'http-client-error',
					`服务器返回 ${response.status}，未下载（4xx 不重试）`,
					response.status,
				);
			return {
				url,
				finalUrl: at,
				status: response.status,
				contentType: response.contentType,
				contentDisposition: response.contentDisposition,
				bytes: response.bytes,
				retrievedAt: new Date().toISOString(),
			};
		}
		throw new FetchFailure(
			url,
			'too-many-redirects',
			`重定向超过 ${this.policy.maxRedirects} 次，未下载`,
		);
	}

	/** One URL, retried on 5xx, timeouts and dropped connections; 4xx and redirects are returned. */
	private async attempts(url: string, crawlDelayMs = 0): Promise<RawResponse> {
		const host = new URL(url).host;
		const delay = Math.max(this.policy.delayMs, crawlDelayMs);
		let last: FetchFailure | undefined;
		let asked = 0;
		for (let attempt = 0; attempt <= this.policy.retries; attempt++) {
			if (attempt > 0)
				await sleep(
					Math.max(this.policy.backoffMs * 2 ** (attempt - 1), Math.min(asked, MAX_RETRY_AFTER_MS)),
				);
			try {
				const response = await this.gate.run(host, delay, () => this.once(url));
				if (response.status < 500) return response;
				// An overloaded server may say how long to wait (Retry-After); we wait at least that, within reason.
				asked = response.retryAfterMs ?? 0;
				last = new FetchFailure(
					url,
					'http-server-error',
					`服务器返回 ${response.status}`,
					response.status,
				);
			} catch (error) {
				if (error instanceof FetchFailure && error.kind === 'too-large') throw error;
				last =
					error instanceof FetchFailure
						? error
						: new FetchFailure(url, 'network', `连接失败：${errorText(error)}`);
			}
		}
		const tries = this.policy.retries + 1;
		throw new FetchFailure(
			url,
			last!.kind,
			`${last!.message}，共尝试 ${tries} 次，未下载`,
			last!.status,
		);
	}

	private async once(url: string): Promise<RawResponse> {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), this.policy.timeoutMs);
		try {
			const response = await fetch(url, {
				redirect: 'manual',
				signal: controller.signal,
				headers: { 'User-Agent': this.policy.userAgent, Accept: '*/*' },
			});
			const declared = Number(response.headers.get('content-length') ?? 0);
			if (declared > this.policy.maxBytes) {
				controller.abort();
				throw tooLarge(url, this.policy.maxBytes);
			}
			const bytes = await readBody(response, this.policy.maxBytes, url);
			return {
				status: response.status,
				location: response.headers.get('location'),
				contentType: response.headers.get('content-type'),
				contentDisposition: response.headers.get('content-disposition'),
				retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
				bytes,
			};
		} catch (error) {
			if (error instanceof FetchFailure) throw error;
			if (controller.signal.aborted)
				throw new FetchFailure(url, 'timeout', `${this.policy.timeoutMs} 毫秒内没有完成响应`);
			throw error;
		} finally {
			clearTimeout(timer);
		}
	}
}

interface RawResponse {
	status: number;
	location: string | null;
	contentType: string | null;
	contentDisposition: string | null;
	retryAfterMs: number | null;
	bytes: Uint8Array;
}

/** The longest Retry-After we honour: a run should not stall for hours on one server's word. */
const MAX_RETRY_AFTER_MS = 60_000;

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(header: string | null): number | null {
	if (header === null || header.trim() === '') return null;
	if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
	const at = Date.parse(header);
	return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** The body, stopped as soon as it passes the size limit (a server may not send Content-Length). */
async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
	if (!response.body) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of response.body) {
		size += chunk.byteLength;
		if (size > maxBytes) throw tooLarge(url, maxBytes);
		chunks.push(chunk);
	}
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

const tooLarge = (url: string, maxBytes: number) =>
	new FetchFailure(url, 'too-large', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB，未下载`);

function errorText(error: unknown): string {
	if (error instanceof Error) {
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		return cause?.code ?? cause?.message ?? error.message;
	}
	return String(error);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
