/**
 * The worker pool behind the parallel ingest: results come back in the tasks' order whatever
 * order the workers finish in, every worker is used, only a bounded window of tasks is taken
 * ahead, a task's own error reaches the caller, and a worker that dies gives only its task's
 * crash result while the others go on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerCrash, WorkerPool } from '../../../src/lib/ingest/worker-pool.ts';
import type { PoolTestTask } from './workers/pool-test-worker.ts';

const workerUrl = new URL('./workers/pool-test-worker.ts', import.meta.url);
type Result = { doubled: number; threadId: number };

let pool: WorkerPool | undefined;
afterEach(async () => {
	await pool?.close();
	pool = undefined;
});

async function collect<T>(results: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const r of results) out.push(r);
	return out;
}

describe('WorkerPool.mapInOrder', () => {
	it('gives results in task order although later tasks finish first, on every worker', async () => {
		pool = new WorkerPool({ workerUrl, jobs: 2 });
		// Early tasks are the slow ones, so the workers finish them last.
		const tasks: PoolTestTask[] = [5, 4, 3, 2, 1, 0].map((n, i) => ({ value: i, delayMs: n * 30 }));
		const results = await collect(pool.mapInOrder<PoolTestTask, Result>(tasks));
		expect(results.map((r) => r.doubled)).toEqual(tasks.map((t) => t.value * 2));
		expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
	});

	it('takes only a window of tasks ahead of the consumer', async () => {
		pool = new WorkerPool({ workerUrl, jobs: 2 });
		let pulled = 0;
		function* tasks(): Generator<PoolTestTask> {
			for (let i = 0; i < 50; i++) {
				pulled++;
				yield { value: i, delayMs: 0 };
			}
		}
		const results = pool.mapInOrder<PoolTestTask, Result>(tasks(), undefined, 3);
		const first = await results.next();
		expect(first.value).toMatchObject({ doubled: 0 });
		expect(pulled).toBeLessThanOrEqual(4);
		const rest = await collect(results);
		expect(rest).toHaveLength(49);
		expect(pulled).toBe(50);
	});

	it.each(['exit', 'uncaught'] as const)(
		'replaces a worker that dies (%s) and gives that task the crash result only',
		async (fail) => {
			pool = new WorkerPool({ workerUrl, jobs: 2 });
			const tasks: PoolTestTask[] = [0, 1, 2, 3, 4, 5].map((i) => ({
				value: i,
				delayMs: 5,
				...(i === 2 && { fail }),
			}));
			const crashes: { task: number; crash: WorkerCrash }[] = [];
			const results = await collect(
				pool.mapInOrder<PoolTestTask, Result | 'crashed'>(tasks, (task, crash) => {
					crashes.push({ task: task.value, crash });
					return 'crashed';
				}),
			);
			expect(results).toEqual([
				expect.objectContaining({ doubled: 0 }),
				expect.objectContaining({ doubled: 2 }),
				'crashed',
				expect.objectContaining({ doubled: 6 }),
				expect.objectContaining({ doubled: 8 }),
				expect.objectContaining({ doubled: 10 }),
			]);
			expect(crashes.map((c) => c.task)).toEqual([2]);
			expect(crashes[0]!.crash).toBeInstanceOf(WorkerCrash);
			expect(crashes[0]!.crash.message).toMatch(
				fail === 'exit' ? /exit code 3/ : /uncaught in task 2/,
			);
		},
	);

	it('throws a crash when no crash result is given', async () => {
		pool = new WorkerPool({ workerUrl, jobs: 1 });
		const tasks: PoolTestTask[] = [{ value: 0, delayMs: 0, fail: 'exit' }];
		await expect(collect(pool.mapInOrder<PoolTestTask, Result>(tasks))).rejects.toBeInstanceOf(
			WorkerCrash,
		);
	});

	it("passes a task's own error to the caller, by message", async () => {
		pool = new WorkerPool({ workerUrl, jobs: 2 });
		const tasks: PoolTestTask[] = [
			{ value: 0, delayMs: 0 },
			{ value: 1, delayMs: 0, fail: 'throw' },
		];
		await expect(
			collect(pool.mapInOrder<PoolTestTask, Result | 'x'>(tasks, () => 'x')),
		).rejects.toThrow('task 1 is bad');
	});
});
