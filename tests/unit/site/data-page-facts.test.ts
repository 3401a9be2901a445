/**
 * The /data/ page is rendered before the download writer has finished when `npm run build` runs
 * them side by side: its values are markers, filled in afterwards from the manifest. Filling the
 * markers must give exactly what rendering with the manifest gives, for any sizes and hash, and
 * anything that does not fit (another layout, an unknown marker, a page without markers) stops.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	dataPageFacts,
	fillDataPage,
	pendingDataPageFacts,
	sizeText,
	type DataPageFacts,
} from '../../../src/lib/site/data-page-facts.ts';
import { DOWNLOAD_FILES, type DownloadManifest } from '../../../src/lib/site/write-downloads.ts';

/** Stands in for the page: every value in text and in an attribute, as data/index.astro uses them. */
function render(facts: DataPageFacts): string {
	const rows = facts.files.map(
		(f) =>
			`<tr id="${f.file}"><td data-bytes="${f.servedBytes}">${f.plain ? f.size : `gzip ${f.gzipSize}`}` +
			`${f.gzip && f.plain ? `<a>gzip ${f.gzipSize}</a>` : ''}${f.plain ? '' : `解压后 ${f.size}`}</td></tr>`,
	);
	return `<code data-version="${facts.version}">${facts.version}</code><dd data-reports="${facts.reports}">${facts.reportsText} 份</dd><table>${rows.join('')}</table><pre>（${facts.reports} 份报告），版本 ${facts.version}</pre>`;
}

function manifestOf(reports: number, hash: string, sizes: number[]): DownloadManifest {
	return {
		reports,
		dataHash: hash,
		files: DOWNLOAD_FILES.map((f, i) => ({
			file: f.file,
			bytes: sizes[i]!,
			plain: f.plain,
			gzipBytes: f.gzip ? Math.floor(sizes[i]! / 7) : null,
		})),
	};
}

const HASH = 'ab'.repeat(32);

describe('the /data/ page rendered before the downloads exist', () => {
	it('is, once filled in, the page rendered from the manifest', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 300_000 }),
				fc.stringMatching(/^[0-9a-f]{64}$/),
				fc.array(fc.integer({ min: 0, max: 2 ** 40 }), {
					minLength: DOWNLOAD_FILES.length,
					maxLength: DOWNLOAD_FILES.length,
				}),
				(reports, hash, sizes) => {
					const manifest = manifestOf(reports, hash, sizes);
					expect(fillDataPage(render(pendingDataPageFacts()), manifest)).toBe(
						render(dataPageFacts(manifest)),
					);
				},
			),
		);
	});

	it('states the real values: version, count, served sizes', () => {
		const manifest = manifestOf(
			2000,
			HASH,
			[2_600_000, 300_000, 58_000_000, 1, 1023, 1024, 75_000],
		);
		const page = fillDataPage(render(pendingDataPageFacts()), manifest);
		expect(page).toContain(`data-version="${HASH.slice(0, 12)}"`);
		expect(page).toContain('data-reports="2000">2,000 份');
		// cells.csv is served only gzipped: its data-bytes is the gzip copy's size.
		expect(page).toContain(`<tr id="cells.csv"><td data-bytes="${Math.floor(58_000_000 / 7)}">`);
		expect(page).toContain('<tr id="reports.csv"><td data-bytes="2600000">2.5 MB');
		expect(page).not.toContain('{{data:');
	});

	it('refuses a manifest of another layout, an unknown marker and a page with no marker', () => {
		const manifest = manifestOf(5, HASH, [1, 2, 3, 4, 5, 6, 7]);
		const pending = render(pendingDataPageFacts());
		const short = { ...manifest, files: manifest.files.slice(1) };
		expect(() => fillDataPage(pending, short)).toThrow(/布局不符/);
		expect(() => fillDataPage(`${pending}{{data:nothing}}`, manifest)).toThrow(
			/\{\{data:nothing\}\} 没有对应的值/,
		);
		expect(() => fillDataPage(render(dataPageFacts(manifest)), manifest)).toThrow(/没有占位/);
	});
});

describe('sizeText', () => {
	it('shows bytes below 1 KB, KB below 1 MB, MB above', () => {
		expect(sizeText(0)).toBe('0 字节');
		expect(sizeText(1023)).toBe('1023 字节');
		expect(sizeText(1024)).toBe('1.0 KB');
		expect(sizeText(1024 * 1024 - 1)).toBe('1024.0 KB');
		expect(sizeText(1024 * 1024)).toBe('1.0 MB');
	});
});
