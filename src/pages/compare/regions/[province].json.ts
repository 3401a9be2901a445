/** /compare/regions/<province>.json: one province's townships for the compare picker, fetched when the province is chosen. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site/collection.ts';
import { provinceChunks, type ProvinceChunk } from '../../../lib/site/compare-chunks.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return provinceChunks(site.townships.map((s) => s.township)).map((chunk) => ({
		params: { province: chunk.code },
		props: { chunk },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify((props as { chunk: ProvinceChunk }).chunk), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
