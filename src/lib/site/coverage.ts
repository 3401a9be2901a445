/**
 * How many townships a region has according to the 2023 division table, so a region page can say
 * how much of it the collection covers ("收录 1 / 11 个乡镇"), not only what it holds.
 */
import divisions from '../../data/divisions.json';
import type { DivisionTable } from '../model/division-table.ts';

/** Townships listed under every county whose code starts with the region's code (province, prefecture or county). */
export function divisionTownshipCount(table: DivisionTable, regionCode: string): number {
	let n = 0;
	for (const [county, townships] of Object.entries(table.townships))
		if (county.startsWith(regionCode)) n += townships.length;
	return n;
}

/** Counted once per region: every region page asks twice, and the table has ~2,900 counties. */
const counted = new Map<string, number>();

/** The same, over the committed division table. */
export function regionTownshipCount(regionCode: string): number {
	let n = counted.get(regionCode);
	if (n === undefined) {
		n = divisionTownshipCount(divisions as DivisionTable, regionCode);
		counted.set(regionCode, n);
	}
	return n;
}
