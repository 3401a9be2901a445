/**
 * node tests/bench/generate-corpus.ts COUNT DIR [SEED]: writes COUNT synthetic reports into DIR
 * (see synthetic-reports.ts). Used by npm run bench; benchmarks only, never content/reports/.
 */
import { writeCorpus } from './synthetic-reports.ts';

const [count, dir, seed] = process.argv.slice(2);
if (!count || !dir || !/^\d+$/.test(count)) {
	console.error('usage: node tests/bench/generate-corpus.ts COUNT DIR [SEED]');
	process.exit(2);
}
const started = performance.now();
const written = writeCorpus(Number(count), dir, seed ? Number(seed) : 1);
console.log(
	`${written} reports in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}`,
);
