/**
 * Pages tell a reader what the report says (issue 10): the 要点 block opens report, township,
 * year, region and home pages, and every figure in it adds up from the records it names; no line
 * chart is drawn over a single year; a report with warnings only shows no red badge; at phone
 * width no page is wider than the screen and Table 3's 总计 is on screen without sideways scrolling.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../src/lib/model/entry.ts';
import { leafAt as valueAt } from '../support/record-leaves.ts';
import { checkKind } from '../../src/lib/site/check-kind.ts';
import {
	generatedEntries,
	pageTypes,
	reportPath,
	seedEntry,
	servedRecord,
	startHarness,
	townshipPath,
	type Harness,
} from './harness.ts';
import { cellAnchor, legacyCellAnchor } from '../../src/lib/site/cell-anchor.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Each record as the site serves it (record.json.gz), by entry id. */
async function servedRecords(): Promise<Map<string, ReportEntry>> {
	const out = new Map<string, ReportEntry>();
	for (const e of generatedEntries()) out.set(e.id, await servedRecord(h.server.origin, e));
	return out;
}

/** The figures of the 要点 block: shown text and the cells it names. */
const findingFigures = (page: Page) =>
	page.$$eval('.findings a.fig', (links) =>
		links.map((a) => ({
			text: a.textContent!.trim(),
			cells: (a as HTMLElement).dataset.cells!.split(' ').filter(Boolean),
			href: a.getAttribute('href')!,
		})),
	);

function pagesWithFindings(): [string, string][] {
	const entries = generatedEntries();
	const report = seedEntry('旧县镇', 2023);
	const years = [...new Set(entries.map((e) => e.year))];
	return [
		['home', '/'],
		...entries.map((e) => [`report ${e.id}`, reportPath(e)] as [string, string]),
		...entries.map((e) => [`township ${e.township.code}`, townshipPath(e)] as [string, string]),
		...years.map((y) => [`year ${y}`, `/years/${y}/`] as [string, string]),
		['province', `/regions/${report.township.province!.code}/`],
		['county', `/regions/${report.township.county!.code}/`],
		['year province', `/years/${report.year}/${report.township.province!.code}/`],
		['year county', `/years/${report.year}/${report.township.county!.code}/`],
	];
}

describe('要点 block', () => {
	it.each(pagesWithFindings())(
		'%s (%s): opens the page, and each figure equals its cells in record.json',
		async (_type, path) => {
			const records = await servedRecords();
			const { context, page, errors } = await h.open(path, DESKTOP);
			const block = page.locator('section.findings');
			expect(await block.count()).toBe(1);
			// Before the tables: the block comes ahead of any table on the page.
			const first = await page.evaluate(() => {
				const f = document.querySelector('section.findings')!;
				const t = document.querySelector('main table');
				return !t || Boolean(f.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
			});
			expect(first).toBe(true);
			const figures = await findingFigures(page);
			for (const f of figures) {
				expect(f.cells.length).toBeGreaterThan(0);
				let sum: number | null = 0;
				for (const ref of f.cells) {
					const [id, cellPath] = ref.split('/') as [string, string];
					const v = valueAt(records.get(id)!.record, cellPath);
					sum = typeof v === 'number' && sum !== null ? sum + v : null;
				}
				expect(f.text).toBe(sum === null ? '未填报' : sum.toLocaleString('en-US'));
				// The link leads to the first cell, on the page of the report that printed it.
				const [id, cellPath] = f.cells[0]!.split('/') as [string, string];
				const entry = records.get(id)!;
				expect(f.href).toMatch(
					new RegExp(
						`(^|/townships/${entry.township.code}/${entry.year}/)#${cellAnchor(cellPath)}$`,
					),
				);
			}
			expect(errors).toEqual([]);
			await context.close();
		},
	);

	it('on the report page, a figure’s link lands on the table cell that shows the same number', async () => {
		const entry = seedEntry('旧县镇', 2023);
		const { context, page } = await h.open(reportPath(entry), DESKTOP);
		const penalty = page.locator('.findings a.fig[data-cells$="table2.penalty.decisions"]');
		expect(await penalty.textContent()).toBe('16');
		const target = (await penalty.getAttribute('href'))!.slice(1);
		expect(await page.locator(`td#${target} > a`).first().textContent()).toMatch(/^16/);
		// Links made before the short ids (#cell-table2-penalty-decisions) still land on the number.
		const old = page.locator(`td#${target} > a#${legacyCellAnchor('table2.penalty.decisions')}`);
		expect(await old.textContent()).toMatch(/^16/);
		await context.close();
	});
});

describe('charts fit their data', () => {
	it('no line chart is drawn over a single year, on any township page', async () => {
		const byTownship = Map.groupBy(generatedEntries(), (e) => e.township.code);
		for (const [code, reports] of byTownship) {
			const { context, page } = await h.open(`/townships/${code}/`, DESKTOP);
			await page.evaluate(async () => {
				for (let y = 0; y < document.body.scrollHeight; y += 400) {
					window.scrollTo(0, y);
					await new Promise((r) => setTimeout(r, 30));
				}
			});
			const specs = await page.$$eval('canvas[data-chart]', (cs) =>
				cs.map(
					(c) =>
						JSON.parse((c as HTMLElement).dataset.chart!) as { kind: string; labels: string[] },
				),
			);
			const years = new Set(reports.map((r) => r.year)).size;
			for (const s of specs) if (s.kind === 'line') expect(s.labels.length).toBeGreaterThan(1);
			if (years === 1) {
				expect(specs).toEqual([]);
				// The figures are still there, as tables, under a sentence.
				expect(await page.locator('figure.chart[data-form="figures"] table').count()).toBe(3);
				// And the page does not load Chart.js at all.
				expect(
					await page.locator('script[src*="lazy-charts"], script[type="module"]').count(),
				).toBe(0);
			}
			await context.close();
		}
	});
});

describe('warnings are not failures', () => {
	it('a report with warnings only shows no red badge, on its page, its township page and the year table', async () => {
		const entry = seedEntry('旧县镇', 2023);
		const all = [...entry.record.checks, ...entry.crossYearChecks];
		// The premise: this seed fails only warnings (H7, S6, S9), no number rule.
		expect(all.some((c) => c.status === 'fail')).toBe(true);
		expect(all.every((c) => checkKind(c, entry.record.cells) !== 'contradiction')).toBe(true);
		for (const path of [
			reportPath(entry),
			townshipPath(entry),
			`/years/${entry.year}/`,
			`/years/${entry.year}/${entry.township.county!.code}/`,
		]) {
			const { context, page } = await h.open(path, DESKTOP);
			expect(await page.locator('[data-kind="contradiction"]').count()).toBe(0);
			const red = await page.$$eval('main *', (els) =>
				els
					.filter((el) => {
						const s = getComputedStyle(el);
						const isRed = (c: string) => c === 'rgb(164, 22, 26)' || c === 'rgb(253, 236, 236)';
						return (
							(el.textContent ?? '').trim() !== '' && (isRed(s.color) || isRed(s.backgroundColor))
						);
					})
					.map((el) => el.outerHTML.slice(0, 80)),
			);
			expect(red, path).toEqual([]);
			await context.close();
		}
		// The reading notes are there, as neutral badges.
		const { context, page } = await h.open(reportPath(entry), DESKTOP);
		expect(await page.locator('#report-checks [data-kind="reading"]').count()).toBeGreaterThan(0);
		await context.close();
	});

	it('the home page counts no warnings as failures', async () => {
		const { context, page } = await h.open('/', DESKTOP);
		expect(await page.textContent('main')).not.toMatch(/未通过/);
		await context.close();
	});
});

describe('at phone width', () => {
	it.each(pageTypes())('%s page (%s) is no wider than the screen', async (type, path) => {
		const { context, page } = await h.open(path, PHONE);
		if (type === 'search') await page.waitForSelector('#search-list a[href]', { timeout: 20_000 });
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(PHONE.width);
		await context.close();
	});

	it('Table 3 shows every row’s 总计 on screen without sideways scrolling', async () => {
		const entry = seedEntry('旧县镇', 2023);
		const { context, page } = await h.open(reportPath(entry), PHONE);
		const boxes = await page.$$eval('table.t3 tbody tr', (rows) =>
			rows.map((tr) => {
				const cells = tr.querySelectorAll('td');
				const total = cells[cells.length - 1]!;
				const r = total.getBoundingClientRect();
				// The column name the phone view shows before the value (CSS, by column position).
				const label = getComputedStyle(total, '::before').content.replace(/^"|"$/g, '');
				return { left: r.left, right: r.right, width: r.width, label };
			}),
		);
		expect(boxes.length).toBeGreaterThanOrEqual(25);
		for (const b of boxes) {
			expect(b.label).toBe('总计');
			expect(b.width).toBeGreaterThan(0);
			expect(b.left).toBeGreaterThanOrEqual(0);
			expect(b.right).toBeLessThanOrEqual(PHONE.width);
		}
		const scrolls = await page.$eval('table.t3', (t) => {
			const box = t.closest('.table-scroll') as HTMLElement;
			return box.scrollWidth > box.clientWidth;
		});
		expect(scrolls).toBe(false);
		// Touch wording for the help text.
		await context.close();
	});

	it('a long report page offers its contents list from anywhere', async () => {
		const entry = seedEntry('旧县镇', 2023);
		const { context, page } = await h.open(reportPath(entry), PHONE);
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
		const back = page.locator('a.back-to-contents');
		expect(await back.isVisible()).toBe(true);
		await back.click();
		expect(await page.locator('#contents').isVisible()).toBe(true);
		await context.close();
	});
});

describe('trust basics', () => {
	it.each(pageTypes())(
		'%s page (%s) says when it was built and how to report a mistake',
		async (_t, path) => {
			const res = await fetch(h.server.origin + path);
			const html = await res.text();
			expect(html).toMatch(/最后更新：<time datetime="\d{4}-\d{2}-\d{2}"/);
			expect(html).toContain('纠错与反馈');
		},
	);
});
