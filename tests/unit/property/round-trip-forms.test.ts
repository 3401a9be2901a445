/**
 * The round trip (round-trip.test.ts) through the published forms: a random valid truth,
 * rendered in the `html` layout with random harmless variants, dressed as a web page, fragment,
 * Word HTML or escaped-in-script page (render-forms.ts) and read with readReportFile, must give
 * back exactly that truth; a few cases also go through Chromium's print-to-PDF (ruled or
 * borderless) and the PDF text layer. Numbers the renderer printed outside the canonical cells
 * (subtotals, zero-filled merged cells) must be reported in `unassigned`, no more and no fewer
 * (compared by value: lines are those of the derived text, not of the rendering).
 *
 * Fixed seeds. Measured on the shared 2-core machine: 100 HTML cases in about 15 s; 6 PDF cases
 * (Chromium print + pdfjs) in about 15–25 s.
 */
import fc from 'fast-check';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportFile, type ReportRecord } from '../../../src/lib/report/index.ts';
import {
	PDF_OPTIONS,
	htmlVariant,
	printableHtml,
	type HtmlVariant,
} from '../../support/render-forms.ts';
import { renderReport, type ReportTruth } from '../../support/render-report.ts';
import { anyTruthArb, foldWidth, renderOptionsArb } from '../../support/report-arbitraries.ts';

const HTML_RUNS = 100;
const PDF_RUNS = 6;
const VARIANTS: HtmlVariant[] = ['page', 'fragment', 'word', 'script', 'script-entities'];

const caseArb = anyTruthArb.chain((c) =>
	renderOptionsArb('html', c.printed).map((options) => ({ ...c, options })),
);
/**
 * PDF cases leave out the 小计 column: which of eight numbers is the subtotal is read from the
 * header's column order, and a PDF's wrapped, centred header cells come out of line order
 * (reported as a limitation, not hidden by a weaker check); and full-width digits, whose
 * four-digit numbers overflow the narrow columns of a portrait A4 page into their neighbours.
 */
const pdfCaseArb = caseArb.map((c) => ({
	...c,
	options: { ...c.options, subtotalColumn: undefined, fullWidthDigits: undefined },
}));
const normalise = (s: string) => foldWidth(s).replace(/[\s\u00a0\u3000]/g, '');

function expectTruth(record: ReportRecord, truth: ReportTruth, allowed: { raw: string }[]) {
	expect(record.formatVersion).toBe(truth.formatVersion);
	if (truth.table2v2019) {
		expect(record.table2v2019).toEqual(truth.table2v2019);
		expect(record.table2).toBeNull();
	} else {
		expect(record.table2).toEqual(truth.table2);
		expect(record.table2v2019).toBeNull();
	}
	expect(record.table3).toEqual(truth.table3);
	expect(record.table4).toEqual(truth.table4);
	const failed = record.checks.filter((c) => /^H[1-7]$/.test(c.id) && c.status === 'fail');
	expect(failed.map((c) => `${c.id} ${c.scope}: ${c.message}`)).toEqual([]);
	const got = record.unassigned.map((u) => normalise(u.raw)).sort();
	expect(got).toEqual(allowed.map((a) => normalise(a.raw)).sort());
}

const info = {
	title: '某县某镇人民政府年度报告',
	publisher: '某县某镇人民政府',
	date: '2025-01-21',
	indexNumber: '000000/2025-00001',
};

describe('round trip through HTML pages', () => {
	it(`recovers every table exactly (${HTML_RUNS} random truths, 5 kinds of page)`, async () => {
		await fc.assert(
			fc.asyncProperty(caseArb, fc.constantFrom(...VARIANTS), async (c, variant) => {
				const { text, allowedUnassigned } = renderReport(c.truth, c.options);
				const html = htmlVariant(variant, text, info);
				const read = await readReportFile(new TextEncoder().encode(html), {
					file: `round-trip.${variant}.html`,
				});
				expect(read.record.source.format).toBe('html');
				expectTruth(read.record, c.truth, allowedUnassigned);
			}),
			{ seed: 20240201, numRuns: HTML_RUNS },
		);
	}, 120_000);
});

describe('round trip through Chromium PDFs', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu'],
		});
	}, 60_000);
	afterAll(async () => {
		await browser?.close();
	});

	it(`recovers every table exactly (${PDF_RUNS} random truths, ruled and borderless)`, async () => {
		const page = await browser.newPage();
		await fc.assert(
			fc.asyncProperty(
				pdfCaseArb,
				fc.constantFrom('ruled', 'borderless' as const),
				async (c, style) => {
					const { text, allowedUnassigned } = renderReport(c.truth, c.options);
					await page.setContent(printableHtml(text, style));
					const pdf = new Uint8Array(await page.pdf(PDF_OPTIONS));
					const read = await readReportFile(pdf, { file: `round-trip.${style}.pdf` });
					expectTruth(read.record, c.truth, allowedUnassigned);
				},
			),
			{ seed: 20240202, numRuns: PDF_RUNS, endOnFailure: true },
		);
		await page.close();
	}, 240_000);
});
