/**
 * node --expose-gc scripts/bench-ingest-memory.ts ROOT [JOBS]
 * Where the ingest's memory goes, for BENCHMARKS.md "Ingest on two cores": runs the parallel
 * ingest on ROOT (content/reports/ below it; writes ROOT/content/generated/ and its parse cache)
 * and prints the main thread's live heap after a full GC at the end of the first pass and at the
 * end of the run, with the peak RSS of the whole process (workers included) sampled every 50 ms.
 * Live heap growing with the corpus is what the run keeps per report; not part of npm test.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDivisions } from '../src/lib/ingest/divisions.ts';
import { runIngestParallel } from '../src/lib/ingest/parallel-ingest.ts';
import { sourceVersion } from '../src/lib/ingest/parse-cache.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.argv[2]) {
	console.error('usage: node --expose-gc scripts/bench-ingest-memory.ts ROOT [JOBS]');
	process.exit(2);
}
const root = resolve(process.argv[2]);
const jobs = process.argv[3] ? Number(process.argv[3]) : undefined;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const report = (when: string) => {
	gc();
	const { heapUsed, rss } = process.memoryUsage();
	console.log(
		`${when}: main-thread live heap ${mb(heapUsed)}, RSS ${mb(rss)}, peak RSS ${mb(peakRss)}`,
	);
};
const sources = ['../src/lib/report/', '../src/lib/model/'].map((d) =>
	fileURLToPath(new URL(d, import.meta.url)),
);
const result = await runIngestParallel({
	rootDir: root,
	divisions: loadDivisions(),
	cacheDir: join(root, '.cache/parse'),
	version: sourceVersion(sources),
	...(jobs && { jobs }),
	progress: { start() {}, tick() {}, stop: () => report('end of the first pass') },
});
report(`end of the run (${result.summary.counts.written} entries)`);
clearInterval(sampler);
