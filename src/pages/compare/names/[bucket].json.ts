/** /compare/names/<bucket>.json: the townships whose name, pinyin or initials start with the bucket's key (compare-chunks.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site/collection.ts';
import { bucketFile, nameBuckets, type NameBucket } from '../../../lib/site/compare-chunks.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return nameBuckets(site.townships.map((s) => s.township)).map((bucket) => ({
		params: { bucket: bucketFile(bucket.key) },
		props: { bucket },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify((props as { bucket: NameBucket }).bucket), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
