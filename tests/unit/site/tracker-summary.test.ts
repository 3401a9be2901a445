import { describe, expect, it } from 'vitest';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import { buildSiteIndex } from '../../../src/lib/site/indexes.ts';
import { buildTracker } from '../../../src/lib/site/tracker.ts';
import { trackerSummary } from '../../../src/lib/site/tracker-summary.ts';
import { makeEntry } from './entry-factory.ts';

const table: DivisionTable = {
	source: 'test',
	provinces: { '61': '陕西省' },
	prefectures: { '6108': '榆林市' },
	counties: { '610881': '神木市' },
	townships: { '610881': ['101滨河新区街道', '102店塔镇', '103孙家岔镇', '104中鸡镇'] },
};

describe('trackerSummary', () => {
	it('counts townships and township × year slots of the counties reached', () => {
		const entries = [
			makeEntry({ code: '610881102', year: 2021 }),
			makeEntry({ code: '610881102', year: 2023 }),
			makeEntry({ code: '610881103', year: 2023, name: '孙家岔镇' }),
		];
		const s = trackerSummary(buildTracker(buildSiteIndex(entries).townships, table));
		// 4 townships × 3 years (2021–2023, the gap year included) = 12 slots, 3 filled.
		expect([s.counties, s.townships, s.townshipsWithReports, s.slots, s.published]).toEqual([
			1, 4, 2, 12, 3,
		]);
		expect(s.text).toBe(
			'已收录报告的 1 个区县共有 4 个乡镇（街道），本站收录了其中 2 个的报告；按每个乡镇每年一份计，2021–2023 年共 12 份，已收录 3 份。',
		);
	});

	it('says so when there is nothing yet', () => {
		expect(trackerSummary(buildTracker([], table)).text).toBe('本站还没有收录报告。');
	});
});
