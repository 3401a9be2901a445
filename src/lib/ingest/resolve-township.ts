/**
 * Which township a report is about: its printed township name, narrowed by the county,
 * prefecture and province it names, looked up in the division data. A name that still
 * matches several places (城关镇: 88) or none is never guessed; the curator answers it
 * in content/townships.overrides.json and the message says exactly what to add.
 */
import {
	describeTownship,
	type Divisions,
	type DivisionTownship,
	type PlaceChain,
} from './divisions.ts';
import { reportPathKey } from './curator-file.ts';
import {
	OVERRIDES_FILE,
	type BodyOverride,
	type Overrides,
	type TownshipOverride,
} from './overrides.ts';
import {
	normalizePlaceName,
	placeNameMatches,
	placeStem,
	splitTownshipName,
} from './place-names.ts';

export interface TownshipQuery {
	/** The report's path, as given to the parser. */
	file: string;
	township: string | null;
	county: string | null;
	prefecture: string | null;
	province: string | null;
}

export type Identity = { kind: 'township'; code: string } | { kind: 'body'; body: BodyOverride };

/** Something the curator should look at although the report was placed. */
export interface ResolutionNote {
	ruleId: 'township-unconfirmed' | 'township-name-variant';
	message: string;
}

export type Resolution =
	| { ok: true; identity: Identity; override: TownshipOverride | null; notes: ResolutionNote[] }
	| {
			ok: false;
			ruleId: 'township-missing' | 'township-unknown' | 'township-ambiguous';
			message: string;
	  };

const SHOWN_CANDIDATES = 8;

export function resolveTownship(
	query: TownshipQuery,
	divisions: Divisions,
	overrides: Overrides,
): Resolution {
	const override = overrides.find(query);
	if (override) {
		const identity: Identity =
			override.code !== undefined
				? { kind: 'township', code: override.code }
				: { kind: 'body', body: override.body! };
		return { ok: true, identity, override, notes: [] };
	}
	const fileKey = reportPathKey(query.file);
	const areaQuery = areaReadAsCounty(query, divisions);
	if (areaQuery) query = areaQuery;
	if (query.township === null || normalizePlaceName(query.township) === '') {
		// A county government or department reports for itself: its county is known, its township is not.
		const countyBody = query.county
			? `发布机关是${query.county}的机关，不是乡镇；请在 ${OVERRIDES_FILE} 中加入：` +
				`${snippet({ file: fileKey, body: { key: 'x-<slug>', name: '<full name>', county: `<6-digit code of ${query.county}>` } })}`
			: null;
		return {
			ok: false,
			ruleId: 'township-missing',
			message:
				countyBody ??
				`报告中找不到乡镇名称；请在 ${OVERRIDES_FILE} 中加入 ` +
					`${snippet({ file: fileKey, code: '<9-digit code>', note: '<why>' })}，发布机关不是乡镇时加入 ` +
					`${snippet({ file: fileKey, body: { key: 'x-<slug>', name: '<full name>' } })}`,
		};
	}
	const hints = [query.county, query.prefecture, query.province].filter(
		(h): h is string => h !== null && h.trim() !== '',
	);
	const search = narrowedByFullNames(
		rejoinedIfUnknown(query, findCandidates(query.township, hints, divisions, 0), divisions),
		divisions,
	);
	const name = search.printed ?? query.township.trim();
	const where = hints.length > 0 ? `（${hints.join(' / ')}）` : '';

	if (search.matches.length === 1) {
		const code = search.matches[0]!.code;
		const notes: ResolutionNote[] = [];
		if (search.tier === 'variant')
			notes.push({
				ruleId: 'township-name-variant',
				message: `报告写作${name}，区划数据中为${describeTownship(divisions, code)}（${code}）；如定位有误，请在 ${OVERRIDES_FILE} 中加入 ${snippet({ file: fileKey, code: '<9-digit code>', note: '<why>' })}`,
			});
		if (search.hints.length === 0)
			notes.push({
				ruleId: 'township-unconfirmed',
				message: `${name}只按名称定位为${describeTownship(divisions, code)}（${code}）：报告没有写明所在县；核对无误后在 ${OVERRIDES_FILE} 中加入 ${snippet({ file: fileKey, code, note: '<why>' })} 以确认`,
			});
		return { ok: true, identity: { kind: 'township', code }, override: null, notes };
	}
	if (search.matches.length > 1) {
		return {
			ok: false,
			ruleId: 'township-ambiguous',
			message:
				`${name}${where}对应 ${search.matches.length} 个乡镇` +
				(hints.length === 0 ? '，报告又没有写明所在县' : '') +
				`；请在 ${OVERRIDES_FILE} 中加入 ${snippet({ file: fileKey, code: '<9-digit code>', note: '<why>' })}；` +
				`候选：${listCandidates(search.matches, divisions)}`,
		};
	}
	const elsewhere =
		search.nameOnly.length > 0
			? `；别处有同名乡镇：${listCandidates(search.nameOnly, divisions)}`
			: '';
	return {
		ok: false,
		ruleId: 'township-unknown',
		message:
			`${divisions.source}中没有名为${name}${where}的乡镇${elsewhere}；` +
			`如所在县识别有误或乡镇已更名，请在 ${OVERRIDES_FILE} 中加入 ${snippet({ file: fileKey, code: '<9-digit code>', note: '<why>' })}；` +
			`发布机关不是乡镇时加入 ${snippet({ file: fileKey, body: { key: 'x-<slug>', name } })}`,
	};
}

/**
 * The title splitter (report/metadata.ts) reads unit suffixes without the division data, so a
 * township whose own name holds one is cut in two: 竞秀区新市场街道 → county 新市 + 场街道,
 * 运河区市场街道 → county 运河区市 + 场街道, 行唐县市同乡 → 行唐县市 + 同乡 (257 of the 41,352
 * townships in the division data). When the name as split matches nothing, the two readings
 * that put the cut back are tried: the supposed county joined to the township name under the
 * units above it, and the county's last character moved back to the township. The same cut
 * splits a county whose name holds a unit (靖州苗族侗族自治县 → 靖州 + 苗族侗族自治县, 郑州经济技术开发区
 * → 郑州 + 经济技术开发区), and some counties and townships repeat the names above them in the
 * division data (平顶山市城乡一体化示范区, 四平市铁东区平东街道): so the prefecture is also joined
 * back to the county, and the prefecture and county to the township name (confirmed by the
 * county it then names). Only a reading with exactly one match is taken; otherwise the first
 * search stands and its message is given.
 */
function rejoinedIfUnknown(
	query: TownshipQuery,
	search: CandidateSearch,
	divisions: Divisions,
): CandidateSearch {
	const { township, county } = query;
	if (search.matches.length > 0 || !township || !county) return search;
	const above = [query.prefecture, query.province].filter(
		(h): h is string => h !== null && h.trim() !== '',
	);
	/** `whole`: the township text is the name as printed with the units above it joined back. */
	const readings: { township: string; hints: string[]; whole?: boolean }[] = [
		{ township: county + township, hints: above, whole: true },
	];
	if (/[市区县旗][市区县旗]$/.test(county))
		readings.push({ township: county.at(-1)! + township, hints: [county.slice(0, -1), ...above] });
	const { prefecture, province } = query;
	if (prefecture && prefecture.trim() !== '') {
		const upper = province && province.trim() !== '' ? [province] : [];
		readings.push({ township, hints: [prefecture + county, ...upper] });
		readings.push({ township: prefecture + county + township, hints: upper, whole: true });
	}
	for (const reading of readings) {
		const rejoined = findCandidates(reading.township, reading.hints, divisions, 0);
		if (rejoined.matches.length !== 1) continue;
		if (rejoined.hints.length > 0) return { ...rejoined, printed: reading.township };
		// No unit left to confirm it: only an official name printed whole is taken, confirmed by
		// the units of its own that it repeats (四平市铁东区平东街道), else left unconfirmed.
		if (reading.whole && rejoined.tier === 'exact')
			return {
				...rejoined,
				hints: unitsRepeated(reading.township, rejoined.matches[0]!, divisions),
				printed: reading.township,
			};
	}
	return search;
}

/** The township's own county and prefecture that a printed name holds (四平市, 铁东区). */
function unitsRepeated(
	printed: string,
	township: DivisionTownship,
	divisions: Divisions,
): string[] {
	const chain = divisions.chainOf(township.code);
	const text = normalizePlaceName(printed);
	return [chain.county, chain.prefecture]
		.filter((p) => p !== null && text.includes(normalizePlaceName(p.name)))
		.map((p) => p!.name);
}

/**
 * A county hint matches by its stem (梨树县 names 梨树区 too, 濮阳县 names 濮阳市), so a name in
 * two such places stays ambiguous: 梨树县梨树镇 and 梨树区梨树镇. When exactly one of the matches
 * has every hint as the full name of one of its units, the report has named it.
 */
function narrowedByFullNames(search: CandidateSearch, divisions: Divisions): CandidateSearch {
	if (search.matches.length < 2 || search.hints.length === 0) return search;
	const full = search.matches.filter((t) => {
		const chain = divisions.chainOf(t.code);
		const names = [chain.county, chain.prefecture, chain.province].map((p) =>
			p ? normalizePlaceName(p.name) : null,
		);
		return search.hints.every((hint) =>
			hintReadings(hint, chain).some((h) => names.includes(normalizePlaceName(h))),
		);
	});
	return full.length === 1 ? { ...search, matches: full } : search;
}

/**
 * Beijing's 地区 offices (朝阳区南磨房地区, 北安市兆麟街道地区) end in the unit word of a
 * prefecture, so the title splitter reads them as a county with no township under it. When
 * the supposed county has a township's form and names exactly one township under the units
 * printed above it, it is read as that township; otherwise the query stands.
 */
function areaReadAsCounty(query: TownshipQuery, divisions: Divisions): TownshipQuery | null {
	const { township, county, prefecture, province } = query;
	if ((township !== null && normalizePlaceName(township) !== '') || !county) return null;
	if (splitTownshipName(county).family !== 'area') return null;
	const hints = [prefecture, province].filter((h): h is string => h !== null && h.trim() !== '');
	if (hints.length === 0) return null;
	const found = findCandidates(county, hints, divisions, 0);
	if (found.matches.length !== 1 || found.tier !== 'exact') return null;
	return { ...query, township: county, county: prefecture, prefecture: province, province: null };
}

interface CandidateSearch {
	/** exact: same official name (perhaps with its county in front); family: same stem and kind (街道 / 街道办事处); variant: same stem, other kind (乡 → 镇). */
	tier: 'exact' | 'family' | 'variant' | 'none';
	matches: DivisionTownship[];
	/** The hints actually applied (a county split off the name counts as one). */
	hints: string[];
	/** Townships with the name found before the hints narrowed them, for the error message. */
	nameOnly: DivisionTownship[];
	/** The name searched when it is not the township as split (a cut put back: 贾市庄镇). */
	printed?: string;
}

function findCandidates(
	name: string,
	hints: string[],
	divisions: Divisions,
	depth: number,
): CandidateSearch {
	const normalized = normalizePlaceName(name);
	const { stem, family } = splitTownshipName(normalized);
	const byStem = divisions.townshipsByStem.get(stem) ?? [];
	const tiers: [CandidateSearch['tier'], DivisionTownship[]][] = [
		['exact', divisions.townshipsByName.get(normalized) ?? []],
		['family', family === 'other' ? [] : byStem.filter((t) => t.family === family)],
		['exact', divisions.townshipsByShortName.get(normalized) ?? []],
		['variant', family === 'other' ? [] : byStem],
	];
	let nameOnly: DivisionTownship[] = [];
	for (const [tier, townships] of tiers) {
		if (nameOnly.length === 0) nameOnly = townships;
		const matches = townships.filter((t) =>
			hints.every((hint) => namesAncestor(hint, t.code, divisions)),
		);
		if (matches.length > 0) return { tier, matches, hints, nameOnly };
	}
	// 神木市店塔镇: a name printed with its county in front; split it off and use it as a hint.
	if (depth < 3) {
		const prefix = divisions.higherPlaceNames.find(
			(p) => normalized.startsWith(p) && normalized.length > p.length,
		);
		if (prefix) {
			const inner = findCandidates(
				normalized.slice(prefix.length),
				[...hints, prefix],
				divisions,
				depth + 1,
			);
			if (inner.matches.length > 0 || inner.nameOnly.length > 0) return inner;
		}
	}
	return { tier: 'none', matches: [], hints, nameOnly };
}

function namesAncestor(hint: string, code: string, divisions: Divisions): boolean {
	const chain = divisions.chainOf(code);
	// Reports mix the levels up (a city named where a county is expected), so a hint may name any
	// ancestor.
	return [chain.county, chain.prefecture, chain.province].some(
		(place) =>
			place !== null && hintReadings(hint, chain).some((h) => placeNameMatches(h, place.name)),
	);
}

/**
 * "河南三门峡市": a unit printed with its province's short name in front, which the title
 * splitter (reading no division data) leaves on the unit. The hint is also read without it,
 * but only without the short name of the township's own province.
 */
function hintReadings(hint: string, chain: PlaceChain): string[] {
	const province = chain.province?.name;
	const stem = province ? placeStem(province) : '';
	return stem !== '' && stem !== province && hint.startsWith(stem) && hint.length > stem.length + 1
		? [hint, hint.slice(stem.length)]
		: [hint];
}

function listCandidates(townships: DivisionTownship[], divisions: Divisions): string {
	const shown = townships
		.slice(0, SHOWN_CANDIDATES)
		.map((t) => `${t.code} ${describeTownship(divisions, t.code)}`);
	const more = townships.length - shown.length;
	return shown.join(', ') + (more > 0 ? ` … and ${more} more (see src/data/divisions.json)` : '');
}

function snippet(value: unknown): string {
	return JSON.stringify(value).replace(/":/g, '": ').replace(/,"/g, ', "');
}
