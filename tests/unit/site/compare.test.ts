import { describe, expect, it } from 'vitest';
import { provinceChunks, townshipsOfProvince } from '../../../src/lib/site/compare-chunks.ts';
import {
	compareUrl,
	findTownships,
	MAX_SELECTION,
	overlayTrend,
	parseSelection,
	reportFor,
	selectionSearch,
	townshipFigures,
} from '../../../src/lib/site/compare.ts';
import { buildSiteIndex } from '../../../src/lib/site/indexes.ts';
import { makeEntry } from './entry-factory.ts';

const site = buildSiteIndex([
	makeEntry({ code: '610881102', year: 2021, set: { 'table3.newReceived.total': 3 } }),
	makeEntry({ code: '610881102', year: 2023, set: { 'table3.newReceived.total': null } }),
	makeEntry({
		code: '140930104',
		year: 2023,
		name: '旧县镇',
		township: {
			pinyin: 'jiu xian zhen',
			initials: 'jxz',
			county: { code: '140930', name: '河曲县' },
		},
		set: { 'table3.newReceived.total': 12 },
	}),
]);
const index = provinceChunks(site.townships.map((s) => s.township)).flatMap(townshipsOfProvince);
const figures = site.townships.map(townshipFigures);

describe('the selection in the URL', () => {
	it('reads codes and year, dropping repeats and malformed codes', () => {
		expect(parseSelection('?t=610881102,140930104,610881102,abc,12&y=2023')).toEqual({
			codes: ['610881102', '140930104'],
			year: 2023,
		});
		expect(parseSelection('')).toEqual({ codes: [], year: null });
		expect(parseSelection('?t=x-county-office&y=latest')).toEqual({
			codes: ['x-county-office'],
			year: null,
		});
	});
	it(`keeps at most ${MAX_SELECTION} townships`, () => {
		const codes = Array.from({ length: 8 }, (_, i) => `61088110${i}`);
		expect(parseSelection(`?t=${codes.join(',')}`).codes).toEqual(codes.slice(0, MAX_SELECTION));
	});
	it('writes what it reads', () => {
		const selection = { codes: ['610881102', '140930104'], year: 2022 };
		expect(selectionSearch(selection)).toBe('?t=610881102,140930104&y=2022');
		expect(parseSelection(selectionSearch(selection))).toEqual(selection);
		expect(compareUrl(['610881102', '140930104'])).toBe('/compare/?t=610881102,140930104');
		expect(selectionSearch({ codes: [], year: null })).toBe('');
	});
});

describe('findTownships', () => {
	it('finds by Chinese name, county, pinyin with or without spaces, and initials', () => {
		const codes = (term: string) => findTownships(index, term).map((t) => t.code);
		expect(codes('店塔')).toEqual(['610881102']);
		expect(codes('河曲')).toEqual(['140930104']);
		expect(codes('diantazhen')).toEqual(['610881102']);
		expect(codes('Jiu Xian')).toEqual(['140930104']);
		expect(codes('jxz')).toEqual(['140930104']);
		expect(codes('zhen')).toHaveLength(2);
		expect(codes('  ')).toEqual([]);
		expect(codes('北京')).toEqual([]);
	});
	it('lists townships with a word starting with the term before those merely containing it', () => {
		const item = (code: string, search: string) => ({
			code,
			name: code,
			place: '',
			province: null,
			prefecture: null,
			county: null,
			search,
		});
		const list = [
			item('inside', '东风镇 dongfengzhen dfz'),
			item('start', '风陵渡镇 fenglingduzhen fldz'),
		];
		expect(findTownships(list, 'feng').map((t) => t.code)).toEqual(['start', 'inside']);
		expect(findTownships(list, 'feng', 1).map((t) => t.code)).toEqual(['start']);
	});
	it('names a township with its county, since names repeat', () => {
		expect(index.find((t) => t.code === '610881102')!.name).toBe('神木市店塔镇');
	});
});

describe('what the page lays out', () => {
	const dianta = figures.find((f) => f.code === '610881102')!;
	it('compares each township’s latest report unless a year is chosen', () => {
		expect(reportFor(dianta, null)?.year).toBe(2023);
		expect(reportFor(dianta, 2021)?.figures.applicationsReceived).toBe(3);
		expect(reportFor(dianta, 2022)).toBeUndefined();
	});
	it('overlays one line per township over the union of years, telling no report from not reported', () => {
		const { spec, hasReport } = overlayTrend(figures, 'applicationsReceived');
		expect(spec.labels).toEqual(['2021', '2023']);
		const order = figures.map((f) => f.code);
		const row = (code: string) => order.indexOf(code);
		expect(spec.series[row('610881102')]).toEqual({ label: '神木市店塔镇', values: [3, null] });
		expect(spec.series[row('140930104')]).toEqual({ label: '河曲县旧县镇', values: [null, 12] });
		// 店塔镇 2023 has a report that leaves the figure blank; 旧县镇 2021 has no report.
		expect(hasReport[row('610881102')]).toEqual([true, true]);
		expect(hasReport[row('140930104')]).toEqual([false, true]);
	});
	it('carries the derived metrics with each year', () => {
		const jiuxian = figures.find((f) => f.code === '140930104')!;
		expect(jiuxian.years[0]!.derived.disclosureRate.status).toBe('unavailable');
		expect(jiuxian.years[0]!.url).toBe('/townships/140930104/2023/');
	});
});
