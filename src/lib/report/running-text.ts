/**
 * Metadata named only in running text (issue 9 §2 item 13): the issuer in the sentence that
 * says who compiled the report (本报告由某某镇人民政府党政办公室编制), the issuer and year in an
 * opening sentence that names the report (现将某某乡人民政府2020年度政府信息公开工作年度报告
 * 公布如下, 现发布《某某县某某镇2022年…》, a title run into its first sentence), and the county only where the text makes it the issuer's own: printed in front
 * of the township's name, or as the portal the report is published on. A county merely
 * mentioned (a visit, a notice from elsewhere) is not the issuer's.
 */

const HAN = '[\\u4e00-\\u9fa5]';
/** Bodies that issue reports: governments, street offices, departments and committees. */
const BODY_END = '(?:人民政府|政府|街道办事处|办事处|委员会|局|委|办公室|中心|街道|镇|乡|苏木)';
const OFFICE = '(?:党政综合办公室|党政办公室|综合办公室|党政办|办公室)';
const COMPILED = '(?:根据|依据|依照|按照|负责|编制|牵头|组织|制作|发布|编写)';

const ISSUER_SENTENCE = new RegExp(`本报告由(${HAN}{2,40}?${BODY_END})${OFFICE}?${COMPILED}`);

/** The body named as the report's compiler, with its office dropped. */
export function issuerInText(text: string): string | null {
	return ISSUER_SENTENCE.exec(text)?.[1] ?? null;
}

const NAMED_REPORT = new RegExp(
	`(${HAN}{2,40}?(?:人民政府|政府|街道办事处|办事处|局|委员会|街道|镇|乡|苏木))?(?:关于)?(\\d{4})年度?(?:政府信息公开|政务公开|政务信息公开)(?:工作)?的?(?:情况)?(?:年度报告|年报|工作报告|报告)`,
);
const LEAD_IN = /^.*?(?:现将|现就|特将|兹将|现予|公布|发布)/;

/** The body and year of an opening sentence that names the report it opens. */
export function reportNamedInSentence(lines: string[]): {
	body: string | null;
	year: number | null;
} {
	for (const line of lines) {
		const m = NAMED_REPORT.exec(line);
		if (!m) continue;
		const body = m[1] ? m[1].replace(LEAD_IN, '') : null;
		return {
			// "我镇2021年…", "全乡…": a deictic word, not a name.
			body: body && body.length >= 2 && !/^(?:本|我|全|该|各)/.test(body) ? body : null,
			year: Number(m[2]),
		};
	}
	return { body: null, year: null };
}

// Short names only, so a lead-in verb (积极利用上党区) is not taken into the name.
const COUNTY = `(${HAN}{2,10}?自治(?:县|旗)|${HAN}{1,4}?(?:县|区|旗|市))`;
// A name starts after a lead-in word or punctuation, or at the start unless a lead-in word is there.
const LEAD_IN_WORD = '[在于为向和与及]|利用|通过|依托|登录';
const BOUNDARY = `(?:^(?!${LEAD_IN_WORD})|[、,。(《“\\s]|${LEAD_IN_WORD})`;
// 人民政府 is part of the portal's name, so the county is what precedes it.
const PORTAL = /(?:人民政府|政府)?(?:门户网站|网站)|政府网|政务公开专栏|信息公开平台|政务服务网/g;
const COUNTY_BEFORE_PORTAL = new RegExp(`${BOUNDARY}${COUNTY}$`);

/**
 * The county the text makes the issuer's own: printed right before the township's name,
 * or the county whose portal publishes the report. Null when the text names none, or two.
 */
export function ownCountyInText(text: string, township: string | null): string | null {
	const counts = new Map<string, number>();
	const count = (c: string) => counts.set(c, (counts.get(c) ?? 0) + 1);
	if (township && text.includes(township)) {
		const before = new RegExp(`${BOUNDARY}${COUNTY}${township}`, 'g');
		for (const m of text.matchAll(before)) count(m[1]!);
	}
	for (const m of text.matchAll(PORTAL)) {
		const before = text.slice(Math.max(0, m.index - 16), m.index);
		const county = COUNTY_BEFORE_PORTAL.exec(before)?.[1];
		if (county) count(county);
	}
	// "本区政府门户网站": a deictic word, not a name.
	for (const c of counts.keys()) if (/^[本我该全各原]/.test(c)) counts.delete(c);
	const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
	if (ranked.length === 0) return null;
	return ranked.length > 1 && ranked[1]![1] === ranked[0]![1] ? null : ranked[0]![0];
}
