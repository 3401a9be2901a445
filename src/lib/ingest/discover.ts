/**
 * Finding the report files: every regular file under content/reports/, however deeply nested and
 * whatever its name, in one stable order so that runs and their logs are comparable. Links are
 * not followed (a report must live in content/), and nothing is left out without a word: every
 * link, FIFO, device or hidden name is returned as ignored, with the reason.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { isProvenanceSidecar } from '../model/provenance.ts';

export interface ReportFile {
	/** Path on disk. */
	absolutePath: string;
	/** Path below the reports folder, forward slashes: "2023/店塔镇 年报.txt". */
	relativePath: string;
}

export interface IgnoredEntry {
	relativePath: string;
	reason: string;
}

export interface Discovery {
	files: ReportFile[];
	ignored: IgnoredEntry[];
}

export function discoverReportFiles(reportsDir: string): Discovery {
	const files: ReportFile[] = [];
	const ignored: IgnoredEntry[] = [];
	const walk = (dir: string, prefix: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			// A report's provenance (`<file>.source.json`, see model/provenance.ts) is not a report.
			if (isProvenanceSidecar(entry.name)) continue;
			const absolutePath = join(dir, entry.name);
			const relativePath = prefix + entry.name;
			const reason = ignoreReason(entry, absolutePath);
			if (reason !== null) ignored.push({ relativePath, reason });
			else if (entry.isDirectory()) walk(absolutePath, relativePath + '/');
			else files.push({ absolutePath, relativePath });
		}
	};
	walk(reportsDir, '');
	return { files: byPath(files), ignored: byPath(ignored) };
}

/** Why an entry is not read, or null for a regular file or folder. */
function ignoreReason(entry: Dirent, absolutePath: string): string | null {
	// .gitkeep, .DS_Store and editor files are not reports.
	if (entry.name.startsWith('.')) return '名称以点开头（隐藏文件），未读取';
	if (entry.isSymbolicLink()) {
		try {
			statSync(absolutePath);
		} catch {
			return '失效的符号链接，未读取';
		}
		return '符号链接，未跟随读取：请把报告文件本身放进 content/reports/';
	}
	if (entry.isFile() || entry.isDirectory()) return null;
	if (entry.isFIFO()) return '命名管道（FIFO），不是普通文件，未读取';
	if (entry.isSocket()) return '套接字，不是普通文件，未读取';
	return '设备文件，不是普通文件，未读取';
}

// Code-unit order, not localeCompare: the same on every machine and locale.
function byPath<T extends { relativePath: string }>(items: T[]): T[] {
	return items.sort((a, b) =>
		a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
	);
}
