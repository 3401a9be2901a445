/** Glyph runs with positions → lines, table rows and whole labels (synthetic pages, 10 pt text). */
import { describe, expect, it } from 'vitest';
import { pdfPagesToText } from '../../../src/lib/report/extract/pdf-rows.ts';
import { page, run } from '../../support/pdf-runs.ts';

/** A table row: a label at x=50, numbers every 40 units from x=300. */
const row = (label: string | null, y: number, numbers: string[]) => [
	...(label ? [run(label, 50, y)] : []),
	...numbers.map((n, i) => run(n, 300 + 40 * i, y)),
];

describe('pdfPagesToText', () => {
	it('writes a line of cells separated by wide gaps as a pipe row, framed by blank lines', () => {
		const { text } = pdfPagesToText([
			page(
				run('二、主动公开政府信息情况', 50, 700),
				...row('行政许可', 680, ['30']),
				...row('行政处罚', 660, ['11']),
			),
		]);
		expect(text).toBe('二、主动公开政府信息情况\n\n| 行政许可 | 30 |\n| 行政处罚 | 11 |\n');
	});

	it('joins a label wrapped above and below its numbers (text centred in a ruled cell)', () => {
		const { text } = pdfPagesToText([
			page(
				...row('1.属于国家秘密', 700, ['5', '0', '5']),
				run('2.其他法律行政法规禁', 50, 680),
				...row(null, 672.5, ['4', '0', '4']),
				run('止公开', 50, 665),
				...row('3.危及“三安全一稳定”', 645, ['1', '1', '2']),
			),
		]);
		expect(text.trim().split('\n')).toEqual([
			'| 1.属于国家秘密 | 5 | 0 | 5 |',
			'| 2.其他法律行政法规禁止公开 | 4 | 0 | 4 |',
			'| 3.危及“三安全一稳定” | 1 | 1 | 2 |',
		]);
	});

	it('joins a group label wrapped over two rows (top-aligned, beside the row labels)', () => {
		const { text } = pdfPagesToText([
			page(
				run('（三）不', 0, 700),
				...row('1.属于国家秘密', 700, ['5']),
				run('予公开', 0, 685),
				...row('2.其他法律行政法规禁止公开', 685, ['4']),
			),
		]);
		expect(text.trim().split('\n')).toEqual([
			'| （三）不予公开 | 1.属于国家秘密 | 5 |',
			'| 2.其他法律行政法规禁止公开 | 4 |',
		]);
	});

	it('drops page numbers and a header repeated on every page', () => {
		const { text, dropped } = pdfPagesToText([
			page(
				run('某镇人民政府政务公开', 200, 780),
				run('一、总体情况', 50, 700),
				run('- 1 -', 280, 30),
			),
			page(
				run('某镇人民政府政务公开', 200, 780),
				run('二、主动公开政府信息情况', 50, 700),
				run('第 2 页', 280, 30),
			),
		]);
		expect(text).toBe('一、总体情况\n二、主动公开政府信息情况\n');
		expect(dropped).toBe(4);
	});

	it('joins prose wrapped at the right margin, but not after a finished sentence or before an indent', () => {
		const full = '本机关认真贯彻落实政府信息公开条例坚持以公开为常态不公开为例'; // 31 chars: to x=360
		const { text } = pdfPagesToText([
			page(
				run(full, 50, 700),
				run('外推进工作。', 50, 685),
				run('（一）主动公开情况，详见下表说明。', 70, 670),
				run(full.slice(0, 30) + '。', 50, 655),
				run('二、主动公开政府信息情况', 50, 640),
			),
		]);
		expect(text.trim().split('\n')).toEqual([
			`${full}外推进工作。`,
			'（一）主动公开情况，详见下表说明。',
			`${full.slice(0, 30)}。`,
			'二、主动公开政府信息情况',
		]);
	});
});
