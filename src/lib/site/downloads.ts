/**
 * The files under /data/: what each is, for the /data/ page. The files themselves are written by
 * the download writer (write-downloads.ts, `npm run downloads`) before `astro build`, which copies
 * them to dist/data/; the page states the sizes from the writer's manifest, so they are exact.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { DivisionTable } from '../model/division-table.ts';
import divisions from '../../data/divisions.json';
import { getSite } from './collection.ts';
import {
	dataPageFacts,
	DOWNLOADS_PENDING_ENV,
	pendingDataPageFacts,
	type DataPageFacts,
} from './data-page-facts.ts';
import { downloadsManifest, generatedDir } from './generated-files.ts';
import { buildTracker, type Tracker } from './tracker.ts';
import type { DownloadManifest } from './write-downloads.ts';

export interface Download {
	file: string;
	title: string;
	description: string;
	contentType: string;
}

let tracker: Promise<Tracker> | undefined;
export const getTracker = () =>
	(tracker ??= getSite().then((site) => buildTracker(site.townships, divisions as DivisionTable)));
const CSV = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

export const DOWNLOADS: Download[] = [
	{
		file: 'reports.csv',
		title: '报告总表',
		description:
			'每份报告一行：乡镇与地区、报告信息、检查结果、表二至表四的全部单元格（列名为单元格路径）、派生指标。',
		contentType: CSV,
	},
	{
		file: 'key-figures.csv',
		title: '主要数字（精简表）',
		description:
			'每份报告一行，只有最常用的数字：收到与结转的申请、办理结果、行政复议与诉讼、行政许可、处罚、强制决定、收费，以及乡镇、地区、年度和收录日期。',
		contentType: CSV,
	},
	{
		file: 'cells.csv',
		title: '单元格明细',
		description:
			'每个单元格一行：数值、原文写法、状态（读出、空白、推定……）和原文行号。适合按单元格筛选和统计。',
		contentType: CSV,
	},
	{
		file: 'checks.csv',
		title: '检查结果',
		description:
			'每项勾稽关系与合理性检查一行（通过的也在内，报告页面只列出未通过和未检查的）：规则、范围、公式、应为、实为、结果。',
		contentType: CSV,
	},
	{
		file: 'tracker.csv',
		title: '发布情况',
		description: '已收录报告的区县中，每个乡镇每个年度是否有报告。',
		contentType: CSV,
	},
	{
		file: 'reports.json',
		title: '全部记录（JSON）',
		description: '每份报告的完整规范记录（不含原文全文）、跨年度检查和派生指标。',
		contentType: JSON_TYPE,
	},
	{
		file: 'schema.json',
		title: '记录的 JSON Schema',
		description: '规范记录的结构定义，由本站唯一的数据模式（zod）生成。',
		contentType: JSON_TYPE,
	},
];

/** The staged downloads' manifest; the build stops here if the writer has not run. */
export function downloadsWritten(generated = generatedDir()): DownloadManifest {
	const path = downloadsManifest(generated);
	if (!existsSync(path))
		throw new Error(
			`${path} is missing: run \`npm run downloads\` after the ingest (npm run build does)`,
		);
	return JSON.parse(readFileSync(path, 'utf8')) as DownloadManifest;
}

/**
 * What the /data/ page states about the downloads: from the manifest, or as markers the build
 * fills in when the writer runs beside `astro build` (data-page-facts.ts).
 */
export function downloadFacts(env: NodeJS.ProcessEnv = process.env): DataPageFacts {
	return env[DOWNLOADS_PENDING_ENV] === '1'
		? pendingDataPageFacts()
		: dataPageFacts(downloadsWritten());
}
