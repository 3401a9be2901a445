/**
 * The rule registry is the one list of rule ids: every id the parser and the ingest emit is in it,
 * each appears once, and the README's table is exactly the registry's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRuleId, RULES, ruleUrl } from '../../../src/lib/model/rules.ts';
import { parseReport } from '../../../src/lib/report/index.ts';
import { replaceRulesBlock } from '../../../src/lib/site/rule-docs.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function walk(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? walk(`${dir}/${d.name}`) : d.name.endsWith('.ts') ? [`${dir}/${d.name}`] : [],
	);
}

describe('rule registry', () => {
	it('lists each id once, with a name, a formula and a fix', () => {
		const ids = RULES.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const r of RULES) {
			expect(r.name.trim(), r.id).not.toBe('');
			expect(r.formula.trim(), r.id).not.toBe('');
			expect(r.fix.trim(), r.id).not.toBe('');
			expect(r.id).toMatch(/^[A-Za-z0-9-]+$/);
		}
	});

	it('knows every rule id written in the parser and the ingest', () => {
		const written = new Set<string>();
		for (const file of [...walk('src/lib/report'), ...walk('src/lib/ingest')]) {
			const text = readFileSync(join(ROOT, file), 'utf8');
			for (const m of text.matchAll(/\b(?:ruleId|id): '([A-Za-z0-9-]+)'/g)) written.add(m[1]!);
			for (const m of text.matchAll(/ruleOf\('([A-Za-z0-9-]+)'\)/g)) written.add(m[1]!);
			for (const m of text.matchAll(
				/fileDiagnostic\([^)]*?'(?:error|warning|info)',\s*'([a-z0-9-]+)'/g,
			))
				written.add(m[1]!);
		}
		expect(written.size).toBeGreaterThan(20);
		expect([...written].filter((id) => !isRuleId(id))).toEqual([]);
	});

	it('knows every check id and diagnostic rule id the parser gives on the fixtures', () => {
		const dir = join(ROOT, 'tests', 'fixtures', 'layouts');
		const seen = new Set<string>();
		for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
			const record = parseReport(readFileSync(join(dir, f)), { file: f });
			for (const c of record.checks) seen.add(c.id);
			for (const d of record.diagnostics) {
				seen.add(d.ruleId);
				expect(d.url).toBe(ruleUrl(d.ruleId));
				expect(d.source).toBe('parser');
			}
		}
		expect(seen.size).toBeGreaterThan(10);
		expect([...seen].filter((id) => !isRuleId(id))).toEqual([]);
	});

	it("is what the README's rule table says (npm run docs:rules rewrites it)", () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		expect(replaceRulesBlock(readme)).toBe(readme);
		for (const r of RULES) expect(readme).toContain(`| \`${r.id}\` |`);
	});
});
