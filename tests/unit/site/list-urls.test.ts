/** The split list pages' URLs: under their old list URL, and never colliding with a township's or a report's. */
import { describe, expect, it } from 'vitest';
import {
	townshipDirectoryUrl,
	townshipIndexUrl,
	trackerUrl,
	yearRegionUrl,
} from '../../../src/lib/site/list-urls.ts';
import { reportUrl, townshipUrl, yearUrl } from '../../../src/lib/site/urls.ts';

describe('list URLs', () => {
	it('sit under the list page they split', () => {
		expect(trackerUrl('51')).toMatch(/^\/tracker\/51\/$/);
		expect(yearRegionUrl(2023, '510104').startsWith(yearUrl(2023))).toBe(true);
		expect(townshipDirectoryUrl('51').startsWith('/townships/')).toBe(true);
		expect(townshipIndexUrl('51')).toBe(townshipDirectoryUrl('51').replace(/\/$/, '.json'));
	});

	it('never take a township’s or a report’s address', () => {
		const township = '510104001';
		const taken = new Set([townshipUrl(township), reportUrl(township, 2023)]);
		for (const code of ['51', '5101', '510104'])
			for (const url of [trackerUrl(code), yearRegionUrl(2023, code), townshipDirectoryUrl(code)])
				expect(taken.has(url), url).toBe(false);
		// The directory's fixed segment is not a division code.
		expect(townshipDirectoryUrl('51').split('/')[2]).not.toMatch(/^\d+$/);
	});
});
