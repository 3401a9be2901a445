/** 收录日期 from the provenance a report was added with: Beijing day, earliest for a correction, null when not recorded. */
import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../../src/lib/model/provenance.ts';
import { beijingDay, dateAdded } from '../../../src/lib/site/date-added.ts';

const retrieved = (retrievedAt: string): Provenance => ({
	retrieval: 'file',
	retrievedAt,
	sha256: '0'.repeat(64),
	size: 10,
	originalName: null,
});

describe('dateAdded', () => {
	it('is null when the collection does not record it (never today)', () => {
		expect(dateAdded({})).toBeNull();
	});

	it('is the retrieval day in Beijing time, whatever offset the time was written with', () => {
		expect(dateAdded({ provenance: retrieved('2025-06-30T17:00:00Z') })).toBe('2025-07-01');
		expect(dateAdded({ provenance: retrieved('2025-06-30T15:59:00Z') })).toBe('2025-06-30');
		expect(dateAdded({ provenance: retrieved('2025-06-30T23:30:00+08:00') })).toBe('2025-06-30');
	});

	it('keeps the day a corrected report first came in', () => {
		const entry = {
			provenance: retrieved('2026-02-01T09:00:00+08:00'),
			replacedProvenance: retrieved('2025-11-20T09:00:00+08:00'),
		};
		expect(dateAdded(entry)).toBe('2025-11-20');
	});
});

describe('beijingDay', () => {
	it('moves a UTC evening to the next Beijing day', () => {
		expect(beijingDay('2024-12-31T16:00:00Z')).toBe('2025-01-01');
		expect(beijingDay('2024-12-31T15:59:59Z')).toBe('2024-12-31');
	});
});
