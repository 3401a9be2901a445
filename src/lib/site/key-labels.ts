/**
 * Short Chinese names for the record's key names, for reading the parser's formulas and
 * scopes (written with keys such as `newReceived + carriedOver`) in the UI's language.
 */
import { TABLE3_COLUMN_LABELS, TABLE4_COLUMN_LABELS } from '../model/vocabulary.ts';

export const KEY_LABELS: Record<string, string> = {
	table2: '表二',
	table2v2019: '表二（2019）',
	table3: '表三',
	table4: '表四',
	T3: '表三',
	// Table 3 rows
	newReceived: '本年新收',
	carriedOver: '上年结转',
	granted: '予以公开',
	partiallyGranted: '部分公开',
	deniedStateSecret: '国家秘密',
	deniedLawProhibited: '法律法规禁止',
	deniedSecurityStability: '三安全一稳定',
	deniedThirdParty: '第三方权益',
	deniedInternalAffairs: '内部事务',
	deniedProcessInfo: '过程性信息',
	deniedEnforcementFile: '执法案卷',
	deniedAdminQuery: '行政查询',
	unableNotHeld: '不掌握',
	unableNeedsCreation: '需另行制作',
	unableUnclear: '仍不明确',
	notHandledPetition: '信访举报投诉',
	notHandledRepeat: '重复申请',
	notHandledPublication: '公开出版物',
	notHandledExcessive: '大量反复申请',
	notHandledReissue: '确认或重新出具',
	otherCombined: '其他处理',
	otherNoCorrection: '逾期不补正',
	otherFeeUnpaid: '逾期未缴费',
	otherOther: '其他处理·其他',
	resultsTotal: '办理结果总计',
	carriedForward: '结转下年度',
	// Table 3 columns and Table 4
	...TABLE3_COLUMN_LABELS,
	...TABLE4_COLUMN_LABELS,
	reconsideration: '行政复议',
	litigationDirect: '直接起诉',
	litigationAfterReconsideration: '复议后起诉',
	// Table 2
	regulations: '规章',
	normativeDocuments: '行政规范性文件',
	licensing: '行政许可',
	otherExternalServices: '其他对外管理服务事项',
	penalty: '行政处罚',
	coercion: '行政强制',
	fees: '行政事业性收费',
	procurement: '政府集中采购',
	issued: '本年制发',
	repealed: '本年废止',
	inForce: '现行有效',
	decisions: '处理决定',
	amountWan: '收费金额',
	newlyMade: '本年新制作',
	newlyPublished: '本年新公开',
	totalPublished: '对外公开总数',
	priorYearItems: '上一年项目数',
	netChange: '本年增减',
	projects: '采购项目数',
	totalAmount: '采购总金额',
	// Metadata
	metadata: '报告信息',
	publicationDate: '发布日期',
	signatureBody: '落款机关',
	statisticsPeriod: '统计期限',
	formatVersion: '格式版本',
	issuingBody: '发布机关',
	reportYear: '报告年度',
};

/** Replaces every known key in a text by its Chinese name; dotted paths read 表三·本年新收·总计. */
export function translateKeys(text: string): string {
	return text
		.replace(/[A-Za-z][A-Za-z0-9]*/g, (word) => KEY_LABELS[word] ?? word)
		.replace(/(?<=[\p{Script=Han}）)])\.(?=[\p{Script=Han}])/gu, '·');
}
