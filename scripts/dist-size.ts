/**
 * npm run bench:dist -- DIST [--label LABEL]: dist/ bytes per report and where they go
 * (scripts/lib/dist-size.ts), printed as a table; with --label, also written to BENCHMARKS.md as
 * the "Dist size per report: LABEL" section with the machine, date and load.
 */
import { loadavg } from 'node:os';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { machineLine, writeBenchmarkSection } from './lib/benchmarks.ts';
import { distFiles, distParts, reportCount } from './lib/dist-size.ts';

const args = process.argv.slice(2);
const labelAt = args.indexOf('--label');
const label = labelAt >= 0 ? args[labelAt + 1] : undefined;
const dist = args.find((a, i) => !a.startsWith('--') && (labelAt < 0 || i !== labelAt + 1));
if (!dist || (labelAt >= 0 && !label)) {
	console.error('usage: npm run bench:dist -- DIST [--label LABEL]');
	process.exit(2);
}

const files = distFiles(resolve(dist));
const reports = reportCount(files);
if (reports === 0) {
	console.error(`${dist}: no report page (townships/<code>/<year>/index.html): not a built site`);
	process.exit(1);
}
const total = files.reduce((s, [, b]) => s + b, 0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const dataFiles = files
	.filter(([p]) => p.startsWith('data/'))
	.sort((a, b) => a[0].localeCompare(b[0]));
const rows = [
	...distParts(files).flatMap((p) => [
		`| ${p.part} | ${p.files.toLocaleString('en')} | ${kb(p.bytes)} | ${kb(p.bytes / reports)} |`,
		...(p.part === '/data/'
			? dataFiles.map(([path, b]) => `| &nbsp;&nbsp;${path} | 1 | ${kb(b)} | ${kb(b / reports)} |`)
			: []),
	]),
	`| **all of dist/** | ${files.length.toLocaleString('en')} | ${kb(total)} | **${kb(total / reports)}** |`,
];
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD']).stdout.toString().trim();
const body = [
	`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine()}, load ${loadavg()[0]!.toFixed(2)}; commit ${commit}. ${reports.toLocaleString('en')} reports; \`npm run bench:dist -- ${dist}${label ? ` --label ${label}` : ''}\`.`,
	'',
	'| part | files | KB | KB per report |',
	'|---|---:|---:|---:|',
	...rows,
].join('\n');
console.log(body);
if (label) writeBenchmarkSection(`Dist size per report: ${label}`, body);
