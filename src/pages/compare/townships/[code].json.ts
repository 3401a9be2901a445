/** /compare/townships/<code>.json: one township's key figures and derived metrics by year, fetched only when it is picked. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/site/collection.ts';
import { townshipFigures } from '../../../lib/site/compare.ts';
import type { TownshipSummary } from '../../../lib/site/indexes.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return site.townships.map((summary) => ({
		params: { code: summary.township.code },
		props: { summary },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { summary } = props as { summary: TownshipSummary };
	return new Response(JSON.stringify(townshipFigures(summary)), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
