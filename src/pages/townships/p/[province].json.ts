/** The name index of one province's townships, fetched by the township directory's search box. */
import type { APIRoute } from 'astro';
import { getSite } from '../../../lib/site/collection.ts';
import { directoryProvinces, indexRows } from '../../../lib/site/township-directory.ts';

export async function getStaticPaths() {
	const site = await getSite();
	return directoryProvinces(site.townships).map((province) => ({
		params: { province: province.code },
		props: { rows: indexRows(province) },
	}));
}

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify({ townships: props.rows }), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
