/**
 * The compare picker's township lists, cut into files that stay small at national scale (issue 12:
 * one national list would be ~9 MB at 38,000 townships). Two ways in, each loading only what it needs:
 *
 * - by region: /compare/regions/<province>.json, one file per province with its prefectures,
 *   counties and townships (code, name, pinyin), fetched when the province is chosen. The largest
 *   province (四川, 3,111 townships in the division data) stays well under 200 KB.
 * - by name without a province: /compare/names/<bucket>.json, keyed by the first character typed —
 *   a Chinese character (the township name's first) or two Latin letters (the start of its pinyin or
 *   of its initials). A national list filtered in the browser would have to be fetched whole; a
 *   per-character file is at most ~1,200 townships (名 starting with 大). The price: name search
 *   without a province matches the start of a name, its pinyin or initials, not any substring
 *   (塔 does not find 店塔镇); with a province chosen, the province file is searched for any
 *   substring of name, county, pinyin or initials, as before. /compare/names/index.json lists the
 *   buckets that exist, so the page never asks for one that does not.
 *
 * Shared links (?t=a,b) need neither: the selection's names come from the townships' own figure
 * files (/compare/townships/<code>.json), which the comparison loads anyway.
 */
import type { Township } from '../model/entry.ts';
import type { CompareTownship } from './compare.ts';

/** What the picker needs of a township; a subset of the collection's Township. */
export type PickerTownship = Pick<
	Township,
	'code' | 'name' | 'pinyin' | 'province' | 'prefecture' | 'county'
>;

/** [code, name, pinyin with spaces] — initials and the space-less pinyin are derived in the browser. */
export type TownshipRow = [code: string, name: string, pinyin: string];

/** /compare/regions/<province>.json */
export interface ProvinceChunk {
	code: string;
	name: string;
	prefectures: { code: string; name: string }[];
	counties: { code: string; name: string; prefecture: string | null; townships: TownshipRow[] }[];
	/** Townships placed in the province but not in a known county, with their prefecture if known. */
	direct: { prefecture: string | null; townships: TownshipRow[] }[];
}

/** [code, name, pinyin, county name or "", province code or ""] */
export type NameRow = [
	code: string,
	name: string,
	pinyin: string,
	county: string,
	province: string,
];

/** /compare/names/<bucket>.json */
export interface NameBucket {
	key: string;
	townships: NameRow[];
	/** A split Latin pair: this file holds only two-letter words; longer ones are under three letters. */
	split?: true;
}

/**
 * /compare/names/index.json: the buckets that exist — Chinese characters in one string, Latin keys
 * in a list — and the Latin pairs too full to serve whole (`split`): those are cut by their first
 * three letters, the pair's own file keeping only the words of exactly two letters (大营 → dy).
 */
export interface NameIndex {
	han: string;
	latin: string[];
	split: string[];
}

/** A Latin pair with more townships than this is split by three letters (~60 bytes a row). */
export const SPLIT_ROWS = 1500;

export const provinceChunkUrl = (code: string) =>
	`/compare/regions/${encodeURIComponent(code)}.json`;
export const NAME_INDEX_URL = '/compare/names/index.json';

const HAN = /^\p{Script=Han}/u;
const LATIN = /^[a-z]+/;

const needleOf = (term: string) => term.trim().toLowerCase().replace(/\s+/g, '');

/**
 * The bucket a typed term is looked up in, or null when it is too short or not a name: its first
 * Chinese character, or its first two Latin letters — three when that pair is split.
 */
export function nameBucketOf(term: string, split: readonly string[] = []): string | null {
	const needle = needleOf(term);
	const first = String.fromCodePoint(needle.codePointAt(0) ?? 0);
	if (HAN.test(first)) return first;
	const latin = LATIN.exec(needle)?.[0] ?? '';
	if (latin.length < 2) return null;
	const pair = latin.slice(0, 2);
	return split.includes(pair) && latin.length >= 3 ? latin.slice(0, 3) : pair;
}

/** A bucket's file name: Latin keys as they are, a Chinese character as u + its code point in hex. */
export const bucketFile = (key: string) =>
	HAN.test(key) ? `u${key.codePointAt(0)!.toString(16)}` : key;
export const nameBucketUrl = (key: string) => `/compare/names/${bucketFile(key)}.json`;

const initialsOf = (pinyin: string) =>
	pinyin
		.split(/\s+/)
		.filter(Boolean)
		.map((s) => s.charAt(0))
		.join('');
const compact = (pinyin: string) => pinyin.replace(/\s+/g, '');

/** Every bucket a township is found in: its name's first character, its pinyin's and initials' first letters. */
export function nameBucketsOf(
	t: Pick<PickerTownship, 'name' | 'pinyin'>,
	split: readonly string[] = [],
): string[] {
	const keys = new Set<string>();
	for (const word of [t.name, compact(t.pinyin), initialsOf(t.pinyin)]) {
		const key = nameBucketOf(word, split);
		if (key) keys.add(key);
	}
	return [...keys];
}

const byCode = <T extends { code: string }>(a: T, b: T) => a.code.localeCompare(b.code);
const row = (t: PickerTownship): TownshipRow => [t.code, t.name, t.pinyin];

/** One file per province; townships without a province are found by name only. */
export function provinceChunks(townships: readonly PickerTownship[]): ProvinceChunk[] {
	const chunks = new Map<string, ProvinceChunk>();
	for (const t of [...townships].sort(byCode)) {
		if (!t.province) continue;
		let chunk = chunks.get(t.province.code);
		if (!chunk) {
			chunk = { ...t.province, prefectures: [], counties: [], direct: [] };
			chunks.set(t.province.code, chunk);
		}
		if (t.prefecture && !chunk.prefectures.some((p) => p.code === t.prefecture!.code))
			chunk.prefectures.push({ ...t.prefecture });
		const prefecture = t.prefecture?.code ?? null;
		if (t.county) {
			let county = chunk.counties.find((c) => c.code === t.county!.code);
			if (!county) {
				county = { ...t.county, prefecture, townships: [] };
				chunk.counties.push(county);
			}
			county.townships.push(row(t));
		} else {
			let group = chunk.direct.find((d) => d.prefecture === prefecture);
			if (!group) {
				group = { prefecture, townships: [] };
				chunk.direct.push(group);
			}
			group.townships.push(row(t));
		}
	}
	for (const chunk of chunks.values()) {
		chunk.prefectures.sort(byCode);
		chunk.counties.sort(byCode);
	}
	return [...chunks.values()].sort(byCode);
}

/**
 * One file per bucket, each township in every bucket it can be typed into; Latin pairs holding
 * more than `splitRows` townships are split by three letters.
 */
export function nameBuckets(
	townships: readonly PickerTownship[],
	splitRows = SPLIT_ROWS,
): NameBucket[] {
	const sorted = [...townships].sort(byCode);
	const pairCounts = new Map<string, number>();
	for (const t of sorted)
		for (const key of nameBucketsOf(t))
			if (!HAN.test(key)) pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
	const split = [...pairCounts].filter(([, n]) => n > splitRows).map(([pair]) => pair);
	const buckets = new Map<string, NameRow[]>();
	for (const t of sorted) {
		const nameRow: NameRow = [
			t.code,
			t.name,
			t.pinyin,
			t.county?.name ?? '',
			t.province?.code ?? '',
		];
		for (const key of nameBucketsOf(t, split)) {
			const list = buckets.get(key) ?? [];
			list.push(nameRow);
			buckets.set(key, list);
		}
	}
	for (const pair of split) if (!buckets.has(pair)) buckets.set(pair, []);
	return [...buckets]
		.map(([key, rows]): NameBucket =>
			split.includes(key) ? { key, townships: rows, split: true } : { key, townships: rows },
		)
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function nameIndex(buckets: readonly NameBucket[]): NameIndex {
	const keys = buckets.map((b) => b.key);
	return {
		han: keys.filter((k) => HAN.test(k)).join(''),
		latin: keys.filter((k) => !HAN.test(k)),
		split: buckets.filter((b) => b.split).map((b) => b.key),
	};
}

/** Whether the index lists the bucket (so the page never fetches one that does not exist). */
export function hasBucket(index: NameIndex, key: string): boolean {
	return HAN.test(key) ? [...index.han].includes(key) : index.latin.includes(key);
}

/* ---------- Back to the picker's townships, in the browser ---------- */

function pickerEntry(
	[code, name, pinyin]: TownshipRow | NameRow,
	place: { province: string | null; prefecture: string | null; county: string | null },
	placeText: string,
	countyName: string,
	searchCounty: boolean,
): CompareTownship {
	const words = [name, searchCounty ? countyName : '', compact(pinyin), initialsOf(pinyin)];
	return {
		code,
		name: `${countyName}${name}`,
		place: placeText,
		...place,
		search: words.filter(Boolean).join(' ').toLowerCase(),
	};
}

/** A province file's townships; searched by name, county, pinyin and initials. */
export function townshipsOfProvince(chunk: ProvinceChunk): CompareTownship[] {
	const prefectureName = new Map(chunk.prefectures.map((p) => [p.code, p.name]));
	const placeText = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');
	return [
		...chunk.counties.flatMap((c) =>
			c.townships.map((r) =>
				pickerEntry(
					r,
					{ province: chunk.code, prefecture: c.prefecture, county: c.code },
					placeText(chunk.name, prefectureName.get(c.prefecture ?? ''), c.name),
					c.name,
					true,
				),
			),
		),
		...chunk.direct.flatMap((d) =>
			d.townships.map((r) =>
				pickerEntry(
					r,
					{ province: chunk.code, prefecture: d.prefecture, county: null },
					placeText(chunk.name, prefectureName.get(d.prefecture ?? '')),
					'',
					true,
				),
			),
		),
	];
}

/**
 * A name bucket's townships; searched by name, pinyin and initials only (the bucket was chosen by
 * their start, so a county word would match only where the bucket happens to hold the township).
 */
export function townshipsOfBucket(
	bucket: NameBucket,
	provinceName: (code: string) => string | undefined,
): CompareTownship[] {
	return bucket.townships.map((r) => {
		const [, , , county, province] = r;
		const placeText = [provinceName(province), county].filter(Boolean).join(' ');
		return pickerEntry(
			r,
			{ province: province || null, prefecture: null, county: null },
			placeText,
			county,
			false,
		);
	});
}
