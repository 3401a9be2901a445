/**
 * A stand-in worker for worker-pool.test.ts: doubles a number after a delay, or fails in the way
 * the task asks (a thrown error, an uncaught error, process.exit), so the pool's ordering and
 * crash handling can be tested without a parser.
 */
import { threadId } from 'node:worker_threads';
import { serveTasks } from '../../../../src/lib/ingest/worker-pool.ts';

export interface PoolTestTask {
	value: number;
	delayMs: number;
	fail?: 'throw' | 'uncaught' | 'exit';
}

serveTasks(async (task: PoolTestTask) => {
	await new Promise((resolve) => setTimeout(resolve, task.delayMs));
	if (task.fail === 'throw') throw new Error(`task ${task.value} is bad`);
	if (task.fail === 'exit') process.exit(3);
	if (task.fail === 'uncaught') {
		setImmediate(() => {
			throw new Error(`uncaught in task ${task.value}`);
		});
		await new Promise(() => {}); // never answers: the worker dies first
	}
	return { doubled: task.value * 2, threadId };
});
