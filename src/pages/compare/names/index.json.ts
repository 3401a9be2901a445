/** /compare/names/index.json: which name buckets exist, fetched the first time a name is typed without a province. */
import type { APIRoute } from 'astro';
import { getSite } from '../../../lib/site/collection.ts';
import { nameBuckets, nameIndex } from '../../../lib/site/compare-chunks.ts';

export const GET: APIRoute = async () => {
	const site = await getSite();
	const index = nameIndex(nameBuckets(site.townships.map((s) => s.township)));
	return new Response(JSON.stringify(index), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
