/**
 * Which Pagefind shards a search needs. The index is built per province (scripts/lib/
 * pagefind-shards.ts writes /pagefind/shards.json): a search narrowed to one province loads only
 * that province's shard; any other search loads the first shard and merges the rest into it at
 * query time. Pure functions, tested without a browser.
 */

/** The manifest as the build writes it (only what the page reads). */
export interface ShardManifest {
	shards: { key: string; partitions: { code: string; name: string | null }[] }[];
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
		.filter((s) => s.partitions.some((p) => p.name === province))
		.map((s) => s.key);
	return holding.length > 0 ? holding : all;
}

/**
 * The synthetic filter each shard's pages carry at query time (Pagefind's `mergeFilter`), naming
 * their shard, so a merged search can be narrowed to some shards and can count hits per shard.
 */
export const SHARD_FILTER = 'shard';
/** A shard value no page has: a search filtered by it returns no results, only counts. */
export const NO_SHARD = '-';

const PUNCTUATION = /^(?:\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps})$/u;

/**
 * The words Pagefind searches for in a query, split as its own search() does: words by the
 * browser's word segmenter for the page language, punctuation dropped, lower-cased.
 */
export function queryTerms(query: string, locale = 'zh-CN'): string[] {
	const graphemes = new Intl.Segmenter(locale, { granularity: 'grapheme' });
	const words = new Intl.Segmenter(locale, { granularity: 'word' });
	const chunks: string[] = [];
	for (const { segment } of words.segment(query)) {
		const kept = [...graphemes.segment(segment)]
			.map((g) => g.segment)
			.filter((g) => !PUNCTUATION.test(g))
			.map((g) => g.toLocaleLowerCase());
		if (kept.length > 0) chunks.push(kept.join(''));
	}
	return chunks
		.join(' ')
		.split(/\s+/)
		.filter((t) => t.length > 0);
}

/**
 * Pagefind answers a query word its index does not hold with near matches (or drops it and
 * matches the other words), so over shards a page of a shard lacking the word would match where
 * one index over the whole site (which holds it) would not. One index's answer is kept by searching only the shards that hold every word
 * some shard holds. `hits[i]` is, per shard key, how many pages hold the i-th word. Returns the
 * shards to search, or null when that is all of them.
 */
export function shardsHoldingEveryWord(
	keys: readonly string[],
	hits: readonly Record<string, number>[],
): string[] | null {
	const held = hits.filter((perShard) => Object.values(perShard).some((n) => n > 0));
	const holding = keys.filter((key) => held.every((perShard) => (perShard[key] ?? 0) > 0));
	return holding.length === keys.length ? null : holding;
}
