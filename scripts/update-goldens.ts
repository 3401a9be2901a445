/**
 * `npm run goldens`: rewrite tests/fixtures/seeds/*.golden.json from the current parser.
 * Review the diff by hand before committing: the goldens are the hand-verified truth.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parseReport } from '../src/lib/report/index.ts';

for (const name of readdirSync('content/reports')
	.filter((f) => f.endsWith('.txt'))
	.sort()) {
	const file = `content/reports/${name}`;
	const record = parseReport(readFileSync(file), { file });
	writeFileSync(
		`tests/fixtures/seeds/${name.replace(/\.txt$/, '')}.golden.json`,
		JSON.stringify(record, null, '\t') + '\n',
	);
	console.log(`${file}: ${record.diagnostics.length} diagnostics`);
}
