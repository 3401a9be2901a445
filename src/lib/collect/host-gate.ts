/**
 * One request at a time per host, with a pause after each: however the collector's work is
 * scheduled, a government server never sees two requests from us at once or back to back.
 */

export class HostGate {
	private readonly queue = new Map<string, Promise<void>>();
	private readonly lastDone = new Map<string, number>();

	/** Runs `request` when the host is free and `delayMs` has passed since its last request ended. */
	async run<T>(host: string, delayMs: number, request: () => Promise<T>): Promise<T> {
		const before = this.queue.get(host) ?? Promise.resolve();
		let release!: () => void;
		const mine = new Promise<void>((resolve) => (release = resolve));
		this.queue.set(
			host,
			before.then(() => mine),
		);
		await before;
		try {
			const wait = (this.lastDone.get(host) ?? -Infinity) + delayMs - Date.now();
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
			return await request();
		} finally {
			this.lastDone.set(host, Date.now());
			release();
		}
	}
}
