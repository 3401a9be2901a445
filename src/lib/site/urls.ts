/** The portal's stable ASCII URLs, keyed by the 9-digit division code. One place so links never drift. */

export const townshipUrl = (code: string) => `/townships/${code}/`;
export const reportUrl = (code: string, year: number) => `/townships/${code}/${year}/`;
export const recordJsonUrl = (code: string, year: number) =>
	`${reportUrl(code, year)}record.json.gz`;
export const yearUrl = (year: number) => `/years/${year}/`;
export const regionUrl = (code: string) => `/regions/${code}/`;
export const sourceLineUrl = (line: number) => `#L${line}`;
