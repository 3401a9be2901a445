/**
 * `node tests/support/metadata-accuracy.ts [PARSER]`: how many metadata fields of the
 * structure fixtures a parser gets right, per field and in total, with every wrong one listed.
 * PARSER is the path of a checkout's src/lib/report/index.ts (default: this one), so a
 * before/after comparison runs the same fixtures through two versions of the parser.
 * `--only=PREFIX` scores only the fixtures whose file name starts with PREFIX (e.g. held-).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scoreMetadata } from './metadata-fixtures.ts';

const parserPath = resolve(
	process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'src/lib/report/index.ts',
);
const { parseReport } = (await import(pathToFileURL(parserPath).href)) as {
	parseReport: (bytes: Uint8Array, options: { file: string }) => never;
};
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '';
const scores = scoreMetadata((bytes, file) => parseReport(bytes, { file })).filter((s) =>
	s.fixture.startsWith(only),
);
const byField = new Map<string, { right: number; all: number }>();
for (const s of scores) {
	const f = byField.get(s.field) ?? { right: 0, all: 0 };
	f.all++;
	if (s.right) f.right++;
	byField.set(s.field, f);
}
const right = scores.filter((s) => s.right).length;
console.log(`parser: ${parserPath}`);
for (const [field, f] of byField) console.log(`${field.padEnd(24)} ${f.right}/${f.all}`);
console.log(
	`${'all fields'.padEnd(24)} ${right}/${scores.length} (${((100 * right) / scores.length).toFixed(1)} %)`,
);
if (process.argv.includes('--wrong'))
	for (const s of scores.filter((x) => !x.right))
		console.log(
			`  ${s.fixture} ${s.field}: want ${JSON.stringify(s.want)}, got ${JSON.stringify(s.got)}`,
		);
