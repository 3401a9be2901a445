/**
 * Every layout and variant of FORMAT.md §3–§5 and §8 must parse to exactly the record it was
 * rendered from. The fixtures and their truths live in tests/fixtures/layouts/ and are produced
 * by tests/support/write-layout-fixtures.ts; the truths are the renderer's input, never the
 * parser's output.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReport, parseReport } from '../../../src/lib/report/index.ts';
import type { ReportRecord } from '../../../src/lib/model/record.ts';
import {
	buildLayoutFixtures,
	decodeFixture,
	hardRuleViolations,
	type FixtureTruth,
} from '../../support/layout-fixtures.ts';

const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'layouts');
const HARD_RULES = ['H1', 'H2', 'H3', 'H4'];
const ZERO_MARKERS = new Set(['—', '-', '/', '无', '－', '／', '〇']);

const truths: FixtureTruth[] = readdirSync(FIXTURE_DIR)
	.filter((f) => f.endsWith('.truth.json'))
	.sort()
	.map((f) => JSON.parse(readFileSync(join(FIXTURE_DIR, f), 'utf8')) as FixtureTruth);

/** Every numeric leaf of a truth's tables, as [path, value]; raw-text companions are skipped. */
function numericLeaves(truth: FixtureTruth): [string, number | null][] {
	const out: [string, number | null][] = [];
	const walk = (prefix: string, node: unknown) => {
		if (node === null || typeof node === 'number') {
			out.push([prefix, node]);
		} else if (typeof node === 'object' && !Array.isArray(node)) {
			for (const [key, value] of Object.entries(node)) walk(`${prefix}.${key}`, value);
		}
	};
	const skip = new Set(['amountRaw', 'totalAmountUnitRaw', 'extraRows']);
	for (const table of ['table2', 'table2v2019', 'table3', 'table4'] as const) {
		const value = truth[table];
		if (!value) continue;
		for (const [key, node] of Object.entries(value)) {
			if (skip.has(key)) continue;
			if (node && typeof node === 'object' && !Array.isArray(node)) {
				for (const [leaf, v] of Object.entries(node))
					if (!skip.has(leaf)) walk(`${table}.${key}.${leaf}`, v);
			}
		}
	}
	return out;
}

const normalise = (s: string) => s.normalize('NFKC').replace(/[\s\u00a0\u3000]/g, '');

/** The number a raw cell text stands for: NFKC, no spaces or tags, 减少/增加 as signs, units dropped. */
function numberOfRaw(raw: string): number {
	const text = normalise(raw.replace(/<[^>]*>/g, ''))
		.replace(/^减少/, '-')
		.replace(/^增加/, '+')
		.replace(/(万元|元)$/, '');
	return Number(text);
}

describe('layout fixtures', () => {
	it('the committed fixtures are what write-layout-fixtures.ts produces', () => {
		const built = buildLayoutFixtures();
		expect(built.map((b) => `${b.name}.truth.json`).sort()).toEqual(
			readdirSync(FIXTURE_DIR)
				.filter((f) => f.endsWith('.truth.json'))
				.sort(),
		);
		for (const { name, bytes, truth } of built) {
			expect(
				Buffer.from(readFileSync(join(FIXTURE_DIR, `${name}.txt`))).equals(Buffer.from(bytes)),
				`${name}.txt is stale`,
			).toBe(true);
			expect(
				JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.truth.json`), 'utf8')),
				`${name}.truth.json is stale`,
			).toEqual(JSON.parse(JSON.stringify(truth)));
		}
	});

	it.each(truths)(
		'$fixture: the truth breaks exactly the hard rules it lists as failing',
		(truth) => {
			const broken = hardRuleViolations(truth).map((v) => v.split(':')[0]!.split(' ')[0]);
			expect(broken.sort()).toEqual(truth.mustFail.map((m) => m.id).sort());
		},
	);
});

describe.each(truths)('$fixture', (truth) => {
	const bytes = new Uint8Array(readFileSync(join(FIXTURE_DIR, truth.fixture)));
	const text = decodeFixture(bytes, truth.encoding);
	const lines = text.split(/\r\n|\n/);
	let record: ReportRecord | undefined;
	const parsed = (): ReportRecord =>
		(record ??= parseReport(bytes, { file: `tests/fixtures/layouts/${truth.fixture}` }));

	it(`decodes (${truth.encoding}, ${truth.lineEnding})`, () => {
		const decoded = decodeReport(bytes);
		const expectedEncoding = {
			'utf-8': /utf-?8/i,
			'utf-8-bom': /utf-?8/i,
			gbk: /gbk|gb18030|gb2312/i,
			'utf-16le-bom': /utf-?16/i,
		}[truth.encoding];
		expect(decoded.encoding).toMatch(expectedEncoding);
		const plain = (s: string) => s.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
		expect(plain(decoded.text)).toBe(plain(text));
	});

	it(`has format version ${truth.formatVersion}`, () => {
		expect(parsed().formatVersion).toBe(truth.formatVersion);
	});

	it(`names ${truth.metadata.township} and the year ${truth.metadata.reportYear}`, () => {
		const { metadata } = parsed();
		expect({ township: metadata.township, reportYear: metadata.reportYear }).toEqual({
			township: truth.metadata.township,
			reportYear: truth.metadata.reportYear,
		});
	});

	it(`names the county ${truth.metadata.county ?? '(none)'}`, () => {
		expect(parsed().metadata.county).toBe(truth.metadata.county);
	});

	it('reads Table 2 exactly', () => {
		const r = parsed();
		if (truth.table2v2019) {
			expect(r.table2v2019).toEqual(truth.table2v2019);
			// FORMAT.md §7.3: table2 is null, or every leaf of it is null.
			const leaves = r.table2 ? Object.values(r.table2).flatMap((row) => Object.values(row)) : [];
			expect(leaves.every((v) => v === null)).toBe(true);
		} else {
			expect(r.table2).toEqual(truth.table2);
			expect(r.table2v2019).toBeNull();
		}
	});

	it('reads Table 3 exactly', () => {
		expect(parsed().table3).toEqual(truth.table3);
	});

	it('reads Table 4 exactly', () => {
		expect(parsed().table4).toEqual(truth.table4);
	});

	it('leaves no numeric token unassigned except page markers, subtotals and filler', () => {
		const allowed = truth.allowedUnassigned;
		const unexpected = parsed().unassigned.filter(
			(u) => !allowed.some((a) => a.line === u.line && normalise(u.raw).includes(normalise(a.raw))),
		);
		expect(unexpected).toEqual([]);
	});

	it('reports the page markers, subtotals and filler it leaves out (none silently dropped)', () => {
		const { unassigned } = parsed();
		const dropped = truth.allowedUnassigned.filter(
			(a) =>
				!unassigned.some((u) => u.line === a.line && normalise(u.raw).includes(normalise(a.raw))),
		);
		expect(dropped).toEqual([]);
	});

	it('records provenance: each cell points at a line that contains its raw text', () => {
		const { cells } = parsed();
		const problems: string[] = [];
		for (const [path, value] of numericLeaves(truth)) {
			const cell = cells[path];
			if (!cell) {
				problems.push(`${path}: no provenance`);
				continue;
			}
			if (value === null) {
				// FORMAT.md §7.3: the three （六） sub-rows of a 2019-shape Table 3 are not applicable.
				const notApplicable =
					truth.table3.otherCombined !== undefined &&
					/^table3\.other(NoCorrection|FeeUnpaid|Other)\./.test(path);
				const expected = notApplicable
					? 'n/a'
					: truth.missing?.includes(path)
						? 'missing'
						: 'blank';
				if (cell.status !== expected)
					problems.push(`${path}: status ${cell.status}, expected ${expected}`);
				continue;
			}
			if (cell.line === null || cell.raw === null) {
				problems.push(`${path}: line ${cell.line}, raw ${JSON.stringify(cell.raw)}`);
				continue;
			}
			const source = lines[cell.line - 1];
			if (source === undefined || !source.includes(cell.raw)) {
				problems.push(
					`${path}: line ${cell.line} ${JSON.stringify(source)} does not contain raw ${JSON.stringify(cell.raw)}`,
				);
			}
			const isMarker = ZERO_MARKERS.has(normalise(cell.raw));
			if (isMarker ? value !== 0 || cell.status !== 'marker' : numberOfRaw(cell.raw) !== value) {
				problems.push(
					`${path}: raw ${JSON.stringify(cell.raw)} (status ${cell.status}) does not print ${value}`,
				);
			}
		}
		expect(problems).toEqual([]);
	});

	if (truth.labelVariants) {
		it('records the damaged row labels as label variants', () => {
			const paths = parsed().labelVariants.map((v) => v.path);
			expect(paths).toEqual(expect.arrayContaining(truth.labelVariants!));
		});
	}

	if (truth.mustFail.length > 0) {
		it.each(truth.mustFail)('fails $id on $cell with the printed values', (mustFail) => {
			const check = parsed().checks.find(
				(c) => c.id === mustFail.id && c.cells.includes(mustFail.cell),
			);
			expect(check, `no ${mustFail.id} check lists ${mustFail.cell}`).toBeDefined();
			expect(check!.status).toBe('fail');
			expect([check!.expected, check!.actual].map(Number).sort((a, b) => a - b)).toEqual(
				[...mustFail.values].sort((a, b) => a - b),
			);
			if (mustFail.actual !== undefined) expect(check!.actual).toBe(mustFail.actual);
		});
	}

	it(
		truth.mustFail.length > 0 ? 'fails no other hard rule' : 'passes every hard rule H1–H4',
		() => {
			const checks = parsed().checks.filter((c) => HARD_RULES.includes(c.id));
			expect(checks.length).toBeGreaterThan(0);
			const unexpected = checks.filter(
				(c) =>
					c.status === 'fail' &&
					!truth.mustFail.some((m) => m.id === c.id && c.cells.includes(m.cell)),
			);
			expect(
				unexpected.map((c) => `${c.id} ${c.scope}: expected ${c.expected}, actual ${c.actual}`),
			).toEqual([]);
		},
	);
});
