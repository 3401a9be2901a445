/**
 * Counts exactly-right table cells (and values the truth does not have) over layout fixtures:
 *   npx node tests/support/measure-layout-cells.ts [name-prefix…]
 *   PARSER_ROOT=/work/main npx node tests/support/measure-layout-cells.ts …   (another checkout)
 * A cell is right when the parsed value equals the truth (null included); "invented" is a
 * non-null value where the truth has null or another number. Used for the before/after numbers
 * in the tables branch's report; not a test.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureTruth } from './layout-fixtures.ts';

// PARSER_ROOT=/work/main measures another checkout's parser on these fixtures (before/after).
const root = process.env.PARSER_ROOT ?? join(import.meta.dirname, '..', '..');
const { parseReport } = (await import(
	join(root, 'src/lib/report/index.ts')
)) as typeof import('../../src/lib/report/index.ts');

const dir = join(import.meta.dirname, '..', 'fixtures', 'layouts');
const only = process.argv.slice(2);

function leaves(node: unknown, prefix: string, out: Map<string, unknown>) {
	if (node === null || typeof node !== 'object' || Array.isArray(node)) out.set(prefix, node);
	else for (const [k, v] of Object.entries(node)) leaves(v, `${prefix}.${k}`, out);
}
const SKIP = /\.(amountRaw|totalAmountUnitRaw|extraRows)$/;
const TABLE4_NULL = {
	reconsideration: null,
	litigationDirect: null,
	litigationAfterReconsideration: null,
};

let right = 0;
let total = 0;
let invented = 0;
for (const file of readdirSync(dir)
	.filter((f) => f.endsWith('.truth.json'))
	.sort()) {
	const truth = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FixtureTruth;
	const name = file.replace('.truth.json', '');
	if (only.length && !only.some((p) => name.startsWith(p))) continue;
	let record;
	try {
		record = parseReport(readFileSync(join(dir, truth.fixture)), { file: truth.fixture });
	} catch {
		record = null;
	}
	const want = new Map<string, unknown>();
	const got = new Map<string, unknown>();
	for (const t of ['table2', 'table2v2019', 'table3', 'table4'] as const) {
		const tv = truth[t] ?? (t === 'table4' ? TABLE4_NULL : null);
		if (tv === null) continue;
		leaves(tv, t, want);
		if (record?.[t]) leaves(record[t], t, got);
	}
	let r = 0;
	let n = 0;
	let wrongValues = 0;
	const wrong: string[] = [];
	for (const [path, value] of want) {
		if (SKIP.test(path)) continue;
		n++;
		const parsed = got.has(path) ? got.get(path) : null;
		if (parsed === value || (value === null && typeof parsed === 'object')) r++;
		else {
			wrong.push(`${path}=${String(parsed)}≠${String(value)}`);
			if (parsed !== null && parsed !== undefined) wrongValues++;
		}
	}
	right += r;
	total += n;
	invented += wrongValues;
	console.log(
		`${name.padEnd(40)} ${String(r).padStart(3)}/${n} wrong-values ${wrongValues}${record ? '' : ' (rejected)'} ${wrong.slice(0, 4).join(' ')}`,
	);
}
console.log(
	`TOTAL ${right}/${total} = ${((100 * right) / total).toFixed(1)} % right, ${invented} wrong non-null values`,
);
