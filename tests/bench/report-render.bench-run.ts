/**
 * CPU time to render one report's tables and source lines, the bulk of a report page's component
 * instances (issue 12: Astro's per-instance cost was most of the build). Renders the five seed
 * records ROUNDS times each through Astro's container and prints CPU ms per report; asserts only
 * that something was rendered. Compare a branch with another by running it on each.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { expect, it } from 'vitest';
import ReportTable2 from '../../src/components/ReportTable2.astro';
import ReportTable3 from '../../src/components/ReportTable3.astro';
import ReportTable4 from '../../src/components/ReportTable4.astro';
import SourceText from '../../src/components/SourceText.astro';
import type { ReportRecord } from '../../src/lib/model/record.ts';

const ROUNDS = Number(process.env.RENDER_ROUNDS ?? 200);
const seeds = readdirSync('tests/fixtures/seeds').filter((f) => f.endsWith('.golden.json'));
const records: ReportRecord[] = seeds.map((f) => {
	const json = JSON.parse(readFileSync(`tests/fixtures/seeds/${f}`, 'utf8'));
	return (json.record ?? json) as ReportRecord;
});
/** The seeds' source texts (content/reports/<file> as the record names it). */
const texts = records.map((r) => readFileSync(r.source.file, 'utf8'));

it('renders Tables 2–4 and the source lines of every seed record', async () => {
	const container = await AstroContainer.create();
	let bytes = 0;
	const renderAll = async () => {
		for (const [i, record] of records.entries()) {
			const lines = texts[i]!.split('\n');
			// Both versions' props: the old SourceText took the whole text, the new one a line range.
			bytes += (
				await container.renderToString(SourceText, {
					props: { text: texts[i], label: '原文', lines, range: { start: 1, end: lines.length } },
				})
			).length;
			if (record.table2)
				bytes += (
					await container.renderToString(ReportTable2, { props: { record, version: '2021' } })
				).length;
			if (record.table2v2019)
				bytes += (
					await container.renderToString(ReportTable2, { props: { record, version: '2019' } })
				).length;
			if (record.table3)
				bytes += (await container.renderToString(ReportTable3, { props: { record } })).length;
			if (record.table4)
				bytes += (await container.renderToString(ReportTable4, { props: { record } })).length;
		}
	};
	await renderAll(); // warm-up
	bytes = 0;
	const start = process.cpuUsage();
	for (let i = 0; i < ROUNDS; i++) await renderAll();
	const used = process.cpuUsage(start);
	const reports = ROUNDS * records.length;
	const ms = (used.user + used.system) / 1000;
	console.log(
		`report-render: ${reports} reports, Tables 2–4 and source: ${(ms / reports).toFixed(3)} CPU-ms per report, ${Math.round(bytes / reports)} bytes per report`,
	);
	expect(bytes).toBeGreaterThan(0);
});
