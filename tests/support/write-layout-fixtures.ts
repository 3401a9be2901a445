/**
 * Regenerates tests/fixtures/layouts/<name>.txt and <name>.truth.json from layout-fixtures.ts.
 * Deterministic; the outputs are committed. Run from the repository root:
 *   node tests/support/write-layout-fixtures.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLayoutFixtures } from './layout-fixtures.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'layouts');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) {
	if (file.endsWith('.txt') || file.endsWith('.truth.json')) rmSync(join(dir, file));
}
for (const { name, bytes, truth } of buildLayoutFixtures()) {
	writeFileSync(join(dir, `${name}.txt`), bytes);
	writeFileSync(join(dir, `${name}.truth.json`), `${JSON.stringify(truth, null, '\t')}\n`);
	console.log(`${name}.txt  ${truth.layout}  ${truth.formatVersion}  ${truth.encoding}`);
}
