import { describe, expect, it } from 'vitest';
import type { DivisionTable } from '../../../src/lib/model/division-table.ts';
import { buildDate, buildDateText } from '../../../src/lib/site/build-date.ts';
import { divisionTownshipCount } from '../../../src/lib/site/coverage.ts';
import { feedbackRoute } from '../../../src/lib/site/feedback.ts';

const page = { title: '旧县镇 2023', url: 'https://example.org/townships/140930104/2023/' };

describe('feedbackRoute', () => {
	it('an e-mail address becomes a mailto: link naming the page', () => {
		const route = feedbackRoute(' jiucuo@example.org ', page);
		expect(route.kind).toBe('email');
		if (route.kind !== 'email') return;
		const url = new URL(route.href);
		expect(url.protocol).toBe('mailto:');
		expect(url.pathname).toBe('jiucuo@example.org');
		expect(url.searchParams.get('subject')).toBe('纠错：旧县镇 2023');
		expect(url.searchParams.get('body')).toContain(page.url);
	});
	it('a web address is linked as it is', () => {
		expect(feedbackRoute('https://example.org/feedback', page)).toMatchObject({
			kind: 'url',
			href: 'https://example.org/feedback',
		});
	});
	it('nothing (or something unusable) set: a sentence with the page address, no link', () => {
		for (const contact of ['', '   ', 'not a contact']) {
			const route = feedbackRoute(contact, page);
			expect(route.kind).toBe('none');
			if (route.kind === 'none') expect(route.text).toContain(page.url);
		}
	});
});

describe('buildDate', () => {
	it('takes SOURCE_DATE_EPOCH when set, else today', () => {
		expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
		expect(buildDate({}, new Date('2026-03-05T12:00:00Z'))).toBe('2026-03-05');
		expect(buildDate({ SOURCE_DATE_EPOCH: 'soon' }, new Date('2026-03-05T12:00:00Z'))).toBe(
			'2026-03-05',
		);
		expect(buildDateText('2026-03-05')).toBe('2026年3月5日');
	});
});

describe('divisionTownshipCount', () => {
	it('adds the townships of every county under a province, prefecture or county code', () => {
		const table: DivisionTable = {
			source: 't',
			provinces: { '14': 'A' },
			prefectures: { '1409': 'B', '1404': 'C' },
			counties: { '140930': 'D', '140931': 'E', '140404': 'F' },
			townships: {
				'140930': ['100甲', '101乙'],
				'140931': ['100丙'],
				'140404': ['100丁', '101戊', '102己'],
			},
		};
		expect(divisionTownshipCount(table, '140930')).toBe(2);
		expect(divisionTownshipCount(table, '1409')).toBe(3);
		expect(divisionTownshipCount(table, '14')).toBe(6);
		expect(divisionTownshipCount(table, '61')).toBe(0);
	});
});
