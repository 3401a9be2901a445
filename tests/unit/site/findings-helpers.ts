/** Reads a finding back the way a test checks it: each figure's cells added up from the entries they name. */
import type { ReportEntry } from '../../../src/lib/model/entry.ts';
import { leafAt as valueAt } from '../../support/record-leaves.ts';
import type { Figure, Finding } from '../../../src/lib/site/findings.ts';

export const figuresOf = (findings: Finding[]): Figure[] =>
	findings.flat().filter((p): p is Figure => typeof p !== 'string' && p.kind === 'figure');

/** The sum of a figure's cells in the given entries; null when any cell is unknown. */
export function sumOfCells(figure: Figure, entries: readonly ReportEntry[]): number | null {
	let sum = 0;
	for (const { report, path } of figure.cells) {
		const entry = entries.find((e) => e.id === report);
		if (!entry) throw new Error(`figure names unknown report ${report}`);
		const v = valueAt(entry.record, path);
		if (typeof v !== 'number') return null;
		sum += v;
	}
	return sum;
}
