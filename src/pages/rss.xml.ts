/** RSS feed of the most recent reports, newest report year first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_NAME } from '../consts.ts';
import { getSite } from '../lib/site/collection.ts';
import { correctionFeedItems, correctionItems, overrideItems } from '../lib/site/corrections.ts';
import { curatorEntries } from '../lib/site/curator-entries.ts';
import { placeName } from '../lib/site/indexes.ts';
import { reportUrl } from '../lib/site/urls.ts';

export const GET: APIRoute = async (context) => {
	const site = await getSite();
	return rss({
		title: SITE_NAME,
		description: SITE_DESCRIPTION,
		// `site` is set once, in astro.config.mjs.
		site: context.site!,
		customData: '<language>zh-cn</language>',
		items: [
			...correctionFeedItems(
				correctionItems(
					site.reports,
					curatorEntries(),
					(e) => `${placeName(e.township)}${e.year}年报告`,
				),
				overrideItems(curatorEntries()),
			),
			...site.reports.slice(0, 50).map((r) => ({
				title: `${placeName(r.township)}${r.year}年政府信息公开工作年度报告`,
				link: reportUrl(r.township.code, r.year),
				description: r.record.metadata.title ?? undefined,
			})),
		],
	});
};
