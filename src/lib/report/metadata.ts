/**
 * Report metadata (FORMAT.md §9): title, issuing body and its place in the division
 * hierarchy as far as the text names it, report year with its evidence, statistics
 * period, publication date and document number. Nothing here is looked up elsewhere.
 * Page chrome is evidence only (page-chrome.ts); names and years said only in running text
 * come from running-text.ts.
 */
import { compact, type SourceLines } from './source.ts';
import type { Metadata } from '../model/record.ts';
import { chromeEvidence, isChromeLine } from './page-chrome.ts';
import { issuerInText, ownCountyInText, reportNamedInSentence } from './running-text.ts';

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
// "…年度报告（2023年度）": the year may follow the title in brackets.
const TITLE =
	/(?:信息公开|政务公开|政务信息公开).*(?:年度报告|年报|工作报告|情况报告|年度报)(?:\(\d{4}年度?\))?$|年度报告$/;
const COUNTY_LINE = /^[\u4e00-\u9fa5]{1,8}(?:自治县|自治旗|县|区|市|旗)$/;
const BRACKETED_YEAR = /[(（]\d{4}年度?[)）]$/;
const NAMES_DISCLOSURE = /信息公开|政务公开/;
const TITLE_FORM = /(年度工作报告|工作情况报告|情况报告|年度报告|工作报告|年报|年度报)$/;
const GOVERNMENT = /(?:人民政府|政府)$/;
const BODY_SUFFIX = /(?:人民政府|政府|街道办事处|办事处)$/;
const TOWNSHIP = /(民族乡|民族镇|回族乡|回族镇|苏木|街道|办事处|乡|镇)$/;
/** A department whose own name starts with 市: 市场监督管理局, 市政管理处, 市容环境卫生中心. */
const SHI_DEPARTMENT = /^市(?:场|政|容)/;
/** A department or committee of a county-level government. */
const DEPARTMENT = /(?:局|委员会|委|办公室|中心)$/;
const PERIOD = /统计(?:期限|时限|时间|周期|区间|期)/;
const UNIT = /^.+?(?:特别行政区|自治区|自治州|自治县|地区|省|市|州|盟|县|区|旗)/;
/** "漯(luò)河镇", "镇（zhèn）": a pinyin gloss printed after a character. */
const PINYIN_GLOSS = /[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+[)）]/g;

export interface PlaceName {
	township: string | null;
	townshipKind: string | null;
	county: string | null;
	prefecture: string | null;
	province: string | null;
}

/**
 * Split "三门峡市陕州区原店镇人民政府" into its units; the unit just above a township is its
 * county. A body above the township level (a county government, a department) is placed in
 * its own units: "慈利县审计局" has the county 慈利县.
 */
export function splitPlaceName(name: string): PlaceName {
	let rest = name
		.replace(PINYIN_GLOSS, '')
		.replace(GOVERNMENT, '')
		.replace(/街道办(?:事处)?$/, '街道');
	// A title may start with its province, printed whole. Read from the list, not by its suffix:
	// 贵州省 holds 州, and "山东省|市中区" doubles no suffix.
	const printedProvince = PROVINCES.find((p) => rest.startsWith(p)) ?? null;
	if (printedProvince) rest = rest.slice(printedProvince.length);
	const units: string[] = [];
	for (;;) {
		// A province named below a county belongs to the name under it: 游仙区|四川省科学城春雷街道.
		if (PROVINCES.some((p) => rest.startsWith(p))) break;
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
			!startsNextUnit(unit, tail) &&
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
	const isTownship = kind !== null && rest.length > kind[0].length;
	if (!isTownship && units.length === 0) units.push(...unitsAboveTownship(rest));
	return {
		township: isTownship ? rest : null,
		townshipKind: isTownship ? (kind[1] === '办事处' ? '街道' : kind[1]!) : null,
		county: units.at(-1) ?? null,
		prefecture: units.length > 1 ? units.at(-2)! : null,
		province: printedProvince,
	};
}

/**
 * Whether a suffix character right after a unit doubles its suffix and opens the next unit:
 * "济南市|市中区", "青岛市|市北区" (the district's own name starts with 市), where "津市|市" is
 * one county-level city, 津市市, because nothing after it reads as a unit. A unit ending in 州
 * ("陕州|区") never doubles, so it is extended as before.
 */
function startsNextUnit(unit: string, tail: string): boolean {
	if (tail[0] !== unit.at(-1)) return false;
	// "神木市|市场监督管理局": a department whose name starts with 市 (市场, 市政, 市容).
	if (SHI_DEPARTMENT.test(tail)) return true;
	const next = UNIT.exec(tail)?.[0];
	if (!next) return false;
	const after = tail.slice(next.length);
	// What follows the next unit is a township, a further unit, a department, or nothing.
	return after === '' || TOWNSHIP.test(after) || UNIT.test(after) || DEPARTMENT.test(after);
}

/** "三门峡市陕州区发展和改革局" → [三门峡市, 陕州区]; "新丰县" → [新丰县]; a name that is no unit → []. */
function unitsAboveTownship(name: string): string[] {
	const units: string[] = [];
	let rest = name;
	for (;;) {
		if (rest === '') return units;
		const m = UNIT.exec(rest);
		let unit = m?.[0] ?? '';
		let tail = rest.slice(unit.length);
		while (unit && /^[市区县旗盟]/.test(tail) && !startsNextUnit(unit, tail)) {
			unit += tail[0];
			tail = tail.slice(1);
		}
		// "城市管理局" after a county is a department, not a unit called 城市.
		if (!unit || (units.length > 0 && unit.length < 3)) return DEPARTMENT.test(rest) ? units : [];
		units.push(unit);
		rest = tail;
	}
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
	// Page chrome is blanked out of the header: it is evidence, never the title or a name line.
	const header = src.norm
		.slice(0, headerEnd)
		.map((l) => compact(l))
		.map((l) => (isChromeLine(l) ? '' : l));
	const headerRaw = src.raw.slice(0, headerEnd);
	const chrome = chromeEvidence(src);

	let titleAt = header.findIndex((l) => TITLE.test(l) && l.length <= 80 && !l.includes('。'));
	// "…政府信息公开年度工作" / "报　告": the title's last word wrapped onto a line of its own.
	const tail = titleAt === -1 ? wrappedTitleTail(header) : null;
	if (tail) titleAt = tail.at;
	let title: string | null = null;
	let titleBody: string | null = null;
	if (titleAt > -1) {
		title = titleText(headerRaw[titleAt]!) + (tail ? titleText(headerRaw[tail.tailAt]!) : '');
		// Names come from the normalised line, where a Traditional 鎮 has become 镇.
		let titleNorm = header[titleAt]! + (tail ? header[tail.tailAt]! : '');
		const joinAbove = (at: number) => {
			title = titleText(headerRaw[at]!) + title;
			titleNorm = header[at]! + titleNorm;
			titleAt = at;
		};
		const prevAt = previousNonEmpty(header, titleAt);
		const prev = prevAt > -1 ? header[prevAt]! : '';
		// The name line above a title may carry the year first: "2024年南关区永吉街道办事处".
		const prevName = prev.replace(/^\d{4}年度?/, '');
		if (
			prevAt > -1 &&
			titleAt - prevAt <= 2 &&
			!NAMES_DISCLOSURE.test(titleNorm) &&
			NAMES_DISCLOSURE.test(prev + titleNorm) &&
			!/[。；！？：:;!?]$/.test(prev)
		) {
			// A title wrapped over two lines: "…政府信息公开工" / "作年度报告", maybe a blank line between.
			joinAbove(prevAt);
		} else if (
			prevAt > -1 &&
			/^(?:\d|关于|政府信息公开|政务公开|信息公开)/.test(titleNorm) &&
			(isBodyName(prevName) || isPlaceName(prevName))
		) {
			// "苏店镇人民政府" / "2024年政府信息公开工作年度报告", or "桐木镇" alone above the title.
			joinAbove(prevAt);
		}
		// "龙山县" / "里耶镇人民政府2021年…": the county alone on the line above a title that names the body.
		const unitAt = previousNonEmpty(header, titleAt);
		if (unitAt > -1 && COUNTY_LINE.test(header[unitAt]!) && /^[\u4e00-\u9fa5]/.test(titleNorm))
			joinAbove(unitAt);
		// "2022年度螅镇…" puts the year before the name.
		titleBody = bodyInTitle(titleNorm);
	} else if (chrome.title && TITLE.test(chrome.title)) {
		title = chrome.title;
		titleBody = bodyInTitle(chrome.title);
	}
	const redHeader =
		header.map((l) => /^(.+?(?:人民政府|政府|办事处))文件$/.exec(l)?.[1]).find(Boolean) ?? null;
	const bodyLine = header.find((l, i) => i !== titleAt && isBodyName(l)) ?? null;
	const trailer = src.norm
		.slice(trailerStart)
		.map((l) => compact(l))
		.filter((l) => l && !isChromeLine(l));
	const dateLine = trailer.findLast((l) => /^(?:.*?)\d{4}年\d{1,2}月\d{1,2}日(?:印发)?$/.test(l));
	// "石牌镇人民政府　2023年1月30日": a signature and its date may share a line.
	const signatureBody =
		trailer
			.map(
				(l) =>
					/^(.+?(?:人民政府|政府|办事处))(?:\d{4}年\d{1,2}月\d{1,2}日(?:印发)?)?$/.exec(l)?.[1],
			)
			.find(Boolean) ?? null;
	const fullText = src.norm.map((l) => compact(l)).join('\n');
	const opening = src.norm
		.map((l) => compact(l))
		.filter((l) => l && !isChromeLine(l))
		.slice(0, 8);
	const named = reportNamedInSentence(opening);
	// The signature may give the fullest name (with its county); a misspelt one is left to S9.
	const issuingBody = chooseBody([
		redHeader,
		bodyLine,
		titleBody,
		signatureBody,
		named.body,
		issuerInText(fullText),
		chrome.publisher,
	]);
	const place = splitPlaceName(issuingBody ?? '');

	const county = place.county ?? ownCountyInText(fullText, place.township);
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
	const overviewYear = yearIn(compact(overviewText.slice(0, 60)));
	const textYear = named.year;
	const reportYear = titleYear ?? periodYear ?? overviewYear ?? textYear;
	const evidence: string[] = [];
	if (reportYear !== null) {
		if (titleYear === reportYear) evidence.push('title');
		if (periodYear === reportYear) evidence.push('statisticsPeriod');
		if (overviewYear === reportYear) evidence.push('overview');
		if (textYear === reportYear && evidence.length === 0) evidence.push('text');
	}
	const publicationDate = dateLine ? isoDate(dateLine) : chrome.date;

	return {
		title,
		titleForm: title ? (TITLE_FORM.exec(title.replace(BRACKETED_YEAR, ''))?.[1] ?? null) : null,
		issuingBody,
		township: place.township,
		townshipKind: place.townshipKind,
		county,
		prefecture: place.prefecture,
		province,
		reportYear,
		reportYearEvidence: evidence,
		statisticsPeriod: period,
		publicationDate,
		publicationDateKind: dateLine
			? dateLine.endsWith('印发')
				? 'printed'
				: 'signature'
			: chrome.date
				? 'web'
				: null,
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

/** The name a title starts with, before its year or 关于 / 政府信息公开. */
function bodyInTitle(title: string): string | null {
	const name =
		/^(.+?)(?:关于|\d{4}年|[〇○零一二三四五六七八九]{4}年|年度|政府信息公开|政务公开)/.exec(
			title
				.replace(/^.*文件/, '')
				.replace(/^\d{4}年度?/, '')
				.replace(/^关于/, ''),
		)?.[1] ?? null;
	// "政府信息公开工作年度报告" has no name in front: what precedes 年度 is no body.
	if (!name || NAMES_DISCLOSURE.test(name)) return null;
	return name.replace(PINYIN_GLOSS, '');
}

/** A line that is only a body's name: "河曲县旧县镇人民政府", not "本报告由某镇人民政府根据《…政府". */
function isBodyName(line: string): boolean {
	return (
		line.length <= 30 &&
		BODY_SUFFIX.test(line) &&
		!/[《》，。、：:,;；“”]/.test(line) &&
		!/^(?:本报告|根据|按照|依据|依照|由)|根据|按照|关于/.test(line)
	);
}

/** A line that is only a township's name: "桐木镇", "城关街道". */
function isPlaceName(line: string): boolean {
	const name = line.replace(PINYIN_GLOSS, '');
	return name.length <= 20 && /^[\u4e00-\u9fa5]+$/.test(name) && TOWNSHIP.test(name);
}

/** The title as printed, without markdown heading marks, bold marks or the spaces of a broken line. */
function titleText(raw: string): string {
	return raw
		.replace(/^\s*#+\s*/, '')
		.replace(/\*\*/g, '')
		.replace(/\s+/g, '');
}

/** A line naming 信息公开 whose title ends on the next line, a word of its own ("报告"). */
function wrappedTitleTail(header: string[]): { at: number; tailAt: number } | null {
	for (let at = 0; at < header.length; at++) {
		const line = header[at]!;
		if (!NAMES_DISCLOSURE.test(line) || line.length > 60 || /[。；：:]/.test(line)) continue;
		const tailAt = header.findIndex((l, i) => i > at && l !== '');
		if (tailAt === -1 || tailAt - at > 2) continue;
		const tail = header[tailAt]!;
		if (tail.length <= 4 && TITLE.test(line + tail)) return { at, tailAt };
	}
	return null;
}

function previousNonEmpty(lines: string[], at: number): number {
	for (let i = at - 1; i >= 0; i--) if (lines[i]) return i;
	return -1;
}

/** The fullest name among the header's candidates that names the same township. */
function chooseBody(candidates: (string | null)[]): string | null {
	const names = candidates.filter((c): c is string => !!c).map((c) => c.replace(PINYIN_GLOSS, ''));
	if (names.length === 0) return null;
	const township = names
		.map((n) => splitPlaceName(n).township ?? n.replace(BODY_SUFFIX, ''))
		.find(Boolean);
	const same = names.filter((n) => !township || n.replace(BODY_SUFFIX, '').endsWith(township));
	return (same.length ? same : names).sort((a, b) => b.length - a.length)[0]!;
}

function provinceFromText(text: string): string | null {
	const named = PROVINCES.filter((p) => text.includes(p));
	return named.length === 1 ? named[0]! : null;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
/**
 * The first four-digit year written with 年 (spaces allowed: "2025 年"), or in Chinese numerals
 * ("二〇二三年"); any year is read, implausible ones are flagged later (year-check.ts).
 */
function yearIn(text: string | null): number | null {
	if (!text) return null;
	const m = /(?<!\d)(\d{4})\s*年|([〇○零一二三四五六七八九]{4})\s*年/.exec(text);
	if (!m) return null;
	if (m[1]) return Number(m[1]);
	return Number(
		[...m[2]!].map((c) => (c === '○' || c === '零' ? 0 : CHINESE_DIGITS.indexOf(c))).join(''),
	);
}

function isoDate(text: string): string | null {
	const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
	if (!m) return null;
	return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * "统计期限自2022年1月1日起至2022年12月31日止" and its damaged variants; an end date without its
 * year ("至12月31日止") is in the start's year; unparseable dates keep only the raw text.
 */
function statisticsPeriod(text: string): Metadata['statisticsPeriod'] {
	const at = text.search(PERIOD);
	if (at === -1) return null;
	const raw = /^[^。;]*/.exec(text.slice(at))![0].slice(0, 80);
	const m =
		/(\d{4,6})年?(\d{1,2})月(\d{1,2})日.*?(?:至|到|—|-|~)(?:(\d{4,6})年?)?(\d{1,2})月(\d{1,2})日/.exec(
			raw,
		) ??
		// "2023.1.1—2023.12.31", "2023-01-01至2023-12-31"
		/(\d{4})[./-](\d{1,2})[./-](\d{1,2})日?.*?(?:至|到|—|-|~)(?:(\d{4})[./-])?(\d{1,2})[./-](\d{1,2})/.exec(
			raw,
		);
	const date = (y?: string, mo?: string, d?: string) =>
		y && y.length === 4 && Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31
			? `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`
			: null;
	return {
		start: m ? date(m[1], m[2], m[3]) : null,
		end: m ? date(m[4] ?? m[1], m[5], m[6]) : null,
		raw,
	};
}
