import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../src/lib/model/record.ts';
import { SECTION_KEYS, type SectionKey } from '../../../src/lib/model/vocabulary.ts';
import { sourceChunks, type SourceChunks } from '../../../src/lib/site/source-chunks.ts';

type Sections = ReportRecord['sections'];
const absent = { present: false, headingRaw: null, line: null, endLine: null, text: '' };

function sections(found: Partial<Record<SectionKey, [number, number | null]>>): Sections {
	return Object.fromEntries(
		SECTION_KEYS.map((k) => {
			const f = found[k];
			return [
				k,
				f ? { present: true, headingRaw: k, line: f[0], endLine: f[1], text: 'x' } : absent,
			];
		}),
	) as Sections;
}

/** How many times each line 1..n is shown. */
function shown(chunks: SourceChunks, n: number): number[] {
	const count = new Array<number>(n + 1).fill(0);
	for (const r of [...Object.values(chunks.sections), ...chunks.rest])
		for (let l = r!.start; l <= r!.end; l++) count[l]!++;
	return count.slice(1);
}

describe('sourceChunks', () => {
	it('puts each section from its heading to its last line, and the rest (title, tail) in runs', () => {
		const c = sourceChunks(
			20,
			sections({ overview: [3, 8], activeDisclosure: [9, 14], otherMatters: [15, 18] }),
		);
		expect(c.sections).toEqual({
			overview: { start: 3, end: 8 },
			activeDisclosure: { start: 9, end: 14 },
			otherMatters: { start: 15, end: 18 },
		});
		expect(c.rest).toEqual([
			{ start: 1, end: 2 },
			{ start: 19, end: 20 },
		]);
	});

	it('cuts a section short where the next one begins, and runs a section without an end to the next', () => {
		const c = sourceChunks(10, sections({ overview: [2, 9], applications: [5, null] }));
		expect(c.sections.overview).toEqual({ start: 2, end: 4 });
		expect(c.sections.applications).toEqual({ start: 5, end: 10 });
	});

	it('shows everything in 原文 when no section was found', () => {
		const c = sourceChunks(4, sections({}));
		expect(c.sections).toEqual({});
		expect(c.rest).toEqual([{ start: 1, end: 4 }]);
	});

	it('shows every line exactly once, whatever ranges the parser gave', () => {
		const range = fc.option(
			fc.tuple(fc.integer({ min: -2, max: 40 }), fc.option(fc.integer({ min: -2, max: 45 }))),
			{ nil: undefined },
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 40 }),
				fc.tuple(...SECTION_KEYS.map(() => range)),
				(n, ranges) => {
					const found = Object.fromEntries(
						SECTION_KEYS.flatMap((k, i) => (ranges[i] ? [[k, ranges[i]]] : [])),
					);
					const c = sourceChunks(n, sections(found));
					expect(shown(c, n).every((x) => x === 1)).toBe(true);
					for (const [k, r] of Object.entries(c.sections)) expect(r!.start).toBe(found[k]![0]);
				},
			),
		);
	});
});
