/**
 * What happened to each URL or file given to `npm run add`, as one line for the curator
 * (`<url> <severity> <rule-id> <message>`, like every other curator message) and as the counts
 * of the closing summary.
 */
import type { ReportRecord } from '../model/record.ts';
import type { Placement } from '../model/placement.ts';

export type Outcome =
	| {
			kind: 'stored';
			source: string;
			/** Path under content/reports/. */
			file: string;
			record: ReportRecord;
			placement: Placement;
			/** The file this one replaces (--replace), under content/reports/. */
			replaces: string | null;
	  }
	| { kind: 'have'; source: string; file: string; by: 'url' | 'sha256' }
	| {
			kind: 'duplicate';
			source: string;
			slot: string;
			township: string | null;
			existingFile: string;
			existingSource: string;
	  }
	| { kind: 'not-report'; source: string; reason: string }
	| { kind: 'failed'; source: string; ruleId: string; reason: string };

export function outcomeLine(o: Outcome): string {
	switch (o.kind) {
		case 'stored':
			return `${o.source} info stored 已保存为 content/reports/${o.file}${o.replaces ? `，取代 content/reports/${o.replaces}（已记入 content/reports.corrections.json）` : ''}`;
		case 'have':
			return `${o.source} info already-have ${o.by === 'url' ? '此地址已下载过' : '内容相同（SHA-256 一致）的文件已在'}：content/reports/${o.file}，跳过`;
		case 'duplicate':
			return `${o.source} warning duplicate-report ${o.township ?? ''}（${o.slot}）已有报告 content/reports/${o.existingFile}（来源：${o.existingSource}），新下载的与之不同，未保存；确认新版本应取代旧版本时加 --replace 重新运行`;
		case 'not-report':
			return `${o.source} warning not-a-report 不是年度报告，未保存：${o.reason}`;
		case 'failed':
			return `${o.source} error ${o.ruleId} ${o.reason}`;
	}
}

/** The parse result printed after a download: township, year, form and the checks. */
export function reportLine(o: Extract<Outcome, { kind: 'stored' }>): string {
	const { record, placement } = o;
	const count = (status: string) => record.checks.filter((c) => c.status === status).length;
	const form = o.file.split('.').pop();
	const version = record.formatVersion === 'none' ? '未见统一表格' : `${record.formatVersion} 格式`;
	const lines = [
		`  ${placement.township ?? record.metadata.township ?? '乡镇未知'} · ${placement.year ?? '年度未知'} 年 · ${form} · ${version} · 检查 ${count('pass')} 通过、${count('fail')} 未通过、${count('skip')} 未检查`,
	];
	if (placement.problem) lines.push(`  注意：${placement.problem}`);
	return lines.join('\n');
}

export interface CollectSummary {
	stored: number;
	have: number;
	duplicate: number;
	notReport: number;
	failed: number;
}

export function summarizeOutcomes(outcomes: readonly Outcome[]): CollectSummary {
	const n = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
	return {
		stored: n('stored'),
		have: n('have'),
		duplicate: n('duplicate'),
		notReport: n('not-report'),
		failed: n('failed'),
	};
}

export function summaryLines(outcomes: readonly Outcome[]): string[] {
	const s = summarizeOutcomes(outcomes);
	const lines = [
		`add: ${s.stored} 份已保存，${s.have} 份已有（跳过），${s.duplicate} 份重复未保存，${s.notReport} 个不是报告，${s.failed} 个下载失败`,
	];
	const duplicates = outcomes.filter((o) => o.kind === 'duplicate');
	if (duplicates.length > 0) {
		lines.push('重复（同一乡镇同一年度已有报告，两个来源如下）：');
		for (const d of duplicates)
			lines.push(
				`  ${d.slot}: 已有 ${d.existingSource}（content/reports/${d.existingFile}）；新 ${d.source}`,
			);
	}
	if (s.stored > 0) lines.push('add: 运行 npm run ingest（或 npm run build）把新报告放到网站上');
	return lines;
}
