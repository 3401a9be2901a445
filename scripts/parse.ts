/**
 * `npm run parse -- FILE...`: print each report's canonical record as JSON on stdout.
 * A FILE may be plain text, a saved web page, a PDF or a .docx (src/lib/report/extract/).
 * One file → one JSON object; several → a JSON array. A file that cannot be read or is
 * not a report gets a one-line reason on stderr and a non-zero exit.
 */
import { readFileSync } from 'node:fs';
import { quoteFileName } from '../src/lib/ingest/diagnostics.ts';
import { readReport, ReportRejection } from '../src/lib/report/index.ts';

// `npm run -s parse -- FILE | head`: a reader that stops early ends us quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error('usage: npm run parse -- FILE...');
	process.exit(2);
}
const records = [];
let failed = 0;
for (const file of files) {
	try {
		records.push(await readReport(readFileSync(file), { file }));
	} catch (error) {
		failed++;
		const reason =
			error instanceof ReportRejection
				? error.message
				: error instanceof Error && 'code' in error
					? `cannot read: ${error.message}`
					: String(error);
		console.error(`${quoteFileName(file)}: ${reason}`);
		if (!(error instanceof ReportRejection) && !(error instanceof Error && 'code' in error))
			throw error;
	}
}
if (records.length > 0)
	process.stdout.write(JSON.stringify(files.length === 1 ? records[0] : records, null, 2) + '\n');
process.exitCode = failed > 0 ? 1 : 0;
