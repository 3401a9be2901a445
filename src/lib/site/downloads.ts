/**
 * The files under /data/, each built once per build from the shared site index: the endpoints
 * serve them and the /data/ page states their exact sizes, from the same text.
 */
import type { DivisionTable } from '../model/division-table.ts';
import divisions from '../../data/divisions.json';
import { getSite } from './collection.ts';
import {
	cellsCsv,
	checksCsv,
	openDataReports,
	recordJsonSchema,
	reportsCsv,
	reportsJson,
	type OpenDataReport,
} from './open-data.ts';
import { buildTracker, trackerCsv, type Tracker } from './tracker.ts';

export interface Download {
	file: string;
	title: string;
	description: string;
	contentType: string;
	build: () => Promise<string>;
}

let reports: Promise<OpenDataReport[]> | undefined;
/** Every report with its derived figures, in the site's order (newest year first). */
export const getOpenDataReports = () =>
	(reports ??= getSite().then((site) => openDataReports(site.reports, site.context)));

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
		build: async () => reportsCsv(await getOpenDataReports()),
	},
	{
		file: 'cells.csv',
		title: '单元格明细',
		description:
			'每个单元格一行：数值、原文写法、状态（读出、空白、推定……）和原文行号。适合按单元格筛选和统计。',
		contentType: CSV,
		build: async () => cellsCsv((await getSite()).reports),
	},
	{
		file: 'checks.csv',
		title: '检查结果',
		description: '每项勾稽关系与合理性检查一行：规则、范围、公式、应为、实为、结果。',
		contentType: CSV,
		build: async () => checksCsv((await getSite()).reports),
	},
	{
		file: 'tracker.csv',
		title: '发布情况',
		description: '已收录报告的区县中，每个乡镇每个年度是否有报告。',
		contentType: CSV,
		build: async () => trackerCsv(await getTracker()),
	},
	{
		file: 'reports.json',
		title: '全部记录（JSON）',
		description: '每份报告的完整规范记录（不含原文全文）、跨年度检查和派生指标。',
		contentType: JSON_TYPE,
		build: async () => reportsJson(await getOpenDataReports()),
	},
	{
		file: 'schema.json',
		title: '记录的 JSON Schema',
		description: '规范记录的结构定义，由本站唯一的数据模式（zod）生成。',
		contentType: JSON_TYPE,
		build: async () => JSON.stringify(recordJsonSchema(), null, 2),
	},
];

const built = new Map<string, Promise<string>>();

/** A download's text, built on first use. */
export function downloadText(file: string): Promise<string> {
	const download = DOWNLOADS.find((d) => d.file === file);
	if (!download) throw new Error(`no download named ${file}`);
	let text = built.get(file);
	if (!text) built.set(file, (text = download.build()));
	return text;
}

/** A static endpoint serving one download. */
export const serveDownload = (file: string) => async () => {
	const download = DOWNLOADS.find((d) => d.file === file)!;
	return new Response(await downloadText(file), {
		headers: { 'Content-Type': download.contentType },
	});
};
