/**
 * `npx node scripts/search-parity.ts ONE_INDEX_DIST SHARDED_DIST QUERY…`: whether the search page
 * over shards finds what one index over the same site finds (BENCHMARKS.md, "Search index per
 * province"). For each query, in Chromium: the number of pages one index finds (plain search and
 * quoted phrase, as the page runs them; ONE_INDEX_DIST serves that index as /pagefind/all/), the
 * count the search page over shards announces, and a naive mergeIndex of every shard. Measures,
 * never fails.
 */
import { chromium } from 'playwright-core';
import { serve } from './serve.ts';
const [singleDir, shardDir, ...queries] = process.argv.slice(2);
const single = await serve(singleDir!, 0);
const sharded = await serve(shardDir!, 0);
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu'],
});
for (const q of queries) {
	const p1 = await browser.newPage();
	await p1.goto(single.origin + '/search/');
	const one = await p1.evaluate(`(async () => {
		const pf = await import('/pagefind/all/pagefind.js');
		const q = ${JSON.stringify(q)};
		const plain = await pf.search(q);
		const exact = q.length > 1 ? await pf.search('"' + q + '"') : { results: [] };
		const ids = new Set([...plain.results, ...exact.results].map((r) => r.id));
		return { n: ids.size, exact: exact.results.length, top: await Promise.all(plain.results.slice(0, 3).map(async (r) => (await r.data()).url)) };
	})()`);
	await p1.close();
	const p2 = await browser.newPage();
	await p2.goto(sharded.origin + '/search/?q=' + encodeURIComponent(q));
	await p2.waitForFunction(
		() => /找到|没有找到/.test(document.querySelector('#search-status')?.textContent ?? ''),
		undefined,
		{ timeout: 120000 },
	);
	const status = await p2.textContent('#search-status');
	const naive = await p2.evaluate(`(async () => {
		const { shards } = await (await fetch('/pagefind/shards.json')).json();
		const mod = await import('/pagefind/' + shards[0].key + '/pagefind.js');
		const e = mod.createInstance({ basePath: '/pagefind/' + shards[0].key + '/' });
		for (const s of shards.slice(1)) await e.mergeIndex('/pagefind/' + s.key + '/');
		const q = ${JSON.stringify(q)};
		const plain = await e.search(q);
		const exact = q.length > 1 ? await e.search('"' + q + '"') : { results: [] };
		return new Set([...plain.results, ...exact.results].map((r) => r.id)).size;
	})()`);
	await p2.close();
	console.log(JSON.stringify({ q, single: one, shardedPage: status, naiveMerge: naive }));
}
await browser.close();
await single.close();
await sharded.close();
