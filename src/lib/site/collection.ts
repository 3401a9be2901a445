/**
 * The one place pages read the report entries. The index and region tree are built on first
 * use and shared by every page of the build, so no page scans the entries again. The entries are
 * read from the ingest's files (read-entries.ts), not through Astro's content layer, whose data
 * store cost 40 % of the build's CPU and a second copy of every entry (BENCHMARKS.md).
 */
import { buildSiteIndex, reportContexts, type ReportContext, type SiteIndex } from './indexes.ts';
import { entriesDir, generatedDir } from './generated-files.ts';
import { readEntries } from './read-entries.ts';
import { buildRegionTree, type RegionTree } from './regions.ts';

export interface Site extends SiteIndex {
	regions: RegionTree;
	/** What is derived from each report (previous report, derived metrics, similarity), by id. */
	context: Map<string, ReportContext>;
}

let site: Promise<Site> | undefined;

export function getSite(): Promise<Site> {
	site ??= Promise.resolve().then(() => {
		const data = readEntries(entriesDir(generatedDir()));
		const index = buildSiteIndex(data);
		return { ...index, regions: buildRegionTree(index.townships), context: reportContexts(data) };
	});
	return site;
}
