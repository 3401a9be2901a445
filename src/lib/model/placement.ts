/**
 * Where a report belongs: its (township, year) slot, as the ingest places it. The ingest makes
 * placements (src/lib/ingest/placement.ts); the collector (`npm run add`) receives a Placer from
 * its command line, so "already have this township's year" means the same in both, and the
 * collector never imports the ingest.
 */
import type { ReportRecord } from './record.ts';

export interface Placement {
	/** `<code>-<year>`, the site's report id; null when the township or year is not known. */
	slot: string | null;
	/** For messages and file names: the division's full name, else the name as printed. */
	township: string | null;
	year: number | null;
	/** Why the report cannot be placed yet (the ingest's message, with the override to add). */
	problem: string | null;
}

export type Placer = (record: ReportRecord, file: string) => Placement;
