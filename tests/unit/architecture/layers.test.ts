/**
 * The rooms of ARCHITECTURE.md, enforced: every import in src/ and scripts/ goes down the
 * one-way flow (content → report → model ← ingest; model ← site ← pages), never up or sideways,
 * and the graph has no cycle. Read from the files themselves, so a new upward import fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Each room and the rooms it may import (besides itself). Packages are checked separately. */
const MAY_IMPORT: Record<string, string[]> = {
	model: [],
	report: ['model'],
	ingest: ['model', 'report'],
	collect: ['model', 'report'],
	site: ['model', 'data', 'consts'],
	client: ['site', 'model'],
	components: ['model', 'site', 'components', 'client', 'consts'],
	layouts: ['model', 'site', 'components', 'client', 'styles', 'consts'],
	pages: ['model', 'site', 'components', 'layouts', 'client', 'consts', 'styles'],
	config: ['model'],
	// The download writer (scripts/write-downloads.ts) runs site/ code outside Astro.
	scripts: ['model', 'report', 'ingest', 'site', 'collect', 'data', 'scripts'],
	consts: [],
	data: [],
	styles: [],
};

function roomOf(file: string): string {
	const m = /^src\/lib\/(\w+)\//.exec(file);
	if (m) return m[1]!;
	if (file === 'src/content.config.ts') return 'config';
	if (file === 'src/consts.ts') return 'consts';
	const top = /^src\/(\w+)\//.exec(file)?.[1];
	if (top) return top;
	if (file.startsWith('scripts/')) return 'scripts';
	return 'other';
}

function walk(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
		const path = `${dir}/${d.name}`;
		if (d.isDirectory()) return walk(path);
		return /\.(ts|astro|mjs)$/.test(d.name) && !d.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** Every static or dynamic import specifier of a file (frontmatter and <script> blocks alike). */
function importsOf(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	const specs: string[] = [];
	for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/g))
		specs.push(m[1]!);
	for (const m of text.matchAll(/(?:^|[\s;])import\s*\(?\s*['"]([^'"]+)['"]/g)) specs.push(m[1]!);
	return specs;
}

const files = [...walk('src'), ...walk('scripts')];
const edges = new Map<string, string[]>();
const packages = new Map<string, string[]>();
for (const file of files) {
	const local: string[] = [];
	const external: string[] = [];
	for (const spec of importsOf(file)) {
		if (spec.startsWith('.')) local.push(relative(ROOT, resolve(dirname(join(ROOT, file)), spec)));
		else external.push(spec);
	}
	edges.set(file, local);
	packages.set(file, external);
}

describe('layers', () => {
	it('finds the rooms it checks', () => {
		for (const room of ['model', 'report', 'ingest', 'site', 'client', 'components', 'pages'])
			expect(
				files.some((f) => roomOf(f) === room),
				room,
			).toBe(true);
	});

	it('every import goes to the same room or one the room may stand on', () => {
		const upward: string[] = [];
		for (const [file, targets] of edges) {
			const from = roomOf(file);
			for (const target of targets) {
				const to = roomOf(target);
				if (to === from || MAY_IMPORT[from]?.includes(to)) continue;
				upward.push(`${file} (${from}) → ${target} (${to})`);
			}
		}
		expect(upward).toEqual([]);
	});

	it('model imports nothing but zod', () => {
		const bad = [...packages]
			.filter(([file]) => roomOf(file) === 'model')
			.flatMap(([file, specs]) => specs.filter((s) => s !== 'zod').map((s) => `${file} → ${s}`));
		expect(bad).toEqual([]);
	});

	it('what ships to the browser (src/client/ and every module it reaches) needs no Node or Astro', () => {
		const reached = new Set<string>();
		const visit = (file: string) => {
			if (reached.has(file)) return;
			reached.add(file);
			for (const t of edges.get(file) ?? []) visit(t);
		};
		for (const file of files) if (roomOf(file) === 'client') visit(file);
		const bad = [...reached].flatMap((file) =>
			(packages.get(file) ?? [])
				.filter((s) => /^(node:|astro)/.test(s))
				.map((s) => `${file} → ${s}`),
		);
		expect(reached.size).toBeGreaterThan(5);
		expect(bad).toEqual([]);
	});

	it('has no import cycle', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'open' | 'done'>();
		const visit = (file: string, path: string[]) => {
			if (state.get(file) === 'done') return;
			if (state.get(file) === 'open') {
				cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
				return;
			}
			state.set(file, 'open');
			for (const t of edges.get(file) ?? []) visit(t, [...path, file]);
			state.set(file, 'done');
		};
		for (const file of edges.keys()) visit(file, []);
		expect(cycles).toEqual([]);
	});
});
