/**
 * Which Pagefind shards a search needs. The index is built per province (scripts/lib/
 * pagefind-shards.ts writes /pagefind/shards.json): a search narrowed to one province loads only
 * that province's shard; any other search loads the first shard and merges the rest into it at
 * query time. Pure functions, tested without a browser.
 */

/** The manifest as the build writes it (only what the page reads). */
export interface ShardManifest {
	shards: { key: string; provinces: { code: string; name: string | null }[] }[];
}

export const MANIFEST_URL = '/pagefind/shards.json';

/** The folder a shard's engine and index are served from (Pagefind's basePath). */
export const shardBase = (key: string) => `/pagefind/${key}/`;

/**
 * The shards to search, first the one whose engine is loaded (the others are merged into it).
 * With a province chosen, the shards holding that province; an unknown province (a stale link)
 * searches every shard, where the filter then finds nothing, as a one-index site did.
 */
export function shardKeysFor(manifest: ShardManifest, province: string | undefined): string[] {
	const all = manifest.shards.map((s) => s.key);
	if (!province) return all;
	const holding = manifest.shards
		.filter((s) => s.provinces.some((p) => p.name === province))
		.map((s) => s.key);
	return holding.length > 0 ? holding : all;
}
