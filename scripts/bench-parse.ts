/**
 * `npm run bench:parse`: reports parsed per second on one core over the seeds and layout
 * fixtures, written into the "Parser speed" section of BENCHMARKS.md with machine and date.
 * Also the published forms (tests/fixtures/forms/): web pages and PDFs read end to end
 * (extraction and parsing) with readReportFile.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseReport, readReportFile } from '../src/lib/report/index.ts';
import { machineLine, writeBenchmarkSection } from './lib/benchmarks.ts';

const dirs = ['content/reports', 'tests/fixtures/layouts'];
const inputs = dirs
	.filter((d) => existsSync(d))
	.flatMap((d) =>
		readdirSync(d)
			.filter((f) => f.endsWith('.txt'))
			.map((f) => ({ file: join(d, f), bytes: readFileSync(join(d, f)) })),
	);

// Warm up the JIT, then measure whole passes over all inputs for about three seconds.
for (let i = 0; i < 20; i++) for (const x of inputs) parseReport(x.bytes, { file: x.file });
const started = performance.now();
let parsed = 0;
while (performance.now() - started < 3000) {
	for (const x of inputs) parseReport(x.bytes, { file: x.file });
	parsed += inputs.length;
}
const seconds = (performance.now() - started) / 1000;
const perSecond = Math.round(parsed / seconds);
const msPer = (seconds * 1000) / parsed;
const bytes = inputs.reduce((s, x) => s + x.bytes.length, 0);
const verdict = perSecond >= 2000 ? 'meets' : 'misses';

console.log(
	`${parsed} reports in ${seconds.toFixed(2)} s: ${perSecond} reports/s (${msPer.toFixed(3)} ms each) over ${inputs.length} files`,
);
/** Files of one form read end to end, whole passes for about `ms` milliseconds. */
async function formThroughput(ext: RegExp, ms: number) {
	const dir = 'tests/fixtures/forms';
	const files = readdirSync(dir)
		.filter((f) => ext.test(f) && !f.startsWith('scan'))
		.map((f) => ({ file: join(dir, f), bytes: readFileSync(join(dir, f)) }));
	for (const x of files) await readReportFile(x.bytes, { file: x.file });
	const t0 = performance.now();
	let n = 0;
	while (performance.now() - t0 < ms) {
		for (const x of files) await readReportFile(x.bytes, { file: x.file });
		n += files.length;
	}
	const s = (performance.now() - t0) / 1000;
	const size = files.reduce((a, x) => a + x.bytes.length, 0) / files.length;
	return {
		files: files.length,
		perSecond: n / s,
		msPer: (s * 1000) / n,
		kb: Math.round(size / 1024),
	};
}
const html = await formThroughput(/\.html?$/, 3000);
const pdf = await formThroughput(/\.pdf$/, 5000);
console.log(
	`HTML: ${html.perSecond.toFixed(1)} reports/s (${html.msPer.toFixed(1)} ms each); PDF: ${pdf.perSecond.toFixed(2)} reports/s (${pdf.msPer.toFixed(0)} ms each)`,
);
const formRow = (name: string, r: typeof html, note: string) =>
	`| ${r.files} ${name} (tests/fixtures/forms, read end to end: ${note}) | ${r.kb} KB | ${r.perSecond.toFixed(r.perSecond < 10 ? 2 : 1)} | ${r.msPer.toFixed(1)} | — |`;

writeBenchmarkSection(
	'Parser speed',
	[
		`Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}, one core (single thread), by \`npm run bench:parse\`; load average ${loadavg()[0]!.toFixed(2)} when it ran (other work on the 2 cores slows it).`,
		'',
		'| inputs | mean size | reports/s | ms per report | goal |',
		'|---|---:|---:|---:|---|',
		`| ${inputs.length} files (${dirs.join(', ')}) | ${Math.round(bytes / inputs.length / 1024)} KB | ${perSecond} | ${msPer.toFixed(3)} | ≥ 2,000/s: ${verdict} |`,
		formRow('web pages', html, 'hast parse, chrome, tables, then the parser'),
		formRow('PDFs', pdf, 'pdfjs text layer, rows from glyph positions, then the parser'),
	].join('\n'),
);
