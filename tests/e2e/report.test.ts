/** A report page shows exactly the numbers the parser produced, with their source lines, and no JavaScript. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../../src/lib/model/vocabulary.ts';
import type { ReportEntry } from '../../src/lib/model/entry.ts';
import { checkKind } from '../../src/lib/site/check-kind.ts';
import { table3Layout } from '../../src/lib/site/table-layout.ts';
import { detailOf, reportPath, seedEntry, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

/** How a value must read in a table cell. */
const shown = (v: number | null | undefined) =>
	v === null || v === undefined ? '未填报' : v.toLocaleString('en-US');

/** The visible value of each number cell (the provenance note is in a separate span). */
async function cellValues(
	page: import('playwright-core').Page,
	selector: string,
): Promise<string[]> {
	return page.$$eval(`${selector} td.n .num`, (nums) =>
		nums.map((n) =>
			[...n.childNodes]
				.filter((c) => !(c instanceof HTMLElement && c.classList.contains('prov')))
				.map((c) => c.textContent)
				.join('')
				.trim(),
		),
	);
}

describe('report page of 旧县镇 2023', () => {
	it('serves the record as JSON and CSV', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const json = (await (
			await fetch(`${h.server.origin}${reportPath(seed)}record.json`)
		).json()) as ReportEntry;
		expect(json.record.table2?.penalty.decisions).toBe(16);
		expect(json.record.table2?.coercion.decisions).toBe(1);
		const csv = await (
			await fetch(`${h.server.origin}${reportPath(seed)}record.csv`)
		).arrayBuffer();
		expect([...new Uint8Array(csv.slice(0, 3))]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(csv)).toContain(
			'table2.penalty.decisions,表二,行政处罚,本年处理决定数量,16',
		);
	});

	it('shows the parser’s Table 2, 3 and 4 values cell for cell', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const json = (await (
			await fetch(`${h.server.origin}${reportPath(seed)}record.json`)
		).json()) as ReportEntry;
		const { context, page, errors } = await h.open(reportPath(seed));
		const r = json.record;

		const penaltyRow = page.locator('table.t2 tr', {
			has: page.locator('th', { hasText: /^行政处罚$/ }),
		});
		expect((await penaltyRow.locator('td.n .num').first().textContent())?.startsWith('16')).toBe(
			true,
		);

		const t2 = r.table2!;
		expect(await cellValues(page, 'table.t2')).toEqual(
			[
				t2.regulations.issued,
				t2.regulations.repealed,
				t2.regulations.inForce,
				t2.normativeDocuments.issued,
				t2.normativeDocuments.repealed,
				t2.normativeDocuments.inForce,
				t2.licensing.decisions,
				t2.penalty.decisions,
				t2.coercion.decisions,
			]
				.map(shown)
				.concat(
					t2.fees.amountWan === null
						? '未填报'
						: t2.fees.amountRaw?.trim() || String(t2.fees.amountWan),
				),
		);

		const t3 = r.table3 as unknown as Record<string, Record<string, number | null>>;
		const version = r.table3?.otherCombined ? '2019' : '2021';
		const expected3 = table3Layout(version).flatMap((row) =>
			TABLE3_COLUMNS.map((c) => shown(t3[row.key]?.[c])),
		);
		expect(await cellValues(page, 'table.t3')).toEqual(expected3);

		const expected4 = TABLE4_GROUPS.flatMap((g) =>
			TABLE4_COLUMNS.map((c) => shown(r.table4![g][c])),
		);
		expect(await cellValues(page, 'table.t4')).toEqual(expected4);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows a number’s source line on focus and links it to that line of the original', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const prov = seed.record.cells['table2.penalty.decisions']!;
		const { context, page } = await h.open(reportPath(seed));
		const num = page
			.locator('table.t2 tr', { has: page.locator('th', { hasText: /^行政处罚$/ }) })
			.locator('.num')
			.first();
		const note = num.locator('.prov');
		expect((await note.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
		await num.focus();
		expect((await note.boundingBox())!.width).toBeGreaterThan(20);
		expect(await note.textContent()).toContain(`第 ${prov.line} 行`);
		expect(await num.getAttribute('href')).toBe(`#L${prov.line}`);
		expect(await page.locator(`#L${prov.line}`).textContent()).toContain('16');
		await context.close();
	});

	it('lists every check with its formula and both sides', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const { context, page } = await h.open(reportPath(seed));
		const rows = page.locator('#report-checks tbody tr');
		const { checks } = detailOf(seed);
		expect(await rows.count()).toBe(checks.length);
		const failed = checks.filter((c) => c.status === 'fail');
		// Each failure carries its kind: a contradiction of the report, a reading note or another note.
		for (const kind of ['contradiction', 'reading', 'editorial'])
			expect(await page.locator(`#report-checks tbody [data-kind="${kind}"]`).count()).toBe(
				failed.filter((c) => checkKind(c, seed.record.cells) === kind).length,
			);
		// Failures are shown open, with both sides; passes are folded away but still in the page.
		for (const c of failed) {
			if (c.expected === null || c.actual === null) continue;
			const row = page
				.locator('#report-checks-attention tbody tr', { hasText: `${c.expected}` })
				.first();
			expect(await row.isVisible()).toBe(true);
		}
		expect(await page.locator('#report-checks-passed').isVisible()).toBe(false);
		await context.close();
	});

	it('ships no JavaScript and shows 未填报 apart from 0', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const { context, page } = await h.open(reportPath(seed));
		expect(await page.locator('script').count()).toBe(0);
		const colours = await page.evaluate(() => {
			const probe = (html: string) => {
				const el = document.createElement('span');
				el.innerHTML = html;
				document.body.append(el);
				const s = getComputedStyle(el.firstElementChild!);
				return `${s.color} ${s.backgroundColor} ${s.borderStyle}`;
			};
			return { nr: probe('<span class="nr">未填报</span>'), zero: probe('<span>0</span>') };
		});
		expect(colours.nr).not.toBe(colours.zero);
		await context.close();
	});
});
