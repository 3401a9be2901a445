/**
 * robots.txt, read once per site (RFC 9309): redirects are followed (up to five), a 4xx answer
 * means no rules, a 5xx or no answer means "assume everything is disallowed", and Crawl-delay
 * lengthens the pause between requests. Parsing is robots-parser's.
 */
import robotsParser from 'robots-parser';

interface RobotsAnswer {
	status: number;
	location?: string | null;
	bytes: Uint8Array;
}

/** RFC 9309 §2.3.1.2: follow at least five redirects; beyond that the file counts as unavailable. */
const MAX_ROBOTS_REDIRECTS = 5;

export interface RobotsVerdict {
	allowed: boolean;
	/** Why not, for the message: the robots.txt line, or that it could not be read. */
	reason: string;
	crawlDelayMs: number;
}

type Robot = ReturnType<typeof robotsParser>;

export class RobotsRules {
	private readonly sites = new Map<string, Promise<Robot | 'unreachable' | null>>();

	private readonly userAgent: string;
	/** Fetches robots.txt itself (through the same host gate, with retries). */
	private readonly fetchRobots: (url: string) => Promise<RobotsAnswer>;

	constructor(userAgent: string, fetchRobots: (url: string) => Promise<RobotsAnswer>) {
		this.userAgent = userAgent;
		this.fetchRobots = fetchRobots;
	}

	async check(url: string): Promise<RobotsVerdict> {
		const robotsUrl = new URL('/robots.txt', url).href;
		let rules = this.sites.get(robotsUrl);
		if (!rules) this.sites.set(robotsUrl, (rules = this.load(robotsUrl)));
		const robot = await rules;
		if (robot === 'unreachable')
			return {
				allowed: false,
				reason: `${robotsUrl} 无法读取，按规定视为全部禁止`,
				crawlDelayMs: 0,
			};
		if (robot === null) return { allowed: true, reason: '', crawlDelayMs: 0 };
		const allowed = robot.isAllowed(url, this.userAgent) !== false;
		const line = robot.getMatchingLineNumber(url, this.userAgent);
		return {
			allowed,
			reason: allowed ? '' : `${robotsUrl} 第 ${line} 行`,
			crawlDelayMs: (robot.getCrawlDelay(this.userAgent) ?? 0) * 1000,
		};
	}

	private async load(robotsUrl: string): Promise<Robot | 'unreachable' | null> {
		try {
			let at = robotsUrl;
			for (let hop = 0; hop <= MAX_ROBOTS_REDIRECTS; hop++) {
				const answer = await this.fetchRobots(at);
				if (answer.status >= 300 && answer.status < 400 && answer.location) {
					at = new URL(answer.location, at).href;
					continue;
				}
				// 4xx (and a redirect without a target): no robots.txt, so no rules.
				if (answer.status >= 300) return null;
				// The rules apply to the site first asked, wherever the file was found.
				return robotsParser(robotsUrl, new TextDecoder().decode(answer.bytes));
			}
			return null;
		} catch (error) {
			// A 5xx after every retry, a timeout or a refused connection: RFC 9309 §2.3.1.4.
			if (error instanceof Error && error.name === 'FetchFailure') {
				const status = (error as Error & { status: number | null }).status;
				if (status !== null && status < 500) return null;
			}
			return 'unreachable';
		}
	}
}
