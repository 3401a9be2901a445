/**
 * CPU time to render one report's tables and source lines, the bulk of a report page's component
 * instances (issue 12: Astro's per-instance cost was most of the build). Renders the five seed
 * records RENDER_ROUNDS times each through Astro's container and prints CPU ms per report, also
 * net of the container's own cost per render; asserts only that something was rendered. Compare
 * two branches by running it on each (BENCHMARKS.md "Dist size per report: reportpage").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { expect, it } from 'vitest';
import NullLegend from '../../src/components/NullLegend.astro';
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

const cpuMs = (since: NodeJS.CpuUsage) => {
	const u = process.cpuUsage(since);
	return (u.user + u.system) / 1000;
};

it('renders Tables 2–4 and the source lines of every seed record', async () => {
	const container = await AstroContainer.create();
	let bytes = 0;
	let renders = 0;
	const render = async (component: AstroComponentFactory, props: Record<string, unknown>) => {
		renders++;
		bytes += (await container.renderToString(component, { props })).length;
	};
	const renderAll = async () => {
		for (const [i, record] of records.entries()) {
			const lines = texts[i]!.split('\n');
			// Both versions' props: the old SourceText took the whole text, the new one a line range.
			await render(SourceText, {
				text: texts[i],
				label: '原文',
				lines,
				range: { start: 1, end: lines.length },
			});
			if (record.table2) await render(ReportTable2, { record, version: '2021' });
			if (record.table2v2019) await render(ReportTable2, { record, version: '2019' });
			if (record.table3) await render(ReportTable3, { record });
			if (record.table4) await render(ReportTable4, { record });
		}
	};
	await renderAll(); // warm-up
	bytes = 0;
	renders = 0;
	const start = process.cpuUsage();
	for (let i = 0; i < ROUNDS; i++) await renderAll();
	const ms = cpuMs(start);
	const reports = ROUNDS * records.length;
	// The container's own cost per renderToString (a page renders its components inline, without
	// it), measured with a tiny component rendered as often.
	const base = process.cpuUsage();
	for (let i = 0; i < renders; i++) await container.renderToString(NullLegend);
	const overhead = cpuMs(base);
	console.log(
		`report-render: ${reports} reports, Tables 2–4 and source: ${(ms / reports).toFixed(3)} CPU-ms per report ` +
			`(${((ms - overhead) / reports).toFixed(3)} net of the container's ${(overhead / reports).toFixed(3)} ` +
			`for ${renders / reports} renders), ${Math.round(bytes / reports)} bytes per report`,
	);
	expect(bytes).toBeGreaterThan(0);
});
