/**
 * Every published-form fixture (tests/fixtures/forms/, written by
 * tests/support/write-form-fixtures.ts) must parse to exactly the truth it was rendered from:
 * the form, the three tables, the format version, the place and year, the publication date
 * (the web page's own when the report prints none), every hard rule passing, and provenance
 * pointing into the derived text. Forms that cannot be read are refused with a clear reason.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReportFile, ReportRejection, type ReadReport } from '../../../src/lib/report/index.ts';
import {
	formFixtureSpecs,
	renderWithoutBrowser,
	truthOf,
	type FormFixtureTruth,
} from '../../support/form-fixtures.ts';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'forms');
const truths: FormFixtureTruth[] = readdirSync(DIR)
	.filter((f) => f.endsWith('.truth.json'))
	.sort()
	.map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as FormFixtureTruth);

describe('form fixtures', () => {
	it('has every spec, and the truths are what form-fixtures.ts says', () => {
		const specs = formFixtureSpecs();
		expect(truths.map((t) => t.fixture).sort()).toEqual(specs.map((s) => s.file).sort());
		for (const spec of specs)
			expect(truths.find((t) => t.fixture === spec.file)).toEqual(
				JSON.parse(JSON.stringify(truthOf(spec))),
			);
	});

	it('covers two PDF table styles, a DOCX and four kinds of HTML', () => {
		const names = formFixtureSpecs().map((s) => s.name);
		expect(names).toEqual(
			expect.arrayContaining([
				'pdf-ruled',
				'pdf-borderless',
				'docx',
				'html-page',
				'html-fragment',
				'html-word',
				'html-script',
			]),
		);
	});

	it('covers the 2019 and the 2021 template in every form', () => {
		for (const form of ['html', 'pdf', 'docx'] as const)
			expect(
				new Set(truths.filter((t) => t.format === form).map((t) => t.formatVersion)),
				form,
			).toEqual(new Set(['2019', '2021']));
	});

	it('the committed HTML fixtures are current (PDF and DOCX carry timestamps, so only they are re-rendered by the script)', async () => {
		for (const spec of formFixtureSpecs().filter((s) => s.kind.form === 'html')) {
			const bytes = await renderWithoutBrowser(spec);
			expect(
				Buffer.from(readFileSync(join(DIR, spec.file))).equals(Buffer.from(bytes!)),
				`${spec.file} is stale`,
			).toBe(true);
		}
	});
});

describe.each(truths)('$fixture', (truth) => {
	let read: ReadReport;
	beforeAll(async () => {
		read = await readReportFile(new Uint8Array(readFileSync(join(DIR, truth.fixture))), {
			file: `tests/fixtures/forms/${truth.fixture}`,
		});
	});

	it(`is read as ${truth.format}, derived`, () => {
		expect(read.record.source.format).toBe(truth.format);
		expect(read.record.source.derived).toBe(true);
		expect(read.record.source.lineCount).toBe(read.text.replace(/\n$/, '').split('\n').length + 1);
	});

	it('reads the three tables exactly', () => {
		expect(read.record.formatVersion).toBe(truth.formatVersion);
		if (truth.table2v2019) {
			expect(read.record.table2v2019).toEqual(truth.table2v2019);
		} else {
			expect(read.record.table2).toEqual(truth.table2);
			expect(read.record.table2v2019).toBeNull();
		}
		expect(read.record.table3).toEqual(truth.table3);
		expect(read.record.table4).toEqual(truth.table4);
	});

	it('passes every hard rule', () => {
		const failed = read.record.checks.filter((c) => /^H[1-4]$/.test(c.id) && c.status === 'fail');
		expect(failed.map((c) => `${c.id} ${c.scope}: ${c.message}`)).toEqual([]);
	});

	it('names the township, county and year, and the publication date', () => {
		const m = read.record.metadata;
		expect({
			township: m.township,
			county: m.county,
			reportYear: m.reportYear,
			publicationDate: m.publicationDate,
			publicationDateKind: m.publicationDateKind,
		}).toEqual(truth.metadata);
	});

	it('leaves no number unassigned (but a 小计 column) and keeps page chrome out of the text', () => {
		const subtotals = read.record.unassigned.filter((u) => /小计列/.test(u.reason));
		expect(subtotals.length).toBe(truth.subtotals ?? 0);
		expect(read.record.unassigned.filter((u) => !subtotals.includes(u))).toEqual([]);
		expect(read.text).not.toMatch(/当前位置|分享到|ICP备|索引号|- \d+ -|隐藏的修订痕迹|政务公开$/m);
	});

	it('points each cell at a line of the derived text that prints it', () => {
		const lines = read.text.split('\n');
		const problems = Object.entries(read.record.cells)
			.filter(([, c]) => c.status === 'ok' || c.status === 'marker')
			.filter(([, c]) => !lines[c.line! - 1]?.slice(c.col! - 1).startsWith(c.raw!.trimStart()))
			.map(([path, c]) => `${path}: line ${c.line} col ${c.col} raw ${JSON.stringify(c.raw)}`);
		expect(problems).toEqual([]);
	});
});

describe('forms that cannot be read', () => {
	const reject = (bytes: Uint8Array, file: string) => readReportFile(bytes, { file });

	it('a PDF without a text layer (a scan) is refused as a scan', async () => {
		const bytes = new Uint8Array(readFileSync(join(DIR, 'scan-no-text-layer.pdf')));
		await expect(reject(bytes, 'scan.pdf')).rejects.toThrow(ReportRejection);
		await expect(reject(bytes, 'scan.pdf')).rejects.toThrow(/扫描件，没有文字层/);
	});

	it('a legacy .doc is refused with how to convert it', async () => {
		const doc = new Uint8Array(4096);
		doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		await expect(reject(doc, 'report.doc')).rejects.toThrow(/另存为.*\.docx/);
	});

	it('a damaged PDF is refused, not crashed on', async () => {
		const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF');
		await expect(reject(broken, 'broken.pdf')).rejects.toThrow(ReportRejection);
	});

	it('a zip that is not a Word document and an image are refused by what they are', async () => {
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('data/a.csv')]);
		await expect(reject(zip, 'reports.zip')).rejects.toThrow(/zip/);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
		await expect(reject(png, 'table.png')).rejects.toThrow(/^图片文件.*；请改用/);
	});
});
