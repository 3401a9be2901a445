/**
 * Issue 10, items 8 and 9, against the built site: the data dictionary is grouped by table with
 * one row per Table 3 row and a filter box that works (and a full list without JavaScript);
 * key-figures.csv has one row per report and its figures equal each report's record.json; /data/
 * states the data version (the hash of reports.json's reports), the build date every footer
 * shows, the report count and a citation; a report page states its 收录日期.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportEntry } from '../../src/lib/model/entry.ts';
import { TABLE3_ROWS } from '../../src/lib/model/vocabulary.ts';
import { readCsvObjects } from '../support/read-csv.ts';
import {
	fetchGunzipped,
	generatedEntries,
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

const get = async (path: string) => {
	const response = await fetch(`${h.server.origin}${path}`);
	expect(response.status, path).toBe(200);
	return response;
};

/** A sum that is empty when any part is (the CSV's empty field); worked out here from record.json. */
const sum = (values: (number | null | undefined)[]) =>
	values.some((v) => v === null || v === undefined)
		? ''
		: String(values.reduce<number>((a, b) => a + b!, 0));

describe('key-figures.csv', () => {
	it('has one row per report, and each figure equals the report’s record.json', async () => {
		const rows = readCsvObjects(await (await get('/data/key-figures.csv')).text());
		const entries = generatedEntries();
		expect(rows.map((r) => r.reportId).sort()).toEqual(entries.map((e) => e.id).sort());
		for (const entry of entries) {
			const { record } = await servedRecord(h.server.origin, entry);
			const row = rows.find((r) => r.reportId === entry.id)!;
			const t3 = record.table3;
			const total = (key: string) =>
				(t3 as Record<string, { total: number | null } | null> | null)?.[key]?.total;
			const t2 = record.table2 ?? record.table2v2019;
			expect(row, entry.id).toMatchObject({
				townshipCode: entry.township.code,
				year: String(entry.year),
				townshipName: entry.township.name,
				applicationsReceived: sum([total('newReceived')]),
				applicationsCarriedOver: sum([total('carriedOver')]),
				applicationsTotal: sum([total('newReceived'), total('carriedOver')]),
				granted: sum([total('granted')]),
				denied: sum(TABLE3_ROWS.filter((r) => r.startsWith('denied')).map(total)),
				otherHandled: t3?.otherCombined
					? sum([t3.otherCombined.total])
					: sum(['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'].map(total)),
				resultsTotal: sum([total('resultsTotal')]),
				carriedForward: sum([total('carriedForward')]),
				penalty: sum([t2?.penalty.decisions]),
				licensing: sum([t2?.licensing.decisions]),
				reconsideration: sum([record.table4?.reconsideration.total]),
				litigation: sum([
					record.table4?.litigationDirect.total,
					record.table4?.litigationAfterReconsideration.total,
				]),
				checksFailed: String(record.checks.filter((c) => c.status === 'fail').length),
			});
		}
		// The seed 旧县镇 2023 printed 16 penalty decisions: a figure that is not zero is carried.
		expect(rows.find((r) => r.reportId === seedEntry('旧县镇', 2023).id)!.penalty).toBe('16');
	});
});

describe('/data/', () => {
	it('states the data version, the build date of every footer, the report count and a citation', async () => {
		const json = JSON.parse(await fetchGunzipped(`${h.server.origin}/data/reports.json.gz`)) as {
			reports: unknown[];
		};
		const hash = createHash('sha256')
			.update(json.reports.map((r) => JSON.stringify(r)).join(''))
			.digest('hex');
		const { context, page, errors } = await h.open('/data/');
		const version = await page.locator('#data-version [data-version]').innerText();
		expect(version).toBe(hash.slice(0, 12));
		const facts = await page.locator('#data-version').innerText();
		const footerDate = await page.locator('.site-footer time').first().getAttribute('datetime');
		expect(await page.locator('#data-version time').getAttribute('datetime')).toBe(footerDate);
		expect(
			Number(await page.locator('#data-version [data-reports]').getAttribute('data-reports')),
		).toBe(generatedEntries().length);
		expect(facts).toContain('最后更新');
		const zh = await page.locator('pre[data-citation="zh"]').innerText();
		const en = await page.locator('pre[data-citation="en"]').innerText();
		expect(zh).toContain(`版本 ${version}`);
		expect(zh).toMatch(/^《乡镇政府信息公开工作年度报告数据》/);
		expect(zh).toMatch(/取自 https?:\/\/\S+\/data\//);
		expect(en).toContain(`version ${version}`);
		expect(await page.locator('#downloads a[href="/data/key-figures.csv"]').count()).toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('/data-dictionary/', () => {
	it('is grouped by table with one row per Table 3 row, and the filter narrows it', async () => {
		const { context, page, errors } = await h.open('/data-dictionary/');
		for (const id of [
			'reports-csv-report',
			'reports-csv-table2',
			'reports-csv-table3',
			'reports-csv-table4',
		])
			expect(await page.locator(`h3#${id}`).count(), id).toBe(1);
		const table3Rows = page.locator('tr[data-prefix^="table3."]');
		expect(await table3Rows.count()).toBe(TABLE3_ROWS.length);
		// No row per cell: every key shown is a row prefix or a column of another kind, never table3.<row>.<col>.
		const keys = await page.locator('tr[data-dict-row] > th code').allInnerTexts();
		expect(keys.filter((k) => /^table3\.\w+\.\w+$/.test(k))).toEqual([]);
		expect(await page.locator('#key-figures-csv').count()).toBe(1);

		const all = await page.locator('tr[data-dict-row]').count();
		const box = page.locator('#dictionary-filter input');
		expect(await box.isVisible()).toBe(true);
		await box.fill('table3.granted.total');
		const visible = page.locator('tr[data-dict-row]:visible');
		expect(await visible.count()).toBeGreaterThan(0);
		expect(await visible.count()).toBeLessThan(all);
		expect(await page.locator('tr[data-prefix="table3.granted"]').isVisible()).toBe(true);
		expect(await page.locator('tr[data-prefix="table3.carriedOver"]').isVisible()).toBe(false);
		expect(await page.locator('#reports-csv-table4').isVisible()).toBe(false);
		expect(await page.locator('#dictionary-count').innerText()).toMatch(
			new RegExp(`^显示 ${await visible.count()} / ${all} 项`),
		);

		await box.fill('收录日期');
		expect(await page.locator('tr[data-dict-row]:visible').count()).toBeGreaterThanOrEqual(2);
		await box.fill('');
		expect(await page.locator('tr[data-dict-row]:visible').count()).toBe(all);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('lists every row without JavaScript, with no filter box', async () => {
		const context = await h.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${h.server.origin}/data-dictionary/`);
		const rows = page.locator('tr[data-dict-row]');
		expect(await rows.count()).toBeGreaterThan(TABLE3_ROWS.length);
		expect(await page.locator('tr[data-dict-row]:visible').count()).toBe(await rows.count());
		expect(await page.locator('#dictionary-filter').isVisible()).toBe(false);
		await context.close();
	});
});

describe('a report page', () => {
	it('states 收录日期 beside 最后更新, and 未记录 when the collection has no date', async () => {
		const seed = seedEntry('旧县镇', 2023);
		const { context, page } = await h.open(reportPath(seed));
		const trust = await page.locator('.site-footer .trust').innerText();
		expect(trust).toMatch(/最后更新：.+收录日期：/);
		const added = page.locator('[data-date-added]');
		// The seeds came without a provenance sidecar: no date recorded, and none invented.
		expect(seed.provenance).toBeUndefined();
		expect(await added.getAttribute('data-date-added')).toBe('');
		expect(await added.innerText()).toContain('收录日期：未记录');
		await context.close();
	});
});
