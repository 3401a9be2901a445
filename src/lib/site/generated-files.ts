/**
 * Where the build finds what `npm run ingest` and the download writer leave beside the content
 * collection (content/generated/, or PORTAL_ROOT's when a second site is built): one place, so the
 * pages, the endpoints and the writer can never look in different folders.
 */
import { join, resolve } from 'node:path';

/** content/generated/ of the site being built. */
export const generatedDir = (root = process.env.PORTAL_ROOT ?? '.') =>
	resolve(root, 'content/generated');

/** The collection's entry files, one JSON per report. */
export const entriesDir = (generated: string) => join(generated, 'reports');

/** The bulk downloads, staged here before the build copies them to dist/data/. */
export const downloadsDir = (generated: string) => join(generated, 'data');

/** The staged downloads' sizes, read by the /data/ page. */
export const downloadsManifest = (generated: string) =>
	join(downloadsDir(generated), 'manifest.json');

/** Each report's detail file (source text, every check): content/generated/details/<id>.json. */
export const detailFile = (generated: string, id: string) =>
	join(generated, 'details', `${id}.json`);

/**
 * Each report's record.json.gz, written by the download writer (`<id>.json.gz`); the build links
 * them to /townships/<code>/<year>/record.json.gz.
 */
export const recordsDir = (generated: string) => join(generated, 'records');
