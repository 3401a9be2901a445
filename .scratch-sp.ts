import { collectionEntries, siteProblems } from '/work/wt-pipeline/scripts/lib/site-build.ts';
const entries = collectionEntries('/work/site-pipeline/content/generated');
const t = performance.now();
const p = siteProblems('/work/site-pipeline/dist', entries);
console.log(p.length, 'problems', ((performance.now() - t) / 1000).toFixed(1), 's', (process.memoryUsage().rss / 2 ** 20).toFixed(0), 'MB rss');
