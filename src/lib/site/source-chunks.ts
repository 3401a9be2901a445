/**
 * Which lines of the source each part of the report page shows. The page prints every line of
 * the report exactly once (issue 12 item 5: the six section texts used to repeat the source on the
 * same page): each section's own lines, heading to last line, under its heading; what belongs to
 * no section (the title before the first heading, lines the parser could not place) in the 原文
 * part at the end. Every line keeps its id L<n>, so every cell's and check's line link lands.
 */
import type { ReportRecord } from '../model/record.ts';
import { SECTION_KEYS, type SectionKey } from '../model/vocabulary.ts';

/** Lines start..end, 1-based and inclusive. */
export interface LineRange {
	start: number;
	end: number;
}

export interface SourceChunks {
	/** The lines of each section found with a heading line; a section without one has none. */
	sections: Partial<Record<SectionKey, LineRange>>;
	/** The lines of no section, as runs in order. */
	rest: LineRange[];
}

/**
 * A section runs from its heading to its endLine, cut short where the next section (in line
 * order) begins, so no line is shown twice even when the parser's ranges overlap.
 */
export function sourceChunks(lineCount: number, sections: ReportRecord['sections']): SourceChunks {
	const starts = SECTION_KEYS.flatMap((key) => {
		const s = sections[key];
		return s.present && s.line !== null && s.line >= 1 && s.line <= lineCount
			? [{ key, start: s.line, end: s.endLine ?? lineCount }]
			: [];
	}).sort((a, b) => a.start - b.start);
	const out: SourceChunks = { sections: {}, rest: [] };
	const covered = new Array<boolean>(lineCount + 1).fill(false);
	starts.forEach((s, i) => {
		const next = starts[i + 1]?.start ?? lineCount + 1;
		const end = Math.min(s.end, next - 1, lineCount);
		if (end < s.start || covered[s.start]) return;
		out.sections[s.key] = { start: s.start, end };
		for (let l = s.start; l <= end; l++) covered[l] = true;
	});
	for (let l = 1; l <= lineCount; l++) {
		if (covered[l]) continue;
		const last = out.rest[out.rest.length - 1];
		if (last && last.end === l - 1) last.end = l;
		else out.rest.push({ start: l, end: l });
	}
	return out;
}
