/**
 * Finding the report files: every file under content/reports/, however deeply nested and
 * whatever its name, in one stable order so that runs and their logs are comparable.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isProvenanceSidecar } from '../model/provenance.ts';

export interface ReportFile {
	/** Path on disk. */
	absolutePath: string;
	/** Path below the reports folder, forward slashes: "2023/店塔镇 年报.txt". */
	relativePath: string;
}

export function discoverReportFiles(reportsDir: string): ReportFile[] {
	const files: ReportFile[] = [];
	const walk = (dir: string, prefix: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			// .gitkeep, .DS_Store and editor files are not reports.
			if (entry.name.startsWith('.')) continue;
			// A report's provenance (`<file>.source.json`, see model/provenance.ts) is not a report.
			if (isProvenanceSidecar(entry.name)) continue;
			const absolutePath = join(dir, entry.name);
			const relativePath = prefix + entry.name;
			if (entry.isDirectory()) walk(absolutePath, relativePath + '/');
			else if (entry.isFile()) files.push({ absolutePath, relativePath });
		}
	};
	walk(reportsDir, '');
	// Code-unit order, not localeCompare: the same on every machine and locale.
	return files.sort((a, b) =>
		a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
	);
}
