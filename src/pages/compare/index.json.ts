/** /compare/index.json: every township the compare page can pick, with its search words and report years. */
import type { APIRoute } from 'astro';
import { getSite } from '../../lib/site/collection.ts';
import { compareIndex } from '../../lib/site/compare.ts';

export const GET: APIRoute = async () => {
	const site = await getSite();
	return new Response(JSON.stringify(compareIndex(site.townships)), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
