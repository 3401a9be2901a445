/**
 * Chinese place names as reports print them versus as the division data spells them.
 * Reports drop or add suffixes (街道 / 街道办事处, 茅坪镇 / 茅坪回族镇, 恩施州 / 恩施土家族苗族自治州),
 * so names are compared by a normalised form and by a stem without the administrative suffix.
 */

const ETHNIC_GROUPS =
	'蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|' +
	'景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|' +
	'保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
/** Zero or more ethnic names before 乡/镇/自治县…, e.g. 苗族土家族. */
const ETHNIC = `(?:(?:${ETHNIC_GROUPS})族)*(?:民族)?`;

/** "漯(luò)河镇", "镇（zhèn）": a pinyin gloss printed after a rare character (after NFKC, ASCII brackets). */
const PINYIN_GLOSS = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+\)/gu;

/** NFKC, no whitespace of any kind (NBSP, U+3000 survive NFKC as spaces), no pinyin gloss, no trailing 人民政府. */
export function normalizePlaceName(name: string): string {
	return name
		.normalize('NFKC')
		.replace(/[\s\u200b\ufeff]+/gu, '')
		.replace(PINYIN_GLOSS, '')
		.replace(/(?:人民政府|政府)(?:办公室)?$/u, '');
}

/** The kinds of township-level body; names are only compared within one family, except as a last resort. */
export type TownshipFamily = 'street' | 'town' | 'township' | 'sumu' | 'area' | 'other';

const TOWNSHIP_SUFFIXES: { pattern: RegExp; family: TownshipFamily }[] = [
	{ pattern: /^(.+?)(?:街道办事处|街道办|街道|办事处)$/u, family: 'street' },
	{ pattern: new RegExp(`^(.+?)${ETHNIC}镇$`, 'u'), family: 'town' },
	{ pattern: new RegExp(`^(.+?)${ETHNIC}乡$`, 'u'), family: 'township' },
	{ pattern: new RegExp(`^(.+?)${ETHNIC}苏木$`, 'u'), family: 'sumu' },
	{ pattern: /^(.+?)地区$/u, family: 'area' },
];

export interface TownshipNameParts {
	/** The name without its kind suffix: 店塔镇 → 店塔, 东华门街道办事处 → 东华门. */
	stem: string;
	family: TownshipFamily;
}

export function splitTownshipName(name: string): TownshipNameParts {
	const normalized = normalizePlaceName(name);
	for (const { pattern, family } of TOWNSHIP_SUFFIXES) {
		const match = pattern.exec(normalized);
		if (match?.[1]) return { stem: match[1], family };
	}
	return { stem: normalized, family: 'other' };
}

/** The kind word shown for a township, from its official name: 镇, 乡, 街道, 苏木, 民族乡 … */
export function townshipKind(officialName: string): string | null {
	const match = new RegExp(`(${ETHNIC}(?:乡|镇|苏木)|街道办事处|街道|办事处|地区)$`, 'u').exec(
		officialName,
	);
	return match?.[1] ?? null;
}

// 新疆维吾尔自治区 is the one autonomous name without 族.
const HIGHER_LEVEL_SUFFIX = new RegExp(
	`(?:(?:${ETHNIC}|维吾尔)(?:自治州|自治县|自治旗|自治区)|特别行政区|地区|特区|林区|新区|省|市|县|区|旗|盟|州)$`,
	'u',
);

/** 河南省 → 河南, 神木市 → 神木, 恩施土家族苗族自治州 → 恩施, 广西壮族自治区 → 广西. */
export function placeStem(name: string): string {
	const normalized = normalizePlaceName(name);
	const stem = normalized.replace(HIGHER_LEVEL_SUFFIX, '');
	return stem.length > 0 ? stem : normalized;
}

/**
 * Whether a name printed in a report (a county, city or province, with or without its suffix)
 * names the given official place: 神木 / 神木市, 恩施州 / 恩施土家族苗族自治州, 河南 / 河南省.
 */
export function placeNameMatches(printed: string, official: string): boolean {
	const a = normalizePlaceName(printed);
	const b = normalizePlaceName(official);
	if (a.length === 0) return false;
	return a === b || a === placeStem(b) || placeStem(a) === placeStem(b);
}
