import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../../src/lib/site/indexes.ts';
import { allRegions, buildRegionTree } from '../../../src/lib/site/regions.ts';
import { makeEntry } from './entry-factory.ts';

const province = { code: '14', name: '山西省' };
const entries = [
	makeEntry({
		code: '140930104',
		name: '旧县镇',
		township: {
			province,
			prefecture: { code: '1409', name: '忻州市' },
			county: { code: '140930', name: '河曲县' },
		},
	}),
	makeEntry({
		code: '140404101',
		name: '苏店镇',
		township: {
			province,
			prefecture: { code: '1404', name: '长治市' },
			county: { code: '140404', name: '上党区' },
		},
	}),
	// Prefecture unknown: hangs directly under the province's county.
	makeEntry({
		code: '140930200',
		name: '某乡',
		township: { province, prefecture: null, county: { code: '140999', name: '某县' } },
	}),
	makeEntry({
		code: 'x-unknown',
		name: '某街道',
		township: { province: null, prefecture: null, county: null },
	}),
];
const tree = buildRegionTree(buildSiteIndex(entries).townships);

describe('buildRegionTree', () => {
	it('nests province › prefecture › county and counts townships at every level', () => {
		expect(tree.roots.map((r) => r.name)).toEqual(['山西省']);
		const shanxi = tree.byCode.get('14')!;
		expect(shanxi.townships).toHaveLength(3);
		expect(shanxi.children.map((c) => c.code)).toEqual(['1404', '1409', '140999']);
		expect(tree.byCode.get('140930')!.ancestors.map((a) => a.name)).toEqual(['山西省', '忻州市']);
	});
	it('skips unknown levels instead of inventing them', () => {
		const county = tree.byCode.get('140999')!;
		expect(county.level).toBe('county');
		expect(county.ancestors.map((a) => a.code)).toEqual(['14']);
	});
	it('keeps townships with no known place apart', () => {
		expect(tree.unplaced.map((t) => t.township.name)).toEqual(['某街道']);
	});
	it('places each township directly under its deepest level only', () => {
		expect(tree.byCode.get('140930')!.directTownships.map((t) => t.township.name)).toEqual([
			'旧县镇',
		]);
		expect(tree.byCode.get('14')!.directTownships).toHaveLength(0);
	});
	it('lists every node once', () => {
		expect(allRegions(tree).map((n) => n.code)).toEqual([
			'14',
			'1404',
			'140404',
			'1409',
			'140930',
			'140999',
		]);
	});
});
