/** Which index shards the search page loads for a search (src/client/search-shards.ts). */
import { describe, expect, it } from 'vitest';
import { shardBase, shardKeysFor, type ShardManifest } from '../../../src/client/search-shards.ts';

const manifest: ShardManifest = {
	shards: [
		{
			key: '11-13',
			provinces: [
				{ code: '11', name: '北京市' },
				{ code: '13', name: '河北省' },
			],
		},
		{ key: '14', provinces: [{ code: '14', name: '山西省' }] },
		{ key: 'x', provinces: [{ code: 'x', name: null }] },
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
