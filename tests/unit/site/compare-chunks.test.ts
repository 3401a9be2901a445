/**
 * The compare picker's files at national scale: built from every township of the committed
 * division table (41,352, as if each had reports — the 270k-report case), every province file,
 * name bucket and the bucket index must stay under 200 KB, and every township must still be
 * findable both ways (its province file; the buckets of its name, pinyin and initials).
 */
import { describe, expect, it } from 'vitest';
import divisions from '../../../src/data/divisions.json';
import { romanize } from '../../../src/lib/ingest/township.ts';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import {
	bucketFile,
	hasBucket,
	nameBucketOf,
	nameBuckets,
	nameBucketsOf,
	nameIndex,
	provinceChunks,
	townshipsOfBucket,
	townshipsOfProvince,
	type PickerTownship,
} from '../../../src/lib/site/compare-chunks.ts';
import { findTownships } from '../../../src/lib/site/compare.ts';

const BUDGET = 200 * 1024;
const table = divisions as DivisionTable;

/** Every township of the division table, placed as the ingest places one (code = county + 3 digits). */
function nationalTownships(): PickerTownship[] {
	return Object.entries(table.townships).flatMap(([county, list]) =>
		list.map((entry) => {
			const name = entry.slice(3);
			return {
				code: `${county}${entry.slice(0, 3)}`,
				name,
				pinyin: romanize(name).pinyin,
				province: { code: county.slice(0, 2), name: table.provinces[county.slice(0, 2)]! },
				prefecture: table.prefectures[county.slice(0, 4)]
					? { code: county.slice(0, 4), name: table.prefectures[county.slice(0, 4)]! }
					: null,
				county: { code: county, name: table.counties[county]! },
			};
		}),
	);
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('the picker’s files at national scale (every township in the division table)', () => {
	const all = nationalTownships();
	const chunks = provinceChunks(all);
	const buckets = nameBuckets(all);
	const index = nameIndex(buckets);

	it('covers the whole division table', () => {
		const listed = Object.values(table.townships).reduce((n, list) => n + list.length, 0);
		expect(all.length).toBe(listed);
		expect(listed).toBeGreaterThan(38_000);
	});

	it('keeps every province file, name bucket and the bucket index under 200 KB', () => {
		const largestProvince = Math.max(...chunks.map(bytes));
		const largestBucket = Math.max(...buckets.map(bytes));
		expect(largestProvince).toBeLessThan(BUDGET);
		expect(largestBucket).toBeLessThan(BUDGET);
		expect(bytes(index)).toBeLessThan(BUDGET);
		// The old single list held every township: the split is what keeps each file small.
		expect(chunks.map(bytes).reduce((a, b) => a + b, 0)).toBeGreaterThan(BUDGET * 10);
	});

	it('puts every township in its own province file, once', () => {
		const seen = chunks.flatMap((c) =>
			townshipsOfProvince(c).map((t) => {
				expect(t.code.startsWith(c.code)).toBe(true);
				return t.code;
			}),
		);
		expect(seen.length).toBe(all.length);
		expect(new Set(seen).size).toBe(all.length);
	});

	it('finds every township by its name, pinyin and initials in the bucket the term selects', () => {
		const bucketByKey = new Map(buckets.map((b) => [b.key, b]));
		const provinceName = (code: string) => table.provinces[code];
		// A sample across the table (every 97th township), each looked up as a visitor would type it.
		for (const t of all.filter((_, i) => i % 97 === 0)) {
			const initials = t.pinyin
				.split(' ')
				.map((s) => s[0])
				.join('');
			for (const term of [t.name, t.pinyin.replace(/ /g, ''), t.pinyin, initials]) {
				const key = nameBucketOf(term, index.split);
				if (key === null) continue; // a one-letter initials string waits for more letters
				expect(hasBucket(index, key)).toBe(true);
				const hits = findTownships(
					townshipsOfBucket(bucketByKey.get(key)!, provinceName),
					term,
					Infinity,
					true,
				);
				expect(hits.map((h) => h.code)).toContain(t.code);
			}
		}
	});
});

describe('name buckets', () => {
	it('are chosen by the first Chinese character or the first two Latin letters typed', () => {
		expect(nameBucketOf('店塔')).toBe('店');
		expect(nameBucketOf('  Dian Ta ')).toBe('di');
		expect(nameBucketOf('dtz')).toBe('dt');
		expect(nameBucketOf('d')).toBeNull();
		expect(nameBucketOf('')).toBeNull();
		expect(nameBucketOf('123')).toBeNull();
	});
	it('hold a township under its name, pinyin and initials', () => {
		expect(nameBucketsOf({ name: '店塔镇', pinyin: 'dian ta zhen' }).sort()).toEqual(
			['di', 'dt', '店'].sort(),
		);
		expect(bucketFile('店')).toBe('u5e97');
		expect(bucketFile('di')).toBe('di');
	});
	it('split a Latin pair that holds too many townships by three letters, keeping two-letter words', () => {
		const place = { province: null, prefecture: null, county: null };
		const townships: PickerTownship[] = [
			{ code: '1', name: '大营', pinyin: 'da ying', ...place },
			{ code: '2', name: '大王镇', pinyin: 'da wang zhen', ...place },
			{ code: '3', name: '大安乡', pinyin: 'da an xiang', ...place },
		];
		const buckets = nameBuckets(townships, 2);
		const index = nameIndex(buckets);
		expect(index.split).toEqual(['da']);
		const codes = (key: string) => buckets.find((b) => b.key === key)?.townships.map((r) => r[0]);
		expect(codes('da')).toEqual([]);
		expect(codes('dy')).toEqual(['1']);
		expect(codes('daw')).toEqual(['2']);
		expect(codes('daa')).toEqual(['3']);
		expect(nameBucketOf('dawang', index.split)).toBe('daw');
		expect(nameBucketOf('da', index.split)).toBe('da');
		expect(nameBucketOf('dawang')).toBe('da');
	});
	it('list only buckets that exist', () => {
		const index = nameIndex(
			nameBuckets([
				{
					code: '610881102',
					name: '店塔镇',
					pinyin: 'dian ta zhen',
					province: null,
					prefecture: null,
					county: null,
				},
			]),
		);
		expect(hasBucket(index, '店')).toBe(true);
		expect(hasBucket(index, 'dt')).toBe(true);
		expect(hasBucket(index, '塔')).toBe(false);
		expect(hasBucket(index, 'zz')).toBe(false);
	});
});

describe('a province file read back in the browser', () => {
	const townships: PickerTownship[] = [
		{
			code: '610881102',
			name: '店塔镇',
			pinyin: 'dian ta zhen',
			province: { code: '61', name: '陕西省' },
			prefecture: { code: '6108', name: '榆林市' },
			county: { code: '610881', name: '神木市' },
		},
		{
			code: '610881103',
			name: '孙家岔镇',
			pinyin: 'sun jia cha zhen',
			province: { code: '61', name: '陕西省' },
			prefecture: { code: '6108', name: '榆林市' },
			county: null,
		},
		{
			code: 'x-office',
			name: '某办事处',
			pinyin: 'mou ban shi chu',
			province: null,
			prefecture: null,
			county: null,
		},
	];
	const [chunk, ...others] = provinceChunks(townships);
	const read = townshipsOfProvince(chunk!);

	it('has one file per province, the unplaced found by name only', () => {
		expect(others).toEqual([]);
		expect(read.map((t) => t.code).sort()).toEqual(['610881102', '610881103']);
		const bucket = nameBuckets(townships).find((b) => b.key === '某')!;
		expect(townshipsOfBucket(bucket, () => undefined)[0]).toMatchObject({
			code: 'x-office',
			name: '某办事处',
			place: '',
		});
	});
	it('keeps each township’s region and finds it by county name, pinyin or initials', () => {
		expect(read.find((t) => t.code === '610881102')).toMatchObject({
			name: '神木市店塔镇',
			place: '陕西省 榆林市 神木市',
			province: '61',
			prefecture: '6108',
			county: '610881',
		});
		expect(read.find((t) => t.code === '610881103')).toMatchObject({
			place: '陕西省 榆林市',
			prefecture: '6108',
			county: null,
		});
		const codes = (term: string) => findTownships(read, term).map((t) => t.code);
		expect(codes('神木')).toEqual(['610881102']);
		expect(codes('sjcz')).toEqual(['610881103']);
		expect(codes('塔')).toEqual(['610881102']);
	});
});
