/**
 * The report's original file exactly as it was downloaded (its SHA-256 is on the report page),
 * for reports with recorded provenance: /townships/<code>/<year>/original.<ext>.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ReportEntry } from '../../../../lib/model/entry.ts';
import { getSite } from '../../../../lib/site/collection.ts';
import { readOriginal } from '../../../../lib/site/original-file.ts';
import { originalFileName } from '../../../../lib/site/provenance.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return site.reports.flatMap((entry) => {
		const original = originalFileName(entry);
		return original === null
			? []
			: [
					{
						params: { code: entry.township.code, year: String(entry.year), original },
						props: { entry },
					},
				];
	});
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
	const { entry } = props as { entry: ReportEntry };
	return new Response(readOriginal(entry), {
		headers: { 'Content-Type': 'application/octet-stream' },
	});
};
