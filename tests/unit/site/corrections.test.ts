/** /corrections/ and its feed: every curator entry with reason and date, replacements with both fingerprints. */
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../../src/lib/model/provenance.ts';
import {
	correctionFeedItems,
	correctionItems,
	overrideItems,
} from '../../../src/lib/site/corrections.ts';
import type { CuratorEntries } from '../../../src/lib/site/curator-entries.ts';
import { makeEntry } from './entry-factory.ts';

const fileProvenance = (sha: string): Provenance => ({
	retrieval: 'file',
	retrievedAt: '2026-11-29T08:00:00.000Z',
	sha256: sha.repeat(64),
	size: 1,
	originalName: null,
});

const curator: CuratorEntries = {
	corrections: [
		{ file: '2023/new.txt', replaces: '2023/old.txt', note: '政府重新发布', date: '2026-11-01' },
		{ file: 'content/reports/gone.txt', replaces: 'older.txt' },
	],
	overrides: [
		{ file: 'a.txt', code: '610881102', note: '只写了镇名', date: '2026-10-01' },
		{ township: '城关镇', county: '五河县', code: '340322100' },
		{ file: 'b.txt', body: { key: 'x-shenmu-gov', name: '神木市人民政府' }, year: 2023 },
	],
};

const corrected = {
	...makeEntry({ code: '610881102', year: 2023 }),
	sourceFile: 'content/reports/2023/new.txt',
	replaces: 'content/reports/2023/old.txt',
	provenance: fileProvenance('a'),
	replacedProvenance: fileProvenance('b'),
};

describe('correctionItems', () => {
	const items = correctionItems([corrected], curator, () => '店塔镇2023年报告');

	it('lists every entry of the corrections file with its reason and date', () => {
		expect(items.map((i) => [i.anchor, i.file, i.replaces, i.note, i.date])).toEqual([
			['correction-1', '2023/new.txt', '2023/old.txt', '政府重新发布', '2026-11-01'],
			['correction-2', 'gone.txt', 'older.txt', null, null],
		]);
	});

	it('links the published correction and gives both fingerprints', () => {
		expect(items[0]!.report).toEqual({
			url: '/townships/610881102/2023/',
			title: '店塔镇2023年报告',
			sha256: 'a'.repeat(64),
			replacedSha256: 'b'.repeat(64),
		});
		expect(items[1]!.report).toBeNull();
	});
});

describe('overrideItems', () => {
	it('says what each entry matches and decides', () => {
		const items = overrideItems(curator, (code) => (code === '610881102' ? '神木市店塔镇' : null));
		expect(items.map((i) => [i.matches, i.decides, i.year, i.date])).toEqual([
			['文件 a.txt', '神木市店塔镇（610881102）', null, '2026-10-01'],
			['原文写作“城关镇”（五河县）的报告', '区划代码（340322100）', null, null],
			['文件 b.txt', '非乡镇单位“神木市人民政府”（x-shenmu-gov）', 2023, null],
		]);
	});
});

describe('correctionFeedItems', () => {
	it('puts dated entries first, newest first, each linking its anchor', () => {
		const feed = correctionFeedItems(
			correctionItems([corrected], curator, () => '店塔镇2023年报告'),
			overrideItems(curator),
		);
		expect(feed.map((f) => f.link)).toEqual([
			'/corrections/#correction-1',
			'/corrections/#override-1',
			'/corrections/#correction-2',
			'/corrections/#override-2',
			'/corrections/#override-3',
		]);
		expect(feed[0]!.pubDate?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
		expect(feed[2]!.pubDate).toBeUndefined();
		expect(feed[0]!.description).toBe('政府重新发布');
	});
});
