/**
 * The national format's vocabulary: every table row, column and section with its
 * canonical key (FORMAT.md §7.4), its official Chinese label, and the keywords that
 * recognise it in damaged text. Pages, the schema and the parser all read from here.
 */

/**
 * How a report's derived text (an HTML, Word or PDF table turned into rows) writes a table cell
 * printed empty: the parser reads it as a blank cell, and the report page explains it to readers.
 */
export const EMPTY_CELL_MARK = '\u2400';

export const SECTION_KEYS = [
	'overview',
	'activeDisclosure',
	'applications',
	'reviewLitigation',
	'problemsImprovements',
	'otherMatters',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_LABELS: Record<SectionKey, string> = {
	overview: '一、总体情况',
	activeDisclosure: '二、主动公开政府信息情况',
	applications: '三、收到和处理政府信息公开申请情况',
	reviewLitigation: '四、政府信息公开行政复议、行政诉讼情况',
	problemsImprovements: '五、存在的主要问题及改进情况',
	otherMatters: '六、其他需要报告的事项',
};

/** Table 3 applicant columns, in printed order. */
export const TABLE3_COLUMNS = [
	'naturalPerson',
	'commercialEnterprise',
	'researchInstitution',
	'publicInterestOrg',
	'legalServiceOrg',
	'otherOrg',
	'total',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];
export const TABLE3_APPLICANT_COLUMNS = TABLE3_COLUMNS.slice(0, 6) as readonly Table3Column[];

export const TABLE3_COLUMN_LABELS: Record<Table3Column, string> = {
	naturalPerson: '自然人',
	commercialEnterprise: '商业企业',
	researchInstitution: '科研机构',
	publicInterestOrg: '社会公益组织',
	legalServiceOrg: '法律服务机构',
	otherOrg: '其他',
	total: '总计',
};

/** Table 3 rows of the 2021 format in printed order, plus the 2019 single （六） row. */
export const TABLE3_ROWS = [
	'newReceived',
	'carriedOver',
	'granted',
	'partiallyGranted',
	'deniedStateSecret',
	'deniedLawProhibited',
	'deniedSecurityStability',
	'deniedThirdParty',
	'deniedInternalAffairs',
	'deniedProcessInfo',
	'deniedEnforcementFile',
	'deniedAdminQuery',
	'unableNotHeld',
	'unableNeedsCreation',
	'unableUnclear',
	'notHandledPetition',
	'notHandledRepeat',
	'notHandledPublication',
	'notHandledExcessive',
	'notHandledReissue',
	'otherCombined',
	'otherNoCorrection',
	'otherFeeUnpaid',
	'otherOther',
	'resultsTotal',
	'carriedForward',
] as const;
export type Table3Row = (typeof TABLE3_ROWS)[number];

/** Group a Table 3 row belongs to, for the merged label column of the official layout. */
export type Table3Group =
	| ''
	| '三、本年度办理结果'
	| '（三）不予公开'
	| '（四）无法提供'
	| '（五）不予处理'
	| '（六）其他处理';

export interface Table3RowInfo {
	label: string;
	group: Table3Group;
	/** Keywords that identify the row once numbering, brackets and spaces are stripped. */
	keywords: RegExp;
}

export const TABLE3_ROW_INFO: Record<Table3Row, Table3RowInfo> = {
	newReceived: {
		label: '一、本年新收政府信息公开申请数量',
		group: '',
		keywords: /本年新收|新收.*申请/,
	},
	carriedOver: { label: '二、上年结转政府信息公开申请数量', group: '', keywords: /上年结转/ },
	granted: { label: '（一）予以公开', group: '三、本年度办理结果', keywords: /予以公开/ },
	partiallyGranted: {
		label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
		group: '三、本年度办理结果',
		keywords: /部分公开/,
	},
	deniedStateSecret: { label: '1.属于国家秘密', group: '（三）不予公开', keywords: /国家秘密/ },
	deniedLawProhibited: {
		label: '2.其他法律行政法规禁止公开',
		group: '（三）不予公开',
		keywords: /禁止公开|法规禁止/,
	},
	deniedSecurityStability: {
		label: '3.危及“三安全一稳定”',
		group: '（三）不予公开',
		keywords: /三安全|一稳定/,
	},
	deniedThirdParty: { label: '4.保护第三方合法权益', group: '（三）不予公开', keywords: /第三方/ },
	deniedInternalAffairs: {
		label: '5.属于三类内部事务信息',
		group: '（三）不予公开',
		keywords: /内部事务/,
	},
	deniedProcessInfo: { label: '6.属于四类过程性信息', group: '（三）不予公开', keywords: /过程性/ },
	deniedEnforcementFile: {
		label: '7.属于行政执法案卷',
		group: '（三）不予公开',
		keywords: /执法案卷/,
	},
	deniedAdminQuery: { label: '8.属于行政查询事项', group: '（三）不予公开', keywords: /行政查询/ },
	unableNotHeld: {
		label: '1.本机关不掌握相关政府信息',
		group: '（四）无法提供',
		keywords: /不掌握/,
	},
	unableNeedsCreation: {
		label: '2.没有现成信息需要另行制作',
		group: '（四）无法提供',
		keywords: /另行制作|没有现成/,
	},
	unableUnclear: { label: '3.补正后申请内容仍不明确', group: '（四）无法提供', keywords: /不明确/ },
	notHandledPetition: {
		label: '1.信访举报投诉类申请',
		group: '（五）不予处理',
		keywords: /信访|举报投诉/,
	},
	notHandledRepeat: { label: '2.重复申请', group: '（五）不予处理', keywords: /重复申请/ },
	notHandledPublication: {
		label: '3.要求提供公开出版物',
		group: '（五）不予处理',
		keywords: /出版物/,
	},
	notHandledExcessive: {
		label: '4.无正当理由大量反复申请',
		group: '（五）不予处理',
		keywords: /大量反复|反复申请/,
	},
	notHandledReissue: {
		label: '5.要求行政机关确认或重新出具已获取信息',
		group: '（五）不予处理',
		keywords: /确认或重|重新出具|已获取信息/,
	},
	otherCombined: { label: '（六）其他处理', group: '三、本年度办理结果', keywords: /其他处理$/ },
	otherNoCorrection: {
		label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
		group: '（六）其他处理',
		keywords: /不补正/,
	},
	otherFeeUnpaid: {
		label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
		group: '（六）其他处理',
		keywords: /缴纳费用|收费通知/,
	},
	// "其他" alone is also a column label; only a whole label ending the (六) group counts.
	otherOther: {
		label: '3.其他',
		group: '（六）其他处理',
		keywords: /(?:^|\d[.、]|[三3][.、]?)其他$/,
	},
	resultsTotal: {
		label: '（七）总计',
		group: '三、本年度办理结果',
		keywords: /(?:^|七[)、.]?)总计$/,
	},
	carriedForward: { label: '四、结转下年度继续办理', group: '', keywords: /结转下年|下年度继续/ },
};

/** The rows under one merged group label, in printed order, e.g. the 8 rows of （三）不予公开. */
export function table3RowsInGroup(group: Table3Group): Table3Row[] {
	return TABLE3_ROWS.filter((r) => TABLE3_ROW_INFO[r].group === group && r !== 'otherCombined');
}

/** The three 2021 sub-rows of （六）其他处理; the 2019 format prints `otherCombined` instead. */
export const TABLE3_OTHER_SUBROWS: readonly Table3Row[] = table3RowsInGroup('（六）其他处理');

/** Rows that are group captions when followed by sub-rows, and data rows only when numbers follow directly. */
export const TABLE3_GROUP_SUBTOTALS: { label: string; keywords: RegExp }[] = [
	{ label: '三、本年度办理结果', keywords: /本年度办理结果$/ },
	{ label: '（三）不予公开', keywords: /(?:^|[)）])不予公开$/ },
	{ label: '（四）无法提供', keywords: /无法提供$/ },
	{ label: '（五）不予处理', keywords: /不予处理$/ },
];

/** Table 4 groups and result columns (15 cells, identical in both formats). */
export const TABLE4_GROUPS = [
	'reconsideration',
	'litigationDirect',
	'litigationAfterReconsideration',
] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];
export const TABLE4_COLUMNS = ['upheld', 'corrected', 'otherResult', 'pending', 'total'] as const;
export type Table4Column = (typeof TABLE4_COLUMNS)[number];
export const TABLE4_GROUP_LABELS: Record<Table4Group, string> = {
	reconsideration: '行政复议',
	litigationDirect: '行政诉讼·未经复议直接起诉',
	litigationAfterReconsideration: '行政诉讼·复议后起诉',
};
export const TABLE4_COLUMN_LABELS: Record<Table4Column, string> = {
	upheld: '结果维持',
	corrected: '结果纠正',
	otherResult: '其他结果',
	pending: '尚未审结',
	total: '总计',
};

/** Table 2, 2021 format: row → printed label and its value columns. */
export const TABLE2_ROWS = {
	regulations: {
		label: '规章',
		caption: '第二十条第（一）项',
		columns: ['issued', 'repealed', 'inForce'],
	},
	normativeDocuments: {
		label: '行政规范性文件',
		caption: '第二十条第（一）项',
		columns: ['issued', 'repealed', 'inForce'],
	},
	licensing: { label: '行政许可', caption: '第二十条第（五）项', columns: ['decisions'] },
	penalty: { label: '行政处罚', caption: '第二十条第（六）项', columns: ['decisions'] },
	coercion: { label: '行政强制', caption: '第二十条第（六）项', columns: ['decisions'] },
	fees: { label: '行政事业性收费', caption: '第二十条第（八）项', columns: ['amountWan'] },
} as const;
export type Table2Row = keyof typeof TABLE2_ROWS;

export const TABLE2_COLUMN_LABELS: Record<string, string> = {
	issued: '本年制发件数',
	repealed: '本年废止件数',
	inForce: '现行有效件数',
	decisions: '本年处理决定数量',
	amountWan: '本年收费金额（单位：万元）',
	newlyMade: '本年新制作数量',
	newlyPublished: '本年新公开数量',
	totalPublished: '对外公开总数量',
	priorYearItems: '上一年项目数量',
	netChange: '本年增/减',
	projects: '采购项目数量',
	totalAmount: '采购总金额',
};

/** Table 2, 2019 trial format. */
export const TABLE2V2019_ROWS = {
	regulations: {
		label: '规章',
		caption: '第二十条第（一）项',
		columns: ['newlyMade', 'newlyPublished', 'totalPublished'],
	},
	normativeDocuments: {
		label: '规范性文件',
		caption: '第二十条第（一）项',
		columns: ['newlyMade', 'newlyPublished', 'totalPublished'],
	},
	licensing: {
		label: '行政许可',
		caption: '第二十条第（五）项',
		columns: ['priorYearItems', 'netChange', 'decisions'],
	},
	otherExternalServices: {
		label: '其他对外管理服务事项',
		caption: '第二十条第（五）项',
		columns: ['priorYearItems', 'netChange', 'decisions'],
	},
	penalty: {
		label: '行政处罚',
		caption: '第二十条第（六）项',
		columns: ['priorYearItems', 'netChange', 'decisions'],
	},
	coercion: {
		label: '行政强制',
		caption: '第二十条第（六）项',
		columns: ['priorYearItems', 'netChange', 'decisions'],
	},
	fees: {
		label: '行政事业性收费',
		caption: '第二十条第（八）项',
		columns: ['priorYearItems', 'netChange'],
	},
	procurement: {
		label: '政府集中采购',
		caption: '第二十条第（九）项',
		columns: ['projects', 'totalAmount'],
	},
} as const;
export type Table2v2019Row = keyof typeof TABLE2V2019_ROWS;

/** Keywords that find a Table 2 row label in either format. Order matters: 行政规范性文件 before 规章 is not needed because keywords are disjoint. */
export const TABLE2_ROW_KEYWORDS: Record<Table2v2019Row | Table2Row, RegExp> = {
	regulations: /规章/,
	normativeDocuments: /规范性(?:文件|档案|檔案)/,
	licensing: /行政许可/,
	otherExternalServices: /其他对外管理服务/,
	penalty: /行政处罚/,
	coercion: /行政强制/,
	fees: /行政事业性收费/,
	procurement: /政府集中采购|集中采购/,
};

/** Header words that tell the two Table 2 formats apart (FORMAT.md §1.5). */
export const FORMAT_2019_MARKERS =
	/本年新制作|本年新公开|对外公开总数|上一年项目|本年增\/?减|政府集中采购|第二十条第\(九\)/;
export const FORMAT_2021_MARKERS = /本年制发|本年废止|现行有效|本年收费金额|收费金额/;
