/** Which index shards the search page loads for a search (src/client/search-shards.ts). */
import { describe, expect, it } from 'vitest';
import {
	queryTerms,
	shardBase,
	shardKeysFor,
	shardsHoldingEveryWord,
	type ShardManifest,
} from '../../../src/client/search-shards.ts';

const manifest: ShardManifest = {
	shards: [
		{
			key: '11-13',
			partitions: [
				{ code: '11', name: '北京市' },
				{ code: '13', name: '河北省' },
			],
		},
		{ key: '14', partitions: [{ code: '14', name: '山西省' }] },
		{ key: 'x', partitions: [{ code: 'x', name: null }] },
	],
};

describe('shardKeysFor', () => {
	it('loads every shard, the first one primary, when no province is chosen', () => {
		expect(shardKeysFor(manifest, undefined)).toEqual(['11-13', '14', 'x']);
	});

	it('loads only the shard holding the chosen province', () => {
		expect(shardKeysFor(manifest, '山西省')).toEqual(['14']);
		expect(shardKeysFor(manifest, '河北省')).toEqual(['11-13']);
	});

	it('searches every shard for a province no shard names (the filter then finds nothing)', () => {
		expect(shardKeysFor(manifest, '火星省')).toEqual(['11-13', '14', 'x']);
	});

	it('has nothing to load on a site without an index', () => {
		expect(shardKeysFor({ shards: [] }, undefined)).toEqual([]);
		expect(shardKeysFor({ shards: [] }, '山西省')).toEqual([]);
	});

	it('serves a shard from its own folder under /pagefind/', () => {
		expect(shardBase('11-13')).toBe('/pagefind/11-13/');
	});
});

describe('queryTerms', () => {
	it('splits a query into the words the browser segments, without punctuation or spaces', () => {
		const terms = queryTerms('行政处罚，  店塔镇！');
		expect(terms.join('')).toBe('行政处罚店塔镇');
		expect(terms.length).toBeGreaterThanOrEqual(2);
		expect(terms.every((t) => t.trim() === t && t.length > 0)).toBe(true);
		expect(queryTerms('Open  DATA')).toEqual(['open', 'data']);
		expect(queryTerms(' ，。 ')).toEqual([]);
	});
});

describe('shardsHoldingEveryWord', () => {
	const keys = ['14', '41', '61'];

	it('keeps only the shards holding every word some shard holds', () => {
		// 店 only in 61; 镇 everywhere.
		expect(shardsHoldingEveryWord(keys, [{ '61': 2 }, { '14': 4, '41': 2, '61': 2 }])).toEqual([
			'61',
		]);
	});

	it('ignores a word no shard holds, as one index would', () => {
		expect(shardsHoldingEveryWord(keys, [{}, { '14': 1, '41': 0, '61': 3 }])).toEqual(['14', '61']);
	});

	it('is null (no narrowing) when every shard holds every word', () => {
		expect(shardsHoldingEveryWord(keys, [{ '14': 1, '41': 1, '61': 1 }])).toBeNull();
		expect(shardsHoldingEveryWord(keys, [])).toBeNull();
	});

	it('is empty when no shard holds all the words (no page would match in one index)', () => {
		expect(shardsHoldingEveryWord(keys, [{ '14': 1 }, { '41': 1 }])).toEqual([]);
	});
});
