/**
 * A parse worker that dies (process.exit, as a native crash or an out-of-memory kill would end
 * it) on any file whose name contains "crash-me", and otherwise does what the real one does
 * (src/lib/ingest/parse-worker.ts): for parallel-ingest.test.ts.
 */
import { workerData } from 'node:worker_threads';
import {
	handleIngestTask,
	type IngestTask,
	type IngestWorkerData,
} from '../../../../src/lib/ingest/ingest-task.ts';
import { serveTasks } from '../../../../src/lib/ingest/worker-pool.ts';

serveTasks((task: IngestTask) => {
	if (task.kind === 'first' && task.files.some((f) => f.file.includes('crash-me')))
		process.exit(70);
	return handleIngestTask(task, workerData as IngestWorkerData);
});
