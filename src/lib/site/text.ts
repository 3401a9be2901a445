/**
 * Narrative section text as readable paragraphs. Reports arrive as Markdown-ish text
 * (**bold** runs, `- ` bullets, `#` headings) from converters; pages show the words, not the marks.
 */

/** Paragraphs separated by blank lines; markup stripped; empty paragraphs dropped. */
export function paragraphs(text: string): string[] {
	return text
		.split(/\n[ \t\u3000\u00a0]*\n/)
		.map((p) =>
			p
				.split('\n')
				.map((line) =>
					line
						.replace(/^\s*(?:#{1,6}\s+|[-*]\s+)/, '')
						.replace(/\*\*/g, '')
						.trim(),
				)
				.filter((line) => line !== '')
				.join('\n'),
		)
		.filter((p) => p !== '');
}

/** The source as numbered lines (1-based, like the parser's provenance); a final newline adds no line. */
export function sourceLines(text: string): string[] {
	const lines = text.split(/\r\n|\r|\n/);
	if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
	return lines;
}
