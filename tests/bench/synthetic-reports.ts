/**
 * Synthetic report corpora for the scale benchmark (npm run bench), never for content/reports/:
 * real townships and codes from src/data/divisions.json, 3–7 consecutive years each, tables that
 * satisfy the hard rules (built by report-arbitraries.ts, most counts small, a few townships
 * scaled up), the seeds' layouts and label variants (render-report.ts), and narrative paragraphs
 * of realistic length drawn from the phrases township reports use. Deterministic for a seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { DivisionTable } from '../../src/lib/model/division-table.ts';
import divisionsJson from '../../src/data/divisions.json' with { type: 'json' };
import { renderOptionsArb, truthArb } from '../support/report-arbitraries.ts';
import { renderReport, type Layout, type ReportTruth } from '../support/render-report.ts';

const divisions = divisionsJson as DivisionTable;

/** Small deterministic PRNG (mulberry32), so a corpus is the same on every machine. */
export function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
	return { next, int, pick };
}

export interface SyntheticTownship {
	code: string;
	name: string;
	county: string;
	prefecture: string | null;
	province: string;
}

/** Townships, 乡 and 街道 of the division table (farms, 开发区 and the like left out), in code order. */
export function realTownships(): SyntheticTownship[] {
	const out: SyntheticTownship[] = [];
	for (const [county, list] of Object.entries(divisions.townships))
		for (const item of list) {
			const name = item.slice(3);
			if (!/(镇|乡|街道)$/.test(name)) continue;
			out.push({
				code: county + item.slice(0, 3),
				name,
				county: divisions.counties[county] ?? '',
				prefecture: divisions.prefectures[county.slice(0, 4)] ?? null,
				province: divisions.provinces[county.slice(0, 2)] ?? '',
			});
		}
	return out;
}

// Layouts weighted as the seeds and the wild: mostly Word tables pasted as tabs or markdown.
const LAYOUT_WEIGHTS: [Layout, number][] = [
	['tsv', 40],
	['pipe', 20],
	['cellPerLine', 15],
	['pdfText', 15],
	['glued', 5],
	['html', 5],
];

const OVERVIEW = [
	'{t}党委、政府高度重视政务公开工作，成立了由{t}长任组长、分管领导任副组长、各站所负责人为成员的政务公开工作领导小组，领导小组下设办公室，配备专职工作人员{n}名，确保政务公开工作有人抓、有人管。',
	'{y}年，{t}共主动公开政府信息{m}条，其中通过政府门户网站公开{a}条，通过政务公开栏公开{b}条，通过政务新媒体公开{c}条。',
	'围绕重大决策部署，及时公开乡村振兴、人居环境整治、防汛抗旱、安全生产等重点领域信息，切实保障群众的知情权、参与权、表达权和监督权。',
	'认真落实财政预决算公开要求，按时在政府门户网站公开部门预算、决算及“三公”经费情况，做到应公开尽公开。',
	'加强惠民惠农财政补贴资金信息公开，通过村务公开栏逐户公示耕地地力保护补贴、城乡居民最低生活保障、特困人员救助供养等资金发放情况，共公示{n}批次。',
	'严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。',
	'依托政务服务大厅设立政府信息公开查阅点，配备电脑和查阅资料，方便群众查阅政府信息，全年接待群众查阅{a}人次。',
	'进一步规范依申请公开工作流程，明确受理、审查、办理、答复、归档等各环节的责任和时限，确保依申请公开工作依法有序开展。',
	'持续推进基层政务公开标准化规范化建设，对照国务院部门制定的26个试点领域基层政务公开标准指引，编制完善本级政务公开事项标准目录。',
	'加强政务新媒体管理，{t}政务微信公众号全年发布信息{b}条，及时回应群众关切，没有出现错敏信息和“僵尸”账号。',
	'定期组织召开政务公开工作推进会，研究解决工作中存在的问题，并将政务公开工作纳入各村（社区）和站所年度目标考核，考核分值占比{n}%。',
	'积极开展政策解读工作，对涉及群众切身利益的重要政策文件，采取图文解读、视频解读、问答等形式进行解读，全年解读政策{c}件。',
	'健全政府信息发布机制，对拟公开的政府信息严格执行“三审三校”制度，确保信息内容准确、表述规范、发布及时。',
	'组织全体干部职工开展《中华人民共和国政府信息公开条例》专题学习{n}次，邀请{co}政务公开办业务骨干授课，提升干部依法公开意识和业务水平。',
	'做好政府信息公开工作年度报告的编制和发布工作，按照统一格式要求，于规定时间前在政府门户网站政府信息公开专栏发布。',
	'推进决策公开，对涉及群众切身利益的重大事项，通过召开座谈会、村民代表大会等方式广泛听取意见，全年召开征求意见座谈会{n}次。',
	'加强政府信息平台建设，按照{co}统一部署，完成政府信息公开专栏栏目调整和内容迁移，做到栏目设置规范、信息分类清晰。',
	'持续做好政府信息管理，对{y}年以前制发的规范性文件进行全面清理，及时公开清理结果。',
];

const PROBLEMS = [
	'{y}年，{t}政府信息公开工作取得了一定成效，但仍存在一些问题和不足：一是公开内容不够全面，部分领域信息公开的及时性有待提高；二是政策解读形式较为单一，解读质量不高；三是工作人员业务水平有待进一步提升。',
	'下一步，{t}将从以下几个方面加以改进：一是加强学习培训，提高工作人员的业务能力和水平；二是拓宽公开渠道，充分利用政府网站、政务新媒体、公开栏等平台，提高信息公开的覆盖面；三是加强监督考核，将政务公开工作纳入年度目标考核，确保各项工作落到实处。',
	'针对上年度报告中提出的问题，{t}已逐项制定整改措施，落实责任人和完成时限，目前各项整改任务均已完成。',
	'进一步加强政策解读与回应关切，对群众关注度高的热点问题及时作出回应，正确引导社会预期。',
];

const fill = (text: string, vars: Record<string, string | number>) =>
	text.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? ''));

function chooseLayout(r: ReturnType<typeof prng>): Layout {
	let roll = r.next() * 100;
	for (const [layout, weight] of LAYOUT_WEIGHTS) if ((roll -= weight) < 0) return layout;
	return 'tsv';
}

/** Every count of Tables 3 and 4 times `factor`: sums stay sums, so H1–H4 still hold. */
function scaleTables(truth: ReportTruth, factor: number): void {
	if (factor === 1) return;
	for (const table of [truth.table3, truth.table4] as Record<string, Record<string, unknown>>[])
		for (const row of Object.values(table))
			for (const [key, value] of Object.entries(row))
				if (typeof value === 'number') row[key] = value * factor;
}

const APPLICANTS = [
	'naturalPerson',
	'commercialEnterprise',
	'researchInstitution',
	'publicInterestOrg',
	'legalServiceOrg',
	'otherOrg',
] as const;

/**
 * Makes a year follow the one before as real reports do: 上年结转 is last year's 结转下年度 (X1)
 * and documents in force carry over (X2). H1 is kept by moving the difference into 新收 (or, when
 * that would go negative, into 结转下年度); the total column stays the row sum (H3).
 */
function continueFrom(previous: ReportTruth, truth: ReportTruth): void {
	type Row = Record<string, number | null>;
	const before = previous.table3 as unknown as Record<string, Row>;
	const now = truth.table3 as unknown as Record<string, Row>;
	for (const c of APPLICANTS) {
		const carriedOver = before.carriedForward![c] ?? 0;
		let received = (now.resultsTotal![c] ?? 0) + (now.carriedForward![c] ?? 0) - carriedOver;
		if (received < 0) {
			now.carriedForward![c] = (now.carriedForward![c] ?? 0) - received;
			received = 0;
		}
		now.carriedOver![c] = carriedOver;
		now.newReceived![c] = received;
	}
	for (const key of ['carriedOver', 'newReceived', 'carriedForward'])
		now[key]!.total = APPLICANTS.reduce((sum, c) => sum + (now[key]![c] ?? 0), 0);
	const docsBefore = previous.table2?.normativeDocuments;
	const docsNow = truth.table2?.normativeDocuments;
	if (docsBefore && docsNow && docsBefore.inForce !== null) {
		const issued = docsNow.issued ?? 0;
		const repealed = Math.min(docsNow.repealed ?? 0, docsBefore.inForce + issued);
		docsNow.repealed = repealed;
		docsNow.inForce = docsBefore.inForce + issued - repealed;
	}
}

/** The reports of one township: `years` consecutive years ending no later than 2025. */
function townshipReports(
	township: SyntheticTownship,
	seed: number,
): { year: number; text: string }[] {
	const r = prng(seed);
	const count = r.int(3, 7);
	// 2019 is the first year of the current formats (FORMAT.md §3).
	const last = Math.max(r.int(2023, 2025), 2018 + count);
	// Most townships handle a handful of applications; about one in twenty handles hundreds.
	const factor = r.next() < 0.05 ? r.int(5, 40) : 1;
	const layout = chooseLayout(r);
	const out: { year: number; text: string }[] = [];
	let previous: ReportTruth | null = null;
	for (let year = last - count + 1; year <= last; year++) {
		const format = year >= 2021 ? '2021' : '2019';
		const [truthCase] = fc.sample(truthArb(format), { seed: seed * 10 + year, numRuns: 1 });
		const { truth, printed } = truthCase!;
		truth.meta = { county: township.county, township: township.name, year };
		scaleTables(truth, factor);
		if (truth.table2) truth.table2.regulations = { issued: 0, repealed: 0, inForce: 0 };
		if (previous) continueFrom(previous, truth);
		previous = truth;
		const [options] = fc.sample(renderOptionsArb(layout, printed), {
			seed: seed * 10 + year + 7,
			numRuns: 1,
		});
		const vars = {
			t: township.name,
			y: year,
			co: township.county,
			n: r.int(1, 12),
			m: r.int(30, 900),
			a: r.int(10, 400),
			b: r.int(5, 300),
			c: r.int(1, 60),
		};
		const overview = OVERVIEW.filter(() => r.next() < 0.55).map((s) => fill(s, vars));
		const problems = PROBLEMS.filter(() => r.next() < 0.7).map((s) => fill(s, vars));
		const place = `${township.prefecture ?? ''}${township.county}${township.name}`;
		const rendered = renderReport(truth, {
			...options!,
			titleLines: [`${place}人民政府${year}年政府信息公开工作年度报告`],
			overviewExtra: [...overview, ...problems],
			signatureLines: [
				`${township.county}${township.name}人民政府`,
				`${year + 1}年1月${r.int(10, 31)}日`,
			],
		});
		out.push({ year, text: rendered.text });
	}
	return out;
}

/**
 * Writes about `target` reports (whole townships, so it may end a few over and is then trimmed)
 * into `dir`, townships spread over every province. Returns the number written.
 */
export function writeCorpus(target: number, dir: string, seed = 1): number {
	mkdirSync(dir, { recursive: true });
	const all = realTownships();
	const r = prng(seed);
	// A stride through the code-ordered list reaches every province; the offset varies by seed.
	const stride = Math.max(1, Math.floor(all.length / Math.max(1, Math.ceil(target / 5))));
	let index = r.int(0, stride - 1);
	let written = 0;
	const used = new Set<string>();
	while (written < target) {
		if (index >= all.length) index = (index % all.length) + 1;
		const township = all[index]!;
		index += stride;
		if (used.has(township.code)) continue;
		used.add(township.code);
		for (const { year, text } of townshipReports(township, Number(township.code) ^ seed)) {
			if (written >= target) break;
			writeFileSync(join(dir, `${township.code}_${year}.txt`), text);
			written++;
		}
	}
	return written;
}
