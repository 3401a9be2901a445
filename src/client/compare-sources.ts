/**
 * Where the compare page's picker gets its townships: a province's file when a province is
 * chosen, a name bucket when a name is typed without one (src/lib/site/compare-chunks.ts says
 * why the lists are cut this way). Each file is fetched once and only when needed, so a shared
 * link (?t=a,b) fetches none of them — only the chosen townships' own figure files.
 */
import {
	hasBucket,
	NAME_INDEX_URL,
	nameBucketOf,
	nameBucketUrl,
	provinceChunkUrl,
	townshipsOfBucket,
	townshipsOfProvince,
	type NameBucket,
	type NameIndex,
	type ProvinceChunk,
} from '../lib/site/compare-chunks.ts';
import type { CompareTownship } from '../lib/site/compare.ts';

export interface ProvinceTownships {
	chunk: ProvinceChunk;
	townships: CompareTownship[];
}

/** The townships a name lookup may show, and whether the term must grow before it can find more. */
export interface NameLookup {
	townships: CompareTownship[];
	/** Only the start of the name is matched: 塔 does not find 店塔镇 (the province file does). */
	startsOnly: boolean;
	/** The term is too short to choose a file (one Latin letter), or its pair is split and it has two. */
	needsMore: boolean;
}

async function getJson<T>(url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: ${response.status}`);
	return (await response.json()) as T;
}

export function createSources(provinceName: (code: string) => string | undefined) {
	const provinces = new Map<string, Promise<ProvinceTownships>>();
	const buckets = new Map<string, Promise<CompareTownship[]>>();
	let index: Promise<NameIndex> | null = null;

	function province(code: string): Promise<ProvinceTownships> {
		let found = provinces.get(code);
		if (!found) {
			found = getJson<ProvinceChunk>(provinceChunkUrl(code)).then((chunk) => ({
				chunk,
				townships: townshipsOfProvince(chunk),
			}));
			found.catch(() => provinces.delete(code));
			provinces.set(code, found);
		}
		return found;
	}

	async function byName(term: string): Promise<NameLookup> {
		index ??= getJson<NameIndex>(NAME_INDEX_URL);
		index.catch(() => (index = null));
		const { split, ...rest } = await index;
		const key = nameBucketOf(term, split);
		const none = (needsMore: boolean): NameLookup => ({
			townships: [],
			startsOnly: true,
			needsMore,
		});
		if (key === null) return none(term.trim() !== '');
		const needsMore = split.includes(key);
		if (!hasBucket({ split, ...rest }, key)) return none(needsMore);
		let found = buckets.get(key);
		if (!found) {
			found = getJson<NameBucket>(nameBucketUrl(key)).then((b) =>
				townshipsOfBucket(b, provinceName),
			);
			found.catch(() => buckets.delete(key));
			buckets.set(key, found);
		}
		return { townships: await found, startsOnly: true, needsMore };
	}

	return { province, byName };
}
