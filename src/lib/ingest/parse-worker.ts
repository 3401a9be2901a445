/**
 * A parse worker thread of the parallel ingest (parallel-ingest.ts): answers the pool's tasks with
 * ingest-task.ts. Kept apart from the handler so a test can start a worker that wraps it.
 */
import { workerData } from 'node:worker_threads';
import { handleIngestTask, type IngestTask, type IngestWorkerData } from './ingest-task.ts';
import { serveTasks } from './worker-pool.ts';

const data = workerData as IngestWorkerData;
serveTasks((task: IngestTask) => handleIngestTask(task, data));
