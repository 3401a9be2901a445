/**
 * A table printed in pieces repeats its column-header row (`| 类别 | 数据1 | … | 总计 |`, or the
 * column names after a page break). Such a row holds neither values nor a row label: its `其他`
 * is not the 3.其他 row and its `总计` is not the （七）总计 row. Drop it once the rows have begun.
 */
import { compact } from './source.ts';
import type { Token } from './tokens.ts';

/** Words that name Table 3 columns (or stand in for them) rather than rows. */
const COLUMN_WORD =
	/^(?:自然人|法人或其他组织|商业企业|科研机构|社会公益组织|社会组织|法律服务机构|其他|总计|小计|合计|类别|项目|申请人情况|数据\d+|列\d+)$/;

/** Tokens without the header lines that come after the first number (the first header stays). */
export function withoutRepeatedHeaders(tokens: Token[]): Token[] {
	const firstNumber = tokens.findIndex((t) => t.kind === 'num');
	if (firstNumber === -1) return tokens;
	const byLine = new Map<number, Token[]>();
	for (const t of tokens.slice(firstNumber)) {
		const line = byLine.get(t.line);
		if (line) line.push(t);
		else byLine.set(t.line, [t]);
	}
	const headerLines = new Set<number>();
	for (const [line, ts] of byLine) {
		if (ts.some((t) => t.kind === 'num')) continue;
		const words = ts.filter((t) => t.kind === 'text').map((t) => compact(t.text));
		if (words.filter((w) => COLUMN_WORD.test(w)).length >= 3) headerLines.add(line);
	}
	if (headerLines.size === 0) return tokens;
	return tokens.filter((t, i) => i < firstNumber || !headerLines.has(t.line));
}
