/**
 * The compare picker's loader (src/client/compare-sources.ts) against files built by the same
 * functions the site uses, served by a stub fetch that records every URL: a lookup fetches the
 * bucket index once and one bucket, never a bucket the index does not list, and each file once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSources } from '../../../src/client/compare-sources.ts';
import {
	NAME_INDEX_URL,
	nameBuckets,
	nameBucketUrl,
	nameIndex,
	provinceChunks,
	provinceChunkUrl,
	type PickerTownship,
} from '../../../src/lib/site/compare-chunks.ts';

const shanxi = { code: '14', name: '山西省' };
const townships: PickerTownship[] = [
	{
		code: '140930104',
		name: '旧县镇',
		pinyin: 'jiu xian zhen',
		province: shanxi,
		prefecture: { code: '1409', name: '忻州市' },
		county: { code: '140930', name: '河曲县' },
	},
	{
		code: '610881102',
		name: '店塔镇',
		pinyin: 'dian ta zhen',
		province: { code: '61', name: '陕西省' },
		prefecture: { code: '6108', name: '榆林市' },
		county: { code: '610881', name: '神木市' },
	},
];

function serveFiles() {
	const buckets = nameBuckets(townships);
	const files = new Map<string, unknown>([
		[NAME_INDEX_URL, nameIndex(buckets)],
		...buckets.map((b) => [nameBucketUrl(b.key), b] as [string, unknown]),
		...provinceChunks(townships).map((c) => [provinceChunkUrl(c.code), c] as [string, unknown]),
	]);
	const fetched: string[] = [];
	vi.stubGlobal('fetch', async (url: string) => {
		fetched.push(url);
		const body = files.get(url);
		return body === undefined
			? new Response('404', { status: 404 })
			: new Response(JSON.stringify(body), { status: 200 });
	});
	return fetched;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('createSources', () => {
	const provinceName = (code: string) => (code === '14' ? '山西省' : undefined);

	it('looks a typed name up in its one bucket, fetching the index and each bucket once', async () => {
		const fetched = serveFiles();
		const sources = createSources(provinceName);
		const found = await sources.byName('jiuxian');
		expect(found.townships.map((t) => [t.code, t.name, t.place])).toEqual([
			['140930104', '河曲县旧县镇', '山西省 河曲县'],
		]);
		expect(found.startsOnly).toBe(true);
		await sources.byName('jiu xian');
		expect(fetched).toEqual([NAME_INDEX_URL, nameBucketUrl('ji')]);
	});

	it('fetches no bucket the index does not list, nor any for one letter', async () => {
		const fetched = serveFiles();
		const sources = createSources(provinceName);
		expect(await sources.byName('xyz')).toMatchObject({ townships: [], needsMore: false });
		expect(await sources.byName('j')).toMatchObject({ townships: [], needsMore: true });
		expect(await sources.byName('塔')).toMatchObject({ townships: [] });
		expect(fetched).toEqual([NAME_INDEX_URL]);
	});

	it('gives a province’s townships and its file’s counties, fetched once', async () => {
		const fetched = serveFiles();
		const sources = createSources(provinceName);
		const first = await sources.province('14');
		const again = await sources.province('14');
		expect(again).toBe(first);
		expect(first.chunk.counties.map((c) => c.name)).toEqual(['河曲县']);
		expect(first.townships.map((t) => t.code)).toEqual(['140930104']);
		expect(fetched).toEqual([provinceChunkUrl('14')]);
	});

	it('fails a missing province file, and asks again next time', async () => {
		const fetched = serveFiles();
		const sources = createSources(provinceName);
		await expect(sources.province('99')).rejects.toThrow('/compare/regions/99.json: 404');
		await expect(sources.province('99')).rejects.toThrow();
		expect(fetched).toEqual([provinceChunkUrl('99'), provinceChunkUrl('99')]);
	});
});
