/** A report page shows exactly the numbers the parser produced, with their source lines, and no JavaScript. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, TABLE4_GROUPS } from '../../src/lib/model/vocabulary.ts';
import { cellAnchor } from '../../src/lib/site/cell-anchor.ts';
import { checkKind } from '../../src/lib/site/check-kind.ts';
import { table3Layout } from '../../src/lib/site/table-layout.ts';
import {
	detailOf,
	fetchGunzipped,
	reportPath,
	seedEntry,
	servedRecord,
	startHarness,
	type Harness,
} from './harness.ts';

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

/** The visible value of each number cell (a provenance note is a separate span or CSS ::after). */
async function cellValues(
	page: import('playwright-core').Page,
	selector: string,
): Promise<string[]> {
	return page.$$eval(`${selector} td > :is(a, .num)`, (nums) =>
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
	it('serves the record as gzipped JSON, its passes counted and its cells in cells.csv.gz', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const json = await servedRecord(h.server.origin, seed);
		expect(json.record.table2?.penalty.decisions).toBe(16);
		expect(json.record.table2?.coercion.decisions).toBe(1);
		// No passed check is listed; their counts per rule equal the detail file's every check.
		const { checks } = detailOf(seed);
		expect(json.record.checks.filter((c) => c.status === 'pass')).toEqual([]);
		expect(json.record.checks).toEqual(checks.filter((c) => c.status !== 'pass'));
		const passes: Record<string, number> = {};
		for (const c of checks) if (c.status === 'pass') passes[c.id] = (passes[c.id] ?? 0) + 1;
		expect(json.passedChecks).toEqual(passes);
		const csv = await fetchGunzipped(`${h.server.origin}/data/cells.csv.gz`);
		expect(csv).toContain(
			`${seed.id},${seed.township.code},${seed.year},table2.penalty.decisions,表二,行政处罚,本年处理决定数量,16`,
		);
		expect((await fetch(`${h.server.origin}${reportPath(seed)}record.csv`)).status).toBe(404);
	});

	it('shows the parser’s Table 2, 3 and 4 values cell for cell', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const json = await servedRecord(h.server.origin, seed);
		const { context, page, errors } = await h.open(reportPath(seed));
		const r = json.record;

		const penaltyRow = page.locator('table.t2 tr', {
			has: page.locator('th', { hasText: /^行政处罚$/ }),
		});
		expect((await penaltyRow.locator('td > a').first().textContent())?.startsWith('16')).toBe(true);

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

	it('shows a number’s source line on focus, names it to assistive technology, and links it to that line', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const { context, page } = await h.open(reportPath(seed));
		const cdp = await context.newCDPSession(page);
		// Every number of Tables 2–4 whose note is only its line (the CSS-written note) and one
		// whose note is written out: hidden until focus, then shown, and in the link's accessible name.
		const paths = Object.keys(seed.record.cells).filter((p) => /^table[234]/.test(p));
		expect(paths.length).toBeGreaterThan(0);
		let checked = 0;
		for (const path of [
			'table2.penalty.decisions',
			'table3.newReceived.total',
			'table4.reconsideration.total',
		]) {
			const prov = seed.record.cells[path]!;
			if (prov.line === null) continue;
			const num = page.locator(`td#${cellAnchor(path)} > a`);
			const noteWidth = () =>
				num.evaluate((a) => {
					const span = a.querySelector('.prov');
					if (span) return span.getBoundingClientRect().width;
					const after = getComputedStyle(a, '::after');
					return after.content === 'none' ? 0 : parseFloat(after.width) || 0;
				});
			expect(await noteWidth()).toBeLessThanOrEqual(1);
			await num.focus();
			expect(await noteWidth()).toBeGreaterThan(20);
			expect(await num.getAttribute('href')).toBe(`#L${prov.line}`);
			// The name Chromium gives the link (CSS-generated text included).
			const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
			const { nodeId } = await cdp.send('DOM.querySelector', {
				nodeId: root.nodeId,
				selector: `td#${cellAnchor(path)} > a`,
			});
			const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
				nodeId,
				fetchRelatives: false,
			});
			expect(String(nodes[0]?.name?.value ?? '')).toContain(`第 ${prov.line} 行`);
			checked++;
		}
		expect(checked).toBeGreaterThan(0);
		const prov = seed.record.cells['table2.penalty.decisions']!;
		expect(await page.locator(`#L${prov.line}`).textContent()).toContain('16');
		await context.close();
	});

	it('lists every failed or skipped check with its formula and both sides, and counts the passes per rule', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const { context, page } = await h.open(reportPath(seed));
		const rows = page.locator('#report-checks tbody tr');
		const { checks } = detailOf(seed);
		expect(await rows.count()).toBe(checks.filter((c) => c.status !== 'pass').length);
		const failed = checks.filter((c) => c.status === 'fail');
		// Each failure carries its kind: a contradiction of the report, a reading note or another note.
		for (const kind of ['contradiction', 'reading', 'editorial'])
			expect(await page.locator(`#report-checks tbody [data-kind="${kind}"]`).count()).toBe(
				failed.filter((c) => checkKind(c, seed.record.cells) === kind).length,
			);
		// Failures are shown open, with both sides; passes are counted per rule, with a link to the full list.
		for (const c of failed) {
			if (c.expected === null || c.actual === null) continue;
			const row = page
				.locator('#report-checks-attention tbody tr', { hasText: `${c.expected}` })
				.first();
			expect(await row.isVisible()).toBe(true);
		}
		const passed = page.locator('#report-checks-passed');
		const passes = checks.filter((c) => c.status === 'pass');
		expect(passes.length).toBeGreaterThan(0);
		expect(await passed.getAttribute('data-passed')).toBe(String(passes.length));
		const perRule = await passed
			.locator('[data-rule]')
			.evaluateAll((els) =>
				Object.fromEntries(
					els.map((e) => [e.getAttribute('data-rule'), Number(e.getAttribute('data-count'))]),
				),
			);
		const expected: Record<string, number> = {};
		for (const c of passes) expected[c.id] = (expected[c.id] ?? 0) + 1;
		expect(perRule).toEqual(expected);
		expect(await passed.locator('a[href="/data/#checks-csv"]').count()).toBe(1);
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
