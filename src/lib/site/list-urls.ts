/**
 * URLs of the list pages split for national scale (issue 12 item 3): the tracker, year and
 * township directory pages per province and county. Kept apart from urls.ts so the split pages
 * own their addresses; the old list URLs (/tracker/, /years/<year>/, /townships/) stay as summaries.
 */

/** /tracker/<province code>/ (counties × years) or /tracker/<county code>/ (townships × years). */
export const trackerUrl = (code: string) => `/tracker/${code}/`;
/** /years/<year>/<province or county code>/: one region's reports of one year. */
export const yearRegionUrl = (year: number, code: string) => `/years/${year}/${code}/`;
/** /townships/p/<province code>/: that province's townships, grouped by county. */
export const townshipDirectoryUrl = (province: string) => `/townships/p/${province}/`;
/** The per-province name index the township directory's search box fetches. */
export const townshipIndexUrl = (province: string) => `/townships/p/${province}.json`;
