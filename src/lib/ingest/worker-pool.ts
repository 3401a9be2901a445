/**
 * Parsing on every core: a small pool of worker threads (node:worker_threads) that runs tasks and
 * hands back their results in the order the tasks were given, whatever order the workers finish
 * in, so a parallel ingest writes exactly what a one-thread ingest writes. Only a bounded window
 * of tasks is in flight or waiting to be taken, so memory does not grow with the number of tasks.
 * A worker that dies while running a task (out of memory, an uncaught error, process.exit) is
 * replaced; the caller decides what that task's result is (`onCrash`), and the others go on.
 */
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

/** A worker died while running a task; carries why. */
export class WorkerCrash extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'WorkerCrash';
	}
}

interface Request {
	id: number;
	task: unknown;
}

type Reply = { id: number; cpu: NodeJS.CpuUsage } & (
	| { ok: true; result: unknown }
	| { ok: false; error: { name: string; message: string; stack?: string } }
);

interface Pending {
	id: number;
	task: unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

interface Slot {
	worker: Worker;
	running: Pending | null;
	/** The worker thread's CPU time so far, microseconds, as of its last answer. */
	cpuMicros: number;
}

export interface PoolOptions {
	/** The worker module: it calls serveTasks(handler). */
	workerUrl: URL;
	/** Given to every worker as `workerData`. */
	workerData?: unknown;
	/** Worker threads at most (at least 1). */
	jobs: number;
	resourceLimits?: ResourceLimits;
}

export class WorkerPool {
	readonly #options: PoolOptions;
	readonly #slots: Slot[] = [];
	readonly #queue: Pending[] = [];
	#nextId = 0;
	#closed = false;
	/** CPU time of workers that have exited, microseconds. */
	#retiredCpuMicros = 0;

	constructor(options: PoolOptions) {
		this.#options = { ...options, jobs: Math.max(1, Math.floor(options.jobs)) };
	}

	/** Runs one task on the next free worker. Rejects with the task's own error, or a WorkerCrash. */
	run<R>(task: unknown): Promise<R> {
		if (this.#closed) return Promise.reject(new Error('worker pool is closed'));
		return new Promise<R>((resolve, reject) => {
			this.#queue.push({
				id: this.#nextId++,
				task,
				resolve: resolve as (v: unknown) => void,
				reject,
			});
			this.#dispatch();
		});
	}

	/**
	 * Every task's result, in the tasks' order. At most `window` tasks are running or done but not
	 * yet taken. A task whose worker died gives `onCrash(task, crash)`, or throws without it; a task
	 * that threw in its worker throws here.
	 */
	async *mapInOrder<T, R>(
		tasks: Iterable<T>,
		onCrash?: (task: T, crash: WorkerCrash) => R,
		window = this.#options.jobs * 4,
	): AsyncGenerator<R> {
		const ahead: { task: T; result: Promise<R> }[] = [];
		const iterator = tasks[Symbol.iterator]();
		let done = false;
		const fill = () => {
			while (!done && ahead.length < window) {
				const next = iterator.next();
				if (next.done) done = true;
				else {
					const result = this.run<R>(next.value);
					result.catch(() => {}); // handled when its turn comes; not an unhandled rejection
					ahead.push({ task: next.value, result });
				}
			}
		};
		fill();
		while (ahead.length > 0) {
			const { task, result } = ahead.shift()!;
			let value: R;
			try {
				value = await result;
			} catch (error) {
				if (!(error instanceof WorkerCrash) || !onCrash) throw error;
				value = onCrash(task, error);
			}
			fill();
			yield value;
		}
	}

	/** CPU seconds the worker threads have used (as of their last answers), for the benchmarks. */
	cpuSeconds(): number {
		const live = this.#slots.reduce((sum, slot) => sum + slot.cpuMicros, 0);
		return (live + this.#retiredCpuMicros) / 1e6;
	}

	/** Stops every worker; tasks still queued are rejected. */
	async close(): Promise<void> {
		this.#closed = true;
		for (const pending of this.#queue.splice(0)) pending.reject(new Error('worker pool closed'));
		await Promise.all([...this.#slots].map(({ worker }) => worker.terminate()));
	}

	#dispatch(): void {
		while (this.#queue.length > 0) {
			const slot =
				this.#slots.find((s) => s.running === null) ??
				(this.#slots.length < this.#options.jobs ? this.#spawn() : undefined);
			if (!slot) return;
			const pending = this.#queue.shift()!;
			slot.running = pending;
			slot.worker.postMessage({ id: pending.id, task: pending.task } satisfies Request);
		}
	}

	#spawn(): Slot {
		const { workerUrl, workerData, resourceLimits } = this.#options;
		const worker = new Worker(workerUrl, { workerData, resourceLimits });
		const slot: Slot = { worker, running: null, cpuMicros: 0 };
		let crash: unknown;
		worker.on('message', (reply: Reply) => {
			const pending = slot.running;
			if (!pending || pending.id !== reply.id) return;
			slot.running = null;
			slot.cpuMicros = reply.cpu.user + reply.cpu.system;
			if (reply.ok) pending.resolve(reply.result);
			else pending.reject(Object.assign(new Error(reply.error.message), reply.error));
			this.#dispatch();
		});
		worker.on('error', (error) => {
			crash = error;
		});
		worker.on('exit', (code) => {
			const index = this.#slots.indexOf(slot);
			if (index >= 0) this.#slots.splice(index, 1);
			this.#retiredCpuMicros += slot.cpuMicros;
			const pending = slot.running;
			slot.running = null;
			if (pending) {
				const why = crash instanceof Error ? crash.message : `exit code ${code}`;
				pending.reject(new WorkerCrash(`工作线程异常退出（${why}）`, { cause: crash }));
			}
			if (!this.#closed) this.#dispatch();
		});
		this.#slots.push(slot);
		return slot;
	}
}

/**
 * The worker's side: answers each task the pool sends with `handler`'s result, or with the error
 * it threw (which the pool rethrows for that task).
 */
export function serveTasks(handler: (task: never) => unknown): void {
	if (!parentPort) throw new Error('serveTasks runs in a worker thread');
	const port = parentPort;
	port.on('message', async ({ id, task }: Request) => {
		let answer: { ok: true; result: unknown } | { ok: false; error: Error };
		try {
			answer = { ok: true, result: await handler(task as never) };
		} catch (error) {
			answer = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
		}
		const cpu = process.threadCpuUsage();
		port.postMessage(
			(answer.ok
				? { id, cpu, ...answer }
				: {
						id,
						cpu,
						ok: false,
						error: {
							name: answer.error.name,
							message: answer.error.message,
							stack: answer.error.stack,
						},
					}) satisfies Reply,
		);
	});
}
