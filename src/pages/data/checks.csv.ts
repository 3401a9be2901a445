/** /data/checks.csv: see src/lib/site/downloads.ts and the data dictionary (/data-dictionary/). */
import type { APIRoute } from 'astro';
import { serveDownload } from '../../lib/site/downloads.ts';

export const GET: APIRoute = serveDownload('checks.csv');
