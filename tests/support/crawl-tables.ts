/**
 * Test support: the shapes in which crawled web pages deliver a report's HTML tables as text
 * (surveyed in tests/fixtures/survey/PHENOMENA.md). Each converter takes the html layout of
 * render-report.ts (one `<tr>` per row, origin cells only, colspan/rowspan attributes) and prints
 * every table the way one family of crawlers does. Cells keep their text; only separators, line
 * breaks and padding change, so the truth stays what the html layout was rendered from.
 */
import type { TextDamage } from './table-damage.ts';

/** How a crawler prints one table: each shape is seen on several publishers' pages. */
export type CrawlShape =
	/** `| a | b | ` then one bare `|` per cell the row lacks (`| 第二十条第(一)项 | |||`). */
	| 'barRows'
	/** The same without the leading bar: `a | b | ||`. */
	| 'barRowsNoLead'
	/** One cell per line closed by ` |`, the missing cells as a line of bars (`|||`). */
	| 'cellLinesClosed'
	/** One cell per line, a line holding only `|` after every cell, no padding. */
	| 'cellLinesBarBetween'
	/** Each row opened by a `| ` line, each cell on its own line as ` text  | `. */
	| 'rowOpenerLines'
	/** Every cell a paragraph of its own, blank lines between, numbers with a leading space. */
	| 'paragraphs';

interface Td {
	text: string;
	colspan: number;
}

function parseRows(table: string): Td[][] {
	return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
		[...tr[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((td) => ({
			text: td[2]!,
			colspan: Number(/colspan="(\d+)"/.exec(td[1]!)?.[1] ?? 1),
		})),
	);
}

const isNumber = (s: string) => /^[-+]?\d+(\.\d+)?$/.test(s);

function printTable(rows: Td[][], shape: CrawlShape): string[] {
	const width = Math.max(...rows.map((r) => r.reduce((a, td) => a + td.colspan, 0)));
	const out: string[] = [];
	for (const row of rows) {
		const texts = row.map((td) => td.text);
		const pad = '|'.repeat(Math.max(0, width - row.length));
		switch (shape) {
			case 'barRows':
				out.push(`| ${texts.join(' | ')} | ${pad}`);
				break;
			case 'barRowsNoLead':
				out.push(`${texts.join(' | ')} | ${pad}`);
				break;
			case 'cellLinesClosed':
				out.push(...texts.map((t) => `${t} |`));
				if (pad) out.push(pad);
				break;
			case 'cellLinesBarBetween':
				for (const t of texts) out.push(t, '|');
				break;
			case 'rowOpenerLines':
				out.push('| ', ...texts.map((t, i) => ` ${t}  | ${i === texts.length - 1 ? pad : ''}`));
				break;
			case 'paragraphs':
				for (const t of texts) {
					// A header wrapped inside its cell becomes two paragraphs (商业 / 企业).
					const parts = t.split('\n').map((p) => (isNumber(p) ? ` ${p}` : p));
					for (const p of parts) out.push(p, '');
				}
				break;
		}
	}
	return out;
}

/** Print every html table of a rendered report in one crawl shape. */
export function crawlTables(shape: CrawlShape): TextDamage {
	return (text) => ({
		text: text.replace(/<table[^>]*>\n([\s\S]*?)<\/table>/g, (_, body: string) =>
			printTable(parseRows(body), shape).join('\n'),
		),
		allowedUnassigned: [],
	});
}
