/**
 * The one place pages read the collection. The index and region tree are built on first
 * use and shared by every page of the build, so no page scans the collection again.
 */
import { getCollection } from 'astro:content';
import { buildSiteIndex, reportContexts, type ReportContext, type SiteIndex } from './indexes.ts';
import { buildRegionTree, type RegionTree } from './regions.ts';

export interface Site extends SiteIndex {
	regions: RegionTree;
	/** What is derived from each report (previous report, derived metrics, similarity), by id. */
	context: Map<string, ReportContext>;
}

let site: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
	site ??= getCollection('reports').then((entries) => {
		const data = entries.map((e) => e.data);
		const index = buildSiteIndex(data);
		return { ...index, regions: buildRegionTree(index.townships), context: reportContexts(data) };
	});
	return site;
}

/** Static paths of the per-report endpoints (record.json.gz): one per report, the entry as props. */
export async function reportEntryPaths() {
	const site = await getSite();
	return site.reports.map((entry) => ({
		params: { code: entry.township.code, year: String(entry.year) },
		props: { entry },
	}));
}
