/**
 * Report metadata (FORMAT.md §9): title, issuing body and its place in the division
 * hierarchy as far as the text names it, report year with its evidence, statistics
 * period, publication date and document number. Nothing here is looked up elsewhere.
 */
import { compact, type SourceLines } from './source.ts';
import type { Metadata } from '../model/record.ts';

const PROVINCES = [
	'北京市',
	'天津市',
	'河北省',
	'山西省',
	'内蒙古自治区',
	'辽宁省',
	'吉林省',
	'黑龙江省',
	'上海市',
	'江苏省',
	'浙江省',
	'安徽省',
	'福建省',
	'江西省',
	'山东省',
	'河南省',
	'湖北省',
	'湖南省',
	'广东省',
	'广西壮族自治区',
	'海南省',
	'重庆市',
	'四川省',
	'贵州省',
	'云南省',
	'西藏自治区',
	'陕西省',
	'甘肃省',
	'青海省',
	'宁夏回族自治区',
	'新疆维吾尔自治区',
];
const TITLE =
	/(?:信息公开|政务公开|政务信息公开).*(?:年度报告|年报|工作报告|情况报告|年度报)$|年度报告$/;
const TITLE_FORM = /(年度工作报告|工作情况报告|情况报告|年度报告|工作报告|年报|年度报)$/;
const BODY_SUFFIX = /(?:人民政府|政府|街道办事处|办事处)$/;
const TOWNSHIP = /(民族乡|民族镇|回族乡|回族镇|苏木|街道|乡|镇)$/;
const PERIOD = /统计(?:期限|时限|时间|周期|区间|期)/;
const UNIT = /^.+?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|区|旗)/;

export interface PlaceName {
	township: string | null;
	townshipKind: string | null;
	county: string | null;
	prefecture: string | null;
	province: string | null;
}

/** Split "三门峡市陕州区原店镇人民政府" into its units; the unit just above a township is its county. */
export function splitPlaceName(name: string): PlaceName {
	let rest = name.replace(BODY_SUFFIX, '').replace(/街道办$/, '街道');
	const units: string[] = [];
	for (;;) {
		const m = UNIT.exec(rest);
		if (!m) break;
		const remainder = rest.slice(m[0].length);
		const kind = TOWNSHIP.exec(remainder);
		// "旧县镇": taking "旧县" as a county would leave a bare "镇".
		if (!kind || remainder.length <= kind[0].length) break;
		// Non-greedy matching stops at 州 in "陕州区": extend over a following unit suffix.
		let unit = m[0];
		let tail = remainder;
		while (
			/^[市区县旗盟]/.test(tail) &&
			TOWNSHIP.test(tail.slice(1)) &&
			tail.length - 1 > (TOWNSHIP.exec(tail.slice(1))?.[0].length ?? 0)
		) {
			unit += tail[0];
			tail = tail.slice(1);
		}
		units.push(unit);
		rest = tail;
	}
	const kind = TOWNSHIP.exec(rest);
	const province = units.find((u) => PROVINCES.includes(u)) ?? null;
	const lower = units.filter((u) => u !== province);
	return {
		township: kind && rest.length > kind[0].length ? rest : null,
		townshipKind: kind && rest.length > kind[0].length ? kind[1]! : null,
		county: lower.at(-1) ?? null,
		prefecture: lower.length > 1 ? lower.at(-2)! : null,
		province,
	};
}

export interface MetadataInput {
	src: SourceLines;
	/** Index of the first section heading (the header block is above it). */
	bodyStart: number;
	trailerStart: number;
	overviewText: string;
}

export function extractMetadata({
	src,
	bodyStart,
	trailerStart,
	overviewText,
}: MetadataInput): Metadata {
	const headerEnd = Math.min(bodyStart, 30);
	const header = src.norm.slice(0, headerEnd).map((l) => compact(l));
	const headerRaw = src.raw.slice(0, headerEnd);

	let titleAt = header.findIndex((l) => TITLE.test(l) && l.length <= 80);
	let title: string | null = null;
	let titleBody: string | null = null;
	if (titleAt > -1) {
		title = titleText(headerRaw[titleAt]!);
		// Names come from the normalised line, where a Traditional 鎮 has become 镇.
		let titleNorm = header[titleAt]!;
		const prevAt = previousNonEmpty(header, titleAt);
		// "苏店镇人民政府" / "2024年政府信息公开工作年度报告": the body name sits on the line above.
		if (prevAt > -1 && BODY_SUFFIX.test(header[prevAt]!) && /^(?:\d|关于)/.test(header[titleAt]!)) {
			title = titleText(headerRaw[prevAt]!) + title;
			titleNorm = header[prevAt]! + titleNorm;
			titleAt = prevAt;
		}
		// "2022年度螅镇…" puts the year before the name.
		titleBody =
			/^(.+?)(?:关于|\d{4}年|年度|政府信息公开|政务公开)/.exec(
				titleNorm.replace(/^.*文件/, '').replace(/^\d{4}年度?/, ''),
			)?.[1] ?? null;
	}
	const redHeader =
		header.map((l) => /^(.+?(?:人民政府|政府|办事处))文件$/.exec(l)?.[1]).find(Boolean) ?? null;
	const bodyLine =
		header.find((l, i) => i !== titleAt && BODY_SUFFIX.test(l) && l.length <= 30) ?? null;
	const trailer = src.norm
		.slice(trailerStart)
		.map((l) => compact(l))
		.filter(Boolean);
	const dateLine = trailer.findLast((l) => /^(?:.*?)\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$/.test(l));
	const signatureBody = trailer.find((l) => /(?:人民政府|政府|办事处)$/.test(l)) ?? null;
	// The signature may give the fullest name (with its county); a misspelt one is left to S9.
	const issuingBody = chooseBody([redHeader, bodyLine, titleBody, signatureBody]);
	const place = splitPlaceName(issuingBody ?? '');

	const county = place.county ?? countyFromText(src.norm.join('\n'));
	const province = place.province ?? provinceFromText(src.norm.join('\n'));

	const titleYear = yearIn(title);
	const periodAt = src.norm.findIndex(
		(l) => l.includes('统计') && PERIOD.test(l.replace(/\s+/g, '')),
	);
	const period =
		periodAt === -1
			? null
			: statisticsPeriod(
					src.norm
						.slice(periodAt, periodAt + 3)
						.map((l) => compact(l))
						.join(''),
				);
	const periodYear = period?.start ? Number(period.start.slice(0, 4)) : null;
	const overviewYear = yearIn(overviewText.slice(0, 60));
	const reportYear = titleYear ?? periodYear ?? overviewYear;
	const evidence: string[] = [];
	if (reportYear !== null) {
		if (titleYear === reportYear) evidence.push('title');
		if (periodYear === reportYear) evidence.push('statisticsPeriod');
		if (overviewYear === reportYear) evidence.push('overview');
	}

	return {
		title,
		titleForm: title ? (TITLE_FORM.exec(title)?.[1] ?? null) : null,
		issuingBody,
		township: place.township,
		townshipKind: place.townshipKind,
		county,
		prefecture: place.prefecture,
		province,
		reportYear,
		reportYearEvidence: evidence,
		statisticsPeriod: period,
		publicationDate: dateLine ? isoDate(dateLine) : null,
		publicationDateKind: dateLine ? (dateLine.endsWith('印发') ? 'printed' : 'signature') : null,
		documentNumber:
			header
				.map((l) => /[\u4e00-\u9fa5]{1,12}[〔\[【(]\d{4}[〕\]】)]\d+号/.exec(l)?.[0])
				.find(Boolean) ?? null,
		addressee:
			header
				.map((l) => /^([\u4e00-\u9fa5]{2,30}(?:办公室|政府|委员会)):$/.exec(l)?.[1])
				.find(Boolean) ?? null,
		signatureBody,
	};
}

/** The title as printed, without markdown heading marks, bold marks or the spaces of a broken line. */
function titleText(raw: string): string {
	return raw
		.replace(/^\s*#+\s*/, '')
		.replace(/\*\*/g, '')
		.replace(/\s+/g, '');
}

function previousNonEmpty(lines: string[], at: number): number {
	for (let i = at - 1; i >= 0; i--) if (lines[i]) return i;
	return -1;
}

/** The fullest name among the header's candidates that names the same township. */
function chooseBody(candidates: (string | null)[]): string | null {
	const names = candidates.filter((c): c is string => !!c);
	if (names.length === 0) return null;
	const township = names
		.map((n) => splitPlaceName(n).township ?? n.replace(BODY_SUFFIX, ''))
		.find(Boolean);
	const same = names.filter((n) => !township || n.replace(BODY_SUFFIX, '').endsWith(township));
	return (same.length ? same : names).sort((a, b) => b.length - a.length)[0]!;
}

/** A county named in running text, e.g. "在上党区政府门户网站" (seed 003). */
function countyFromText(text: string): string | null {
	const counts = new Map<string, number>();
	const pattern =
		/(?:^|[在于为向和与及、,。(《“\s]|利用|通过|依托|按照|根据)([\u4e00-\u9fa5]{2,3}?(?:县|区|旗))(?:人民政府|政府|委|门户)/g;
	for (const m of text.matchAll(pattern)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function provinceFromText(text: string): string | null {
	const named = PROVINCES.filter((p) => text.includes(p));
	return named.length === 1 ? named[0]! : null;
}

function yearIn(text: string | null): number | null {
	const m = text ? /(\d{4})年/.exec(text) : null;
	const year = m ? Number(m[1]) : null;
	return year !== null && year >= 2000 && year <= 2100 ? year : null;
}

function isoDate(text: string): string | null {
	const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
	if (!m) return null;
	return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** "统计期限自2022年1月1日起至2022年12月31日止" and its damaged variants; unparseable dates keep only the raw text. */
function statisticsPeriod(text: string): Metadata['statisticsPeriod'] {
	const at = text.search(PERIOD);
	if (at === -1) return null;
	const raw = /^[^。;]*/.exec(text.slice(at))![0].slice(0, 80);
	const m =
		/(\d{4,6})年?(\d{1,2})月(\d{1,2})日.*?(?:至|到|—|-|~)(\d{4,6})年?(\d{1,2})月(\d{1,2})日/.exec(
			raw,
		);
	const date = (y?: string, mo?: string, d?: string) =>
		y && y.length === 4 && Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31
			? `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`
			: null;
	return { start: m ? date(m[1], m[2], m[3]) : null, end: m ? date(m[4], m[5], m[6]) : null, raw };
}
