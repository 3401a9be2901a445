import { describe, expect, it } from 'vitest';
import divisions from '../../../src/data/divisions.json';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import { divisionTownshipCount, regionTownshipCount } from '../../../src/lib/site/coverage.ts';

const table = {
	townships: {
		'610881': ['102店塔镇'],
		'610802': ['001鼓楼街道', '002青山路街道'],
		'340322': ['100城关镇'],
	},
} as unknown as DivisionTable;

describe('divisionTownshipCount', () => {
	it('adds up the townships of every county below the region', () => {
		expect(divisionTownshipCount(table, '61')).toBe(3);
		expect(divisionTownshipCount(table, '6108')).toBe(3);
		expect(divisionTownshipCount(table, '610881')).toBe(1);
		expect(divisionTownshipCount(table, '34')).toBe(1);
		expect(divisionTownshipCount(table, '99')).toBe(0);
	});
});

describe('regionTownshipCount', () => {
	it('gives the committed table’s count, the same when asked again', () => {
		const full = divisions as unknown as DivisionTable;
		for (const code of ['61', '6108', '610881', '11'])
			expect(regionTownshipCount(code)).toBe(divisionTownshipCount(full, code));
		expect(regionTownshipCount('61')).toBe(divisionTownshipCount(full, '61'));
		expect(regionTownshipCount('61')).toBeGreaterThan(0);
	});
});
