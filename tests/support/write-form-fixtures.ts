/**
 * `npx node tests/support/write-form-fixtures.ts`: renders tests/fixtures/forms/ (see
 * form-fixtures.ts). PDFs are printed by Chromium (/usr/bin/chromium, or CHROMIUM_PATH) with
 * the CJK font installed; a scan-like PDF without a text layer is written too. Names given
 * (`… write-form-fixtures.ts pdf-ruled-blanks`) render only those fixtures: PDFs carry a
 * timestamp, so re-rendering the others would change their bytes for nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { formFixtureSpecs, renderWithoutBrowser, reportText, truthOf } from './form-fixtures.ts';
import { PDF_OPTIONS, printableHtml } from './render-forms.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'forms');
mkdirSync(DIR, { recursive: true });

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu'],
});
try {
	const page = await browser.newPage();
	const only = process.argv.slice(2);
	for (const spec of formFixtureSpecs().filter((s) => only.length === 0 || only.includes(s.name))) {
		let bytes = await renderWithoutBrowser(spec);
		if (!bytes && spec.kind.form === 'pdf') {
			await page.setContent(printableHtml(reportText(spec), spec.kind.style));
			bytes = new Uint8Array(await page.pdf({ ...PDF_OPTIONS, tagged: false }));
		}
		writeFileSync(join(DIR, spec.file), bytes!);
		writeFileSync(
			join(DIR, `${spec.name}.truth.json`),
			JSON.stringify(truthOf(spec), null, '\t') + '\n',
		);
		console.log(`wrote ${spec.file} (${bytes!.length} bytes)`);
	}
	// A scan: page images only, no text layer.
	if (only.length === 0) {
		await page.setContent(
			`<body style="margin:0">${'<div style="height:40px;margin:20px;background:#333"></div>'.repeat(12)}</body>`,
		);
		writeFileSync(join(DIR, 'scan-no-text-layer.pdf'), await page.pdf({ format: 'A4' }));
		console.log('wrote scan-no-text-layer.pdf');
	}
} finally {
	await browser.close();
}
