/**
 * A report's detail file, beside the collection: its source text and every check, passed ones
 * included. Collection entries leave both out (the build holds every entry at once); the report
 * page, record.json.gz and checks.csv.gz read them here, one report at a time.
 */
import { readFileSync } from 'node:fs';
import { reportDetailSchema, type ReportDetail, type ReportEntry } from '../model/entry.ts';
import { detailFile, generatedDir } from './generated-files.ts';

export function reportDetail(id: string, generated = generatedDir()): ReportDetail {
	const path = detailFile(generated, id);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		throw new Error(`${path} is missing: run \`npm run ingest\` again (it writes one per report)`);
	}
	return reportDetailSchema.parse(JSON.parse(text));
}

/**
 * record.json: the entry with its source text (after sourceFile, where the entry once held it),
 * without indentation (a quarter of the bytes was spaces); served gzipped as record.json.gz.
 */
export function recordJson(entry: ReportEntry, detail: ReportDetail): string {
	const { id, township, year, sourceFile, ...rest } = entry;
	const { sourceText } = detail;
	return JSON.stringify({ id, township, year, sourceFile, sourceText, ...rest });
}
