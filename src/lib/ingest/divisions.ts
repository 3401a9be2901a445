/**
 * Lookups over the committed division table: townships by name and by stem, and the
 * county → prefecture → province chain above a code (county = first 6 digits, prefecture = 4,
 * province = 2).
 */
import { readFileSync } from 'node:fs';
import type { DivisionTable } from '../model/division-table.ts';
import {
	normalizePlaceName,
	placeStem,
	splitTownshipName,
	type TownshipFamily,
} from './place-names.ts';

export interface Place {
	code: string;
	name: string;
}

export interface DivisionTownship extends Place {
	stem: string;
	family: TownshipFamily;
}

/** The places above a township or county; prefecture is null under municipalities and province-administered counties. */
export interface PlaceChain {
	county: Place | null;
	prefecture: Place | null;
	province: Place | null;
}

export interface Divisions {
	source: string;
	townshipCount: number;
	townshipByCode: Map<string, DivisionTownship>;
	/** Normalised official name → townships (城关镇 → 88 of them). */
	townshipsByName: Map<string, DivisionTownship[]>;
	/** Official names that start with their county (定襄县居民办事处), by the rest (居民办事处), which reports print alone. */
	townshipsByShortName: Map<string, DivisionTownship[]>;
	/** Stem → townships, to match 街道 with 街道办事处 or 茅坪镇 with 茅坪回族镇. */
	townshipsByStem: Map<string, DivisionTownship[]>;
	/** County, prefecture and province names, longest first, to split 神木市店塔镇 into 神木市 + 店塔镇. */
	higherPlaceNames: string[];
	chainOf(code: string): PlaceChain;
	countyExists(code: string): boolean;
}

export function indexDivisions(table: DivisionTable): Divisions {
	const townshipByCode = new Map<string, DivisionTownship>();
	const townshipsByName = new Map<string, DivisionTownship[]>();
	const townshipsByStem = new Map<string, DivisionTownship[]>();
	const townshipsByShortName = new Map<string, DivisionTownship[]>();
	for (const [countyCode, rows] of Object.entries(table.townships)) {
		const countyName = table.counties[countyCode] ?? '';
		// A name that repeats its prefecture and county (四平市铁东区北市场街道) is also known without
		// them: the title splitter cuts 北市|场街道 and drops the units printed above.
		const prefectureName = table.prefectures[countyCode.slice(0, 4)] ?? '';
		const countyPrefixes =
			countyName === '' ? [] : [prefectureName + countyName, countyName, placeStem(countyName)];
		for (const row of rows) {
			const code = countyCode + row.slice(0, 3);
			const name = row.slice(3);
			const township: DivisionTownship = { code, name, ...splitTownshipName(name) };
			townshipByCode.set(code, township);
			pushTo(townshipsByName, normalizePlaceName(name), township);
			pushTo(townshipsByStem, township.stem, township);
			const prefix = countyPrefixes.find((p) => name.startsWith(p) && name.length > p.length + 1);
			if (prefix)
				pushTo(townshipsByShortName, normalizePlaceName(name.slice(prefix.length)), township);
		}
	}
	const place = (names: Record<string, string>, code: string): Place | null => {
		const name = names[code];
		return name === undefined ? null : { code, name };
	};
	const higherPlaceNames = [
		...new Set([
			...Object.values(table.provinces),
			...Object.values(table.prefectures),
			...Object.values(table.counties),
		]),
	].sort((a, b) => b.length - a.length);
	return {
		source: table.source,
		townshipCount: townshipByCode.size,
		townshipByCode,
		townshipsByName,
		townshipsByShortName,
		townshipsByStem,
		higherPlaceNames,
		chainOf: (code) => ({
			county: code.length >= 6 ? place(table.counties, code.slice(0, 6)) : null,
			prefecture: code.length >= 4 ? place(table.prefectures, code.slice(0, 4)) : null,
			province: place(table.provinces, code.slice(0, 2)),
		}),
		countyExists: (code) => table.counties[code] !== undefined,
	};
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Loads src/data/divisions.json (regenerate with `npm run divisions`). */
export function loadDivisions(
	file: string | URL = new URL('../../data/divisions.json', import.meta.url),
): Divisions {
	return indexDivisions(JSON.parse(readFileSync(file, 'utf8')) as DivisionTable);
}

/** "河南省安阳市滑县枣村乡": how a township is named in messages to the curator. */
export function describeTownship(divisions: Divisions, code: string): string {
	const township = divisions.townshipByCode.get(code);
	const chain = divisions.chainOf(code);
	return [chain.province?.name, chain.prefecture?.name, chain.county?.name, township?.name ?? code]
		.filter((part, i, all) => part !== undefined && part !== all[i - 1])
		.join('');
}
