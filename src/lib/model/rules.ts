/**
 * The rule registry: every rule id the portal reports, once, with its Chinese name, its formula in
 * words, its default severity, what kind of rule it is and, for curators, what to do. The checks
 * stamp their results from it, the pages and CSV downloads name rules from it, and the methodology
 * page and README tables are generated from or tested against it. Rule ids stay ASCII.
 */

export type RuleSeverity = 'error' | 'warning' | 'info';

/**
 * hard: the format's own sums and shapes (FORMAT.md §6.1); soft: plausibility (§6.2);
 * crossYear: against the same township's previous report (§6.3); reading: how the parser read the
 * text; placing: how the ingest placed the report among townships and years.
 */
export type RuleKind = 'hard' | 'soft' | 'crossYear' | 'reading' | 'placing';

export interface Rule {
	id: string;
	kind: RuleKind;
	/** Short Chinese name, as pages show it. */
	name: string;
	/** The rule in words (Chinese): the equation, or what the message means. */
	formula: string;
	severity: RuleSeverity;
	/** For curators: what to do when it fires. */
	fix: string;
}

const NOTHING_TO_FIX = '无需处理：报告按原样公布，并显示检查结果';

export const RULES = [
	{
		id: 'H1',
		kind: 'hard',
		name: '申请数量勾稽关系',
		formula: '本年新收 + 上年结转 = 办理结果总计 + 结转下年度（表三每一列）',
		severity: 'error',
		fix: NOTHING_TO_FIX,
	},
	{
		id: 'H2',
		kind: 'hard',
		name: '办理结果合计',
		formula: '办理结果总计 = 各项办理结果之和（表三每一列）',
		severity: 'error',
		fix: NOTHING_TO_FIX,
	},
	{
		id: 'H3',
		kind: 'hard',
		name: '申请人各列之和',
		formula: '总计 = 各类申请人之和（表三每一行）',
		severity: 'error',
		fix: NOTHING_TO_FIX,
	},
	{
		id: 'H4',
		kind: 'hard',
		name: '复议、诉讼合计',
		formula: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（表四每一组）',
		severity: 'error',
		fix: NOTHING_TO_FIX,
	},
	{
		id: 'H5',
		kind: 'hard',
		name: '数值为非负整数',
		formula: '每个件数都是非负整数',
		severity: 'error',
		fix: '对照原文该行；若原文如此，无需处理',
	},
	{
		id: 'H6',
		kind: 'hard',
		name: '收费金额为非负数',
		formula: '本年收费金额 ≥ 0',
		severity: 'error',
		fix: '对照原文该行；若原文如此，无需处理',
	},
	{
		id: 'H7',
		kind: 'hard',
		name: '表格结构完整',
		formula: '表三每行 7 个数，表四 15 个数，表二按格式规定的单元格数',
		severity: 'error',
		fix: '对照原文所指的行：多出、缺少或错位的单元格；只有规则能确定时才推定数值',
	},
	{
		id: 'S1',
		kind: 'soft',
		name: '乡镇不制定规章',
		formula: '规章各项 = 0（乡镇无权制定规章）',
		severity: 'warning',
		fix: '提醒：可能填错了行，报告页面显示此提醒',
	},
	{
		id: 'S2',
		kind: 'soft',
		name: '现行有效件数',
		formula: '现行有效件数 ≥ 本年制发 − 本年废止',
		severity: 'warning',
		fix: '提醒，报告页面显示',
	},
	{
		id: 'S3',
		kind: 'soft',
		name: '正文与表格一致',
		formula: '正文所述申请数 = 表三本年新收总计；正文称没有行政复议、诉讼 ⇒ 表四全为 0',
		severity: 'warning',
		fix: '提醒，报告页面显示',
	},
	{
		id: 'S4',
		kind: 'soft',
		name: '收费金额量级',
		formula: '本年收费金额 < 1000 万元（更大的数多半把“元”当成了“万元”）',
		severity: 'warning',
		fix: '提醒，报告页面显示',
	},
	{
		id: 'S5',
		kind: 'soft',
		name: '收费金额小数位数',
		formula: '本年收费金额最多 4 位小数',
		severity: 'warning',
		fix: '提醒，报告页面显示',
	},
	{
		id: 'S6',
		kind: 'soft',
		name: '报告年度与日期',
		formula: '统计期限的年份 = 报告年度；发布日期晚于报告年度的 12 月 31 日',
		severity: 'warning',
		fix: '提醒，报告页面显示',
	},
	{
		id: 'S7',
		kind: 'soft',
		name: '格式版本一致',
		formula: '所有表格标签来自同一版本的格式',
		severity: 'warning',
		fix: '提醒，报告页面显示',
	},
	{
		id: 'S8',
		kind: 'soft',
		name: '复议诉讼与申请',
		formula: '有行政复议或诉讼时，通常本年或上年有申请',
		severity: 'warning',
		fix: '提醒：合法但少见（复议也可能针对主动公开），报告页面显示',
	},
	{
		id: 'S9',
		kind: 'soft',
		name: '落款与标题一致',
		formula: '落款机关 = 发布机关',
		severity: 'warning',
		fix: '提醒：多为原文笔误，报告页面显示',
	},
	{
		id: 'S10',
		kind: 'soft',
		name: '2019 年格式项目数',
		formula: '上一年项目数量 + 本年增/减 ≥ 0',
		severity: 'warning',
		fix: '提醒，报告页面显示',
	},
	{
		id: 'X1',
		kind: 'crossYear',
		name: '上年结转与上年报告一致',
		formula: '本年“上年结转” = 上一年度报告的“结转下年度继续办理”（表三每一列）',
		severity: 'warning',
		fix: '提醒：两份报告之一可能有误，两份报告页面都显示',
	},
	{
		id: 'X2',
		kind: 'crossYear',
		name: '现行有效件数逐年衔接',
		formula:
			'本年现行有效 = 上年现行有效 + 本年制发 − 本年废止（2021 年格式的规章、行政规范性文件）',
		severity: 'warning',
		fix: '提醒：文件失效或重新归类也会造成差异',
	},
	{
		id: 'section-missing',
		kind: 'reading',
		name: '未找到某一部分',
		formula: '六个部分之一的标题未能识别',
		severity: 'warning',
		fix: '通常无碍；核对该部分标题的写法',
	},
	{
		id: 'table-missing',
		kind: 'reading',
		name: '未找到表格',
		formula: '表二、表三或表四未能找到',
		severity: 'error',
		fix: '对照网上原文：复制的文本可能丢了表格，或表格是图片',
	},
	{
		id: 'year-missing',
		kind: 'reading',
		name: '未找到报告年度',
		formula: '标题、统计期限和总体情况中都没有报告年度',
		severity: 'error',
		fix: '在 content/townships.overrides.json 中为该文件写明 "year"',
	},
	{
		id: 'year-implausible',
		kind: 'reading',
		name: '报告年度存疑',
		formula: '报告年度早于 2008 年（条例施行后的第一个报告年度）或晚于构建年份',
		severity: 'error',
		fix: '核对原文；如年度无误，按消息中给出的条目在 content/townships.overrides.json 中写明 "year"；确认前不发布',
	},
	{
		id: 'unassigned-number',
		kind: 'reading',
		name: '未放入单元格的数',
		formula: '表格部分中的数没有放入任何单元格（页码、合并单元格的填充、小计、多出的单元格）',
		severity: 'warning',
		fix: '核对所指的行；原因写在消息里',
	},
	{
		id: 'count-implausible',
		kind: 'reading',
		name: '件数超出合理范围',
		formula:
			'件数超过 10,000,000（一个机关一年办理的件数上限；金额列不计），或超出能精确保存的范围',
		severity: 'warning',
		fix: '核对所指的行：多为粘连的单元格或误入的编号',
	},
	{
		id: 'traditional-script',
		kind: 'reading',
		name: '繁体字',
		formula: '原文含繁体字，已转为简体后识别表格标签',
		severity: 'info',
		fix: '无需处理',
	},
	{
		id: 'encoding',
		kind: 'reading',
		name: '文字编码',
		formula: '文件不是 UTF-8 编码，按所示编码读取',
		severity: 'info',
		fix: '无需处理',
	},
	{
		id: 'encoding-replaced',
		kind: 'reading',
		name: '字节无法解码',
		formula: '按所用编码读取时有字节无法解码，已替换为 �，并指出位置',
		severity: 'warning',
		fix: '核对所指位置的原文，或把原文件重新另存为 UTF-8',
	},
	{
		id: 'nul-stripped',
		kind: 'reading',
		name: '空字节已删除',
		formula: '文件中有 NUL 空字节（0x00），已删除',
		severity: 'warning',
		fix: '检查文件是否在复制或转换时损坏',
	},
	{
		id: 'derived-text',
		kind: 'reading',
		name: '由原件提取的文字',
		formula: '文字由网页、PDF 或 Word 原件提取；行号指向提取出的文字，原件可下载核对',
		severity: 'info',
		fix: '无需处理；数字请以原件为准',
	},
	{
		id: 'parser-crash',
		kind: 'reading',
		name: '解析程序出错',
		formula: '解析这个文件时程序出错；其他文件照常处理',
		severity: 'error',
		fix: '请报告这个问题并附上文件',
	},
	{
		id: 'township-missing',
		kind: 'placing',
		name: '未找到乡镇名称',
		formula: '发布机关中找不到乡、镇或街道名称',
		severity: 'error',
		fix: '按消息中给出的条目，在 content/townships.overrides.json 中写明区划代码',
	},
	{
		id: 'township-unknown',
		kind: 'placing',
		name: '区划中没有这个乡镇',
		formula: '2023 年区划代码中找不到这个乡镇名称',
		severity: 'error',
		fix: '按消息中给出的条目，在 content/townships.overrides.json 中写明区划代码或非乡镇机关',
	},
	{
		id: 'township-ambiguous',
		kind: 'placing',
		name: '乡镇同名',
		formula: '同名乡镇不止一个，报告又没有写明所在县',
		severity: 'error',
		fix: '按消息中列出的候选，在 content/townships.overrides.json 中写明区划代码',
	},
	{
		id: 'township-unconfirmed',
		kind: 'placing',
		name: '仅按名称定位',
		formula: '报告没有写明所在县，只按乡镇名称定位',
		severity: 'warning',
		fix: '核对后按消息中给出的条目写入 content/townships.overrides.json 以确认',
	},
	{
		id: 'township-name-variant',
		kind: 'placing',
		name: '乡镇名称写法不同',
		formula: '报告中的乡镇名称与区划数据的写法不同',
		severity: 'warning',
		fix: '如定位有误，按消息中给出的条目写入 content/townships.overrides.json',
	},
	{
		id: 'year-unknown',
		kind: 'placing',
		name: '无法确定年度',
		formula: '报告年度未知，无法放入年度',
		severity: 'error',
		fix: '按消息中给出的条目，在 content/townships.overrides.json 中写明 "year"',
	},
	{
		id: 'duplicate-report',
		kind: 'placing',
		name: '同一乡镇同一年度有两份报告',
		formula:
			'两个文件属于同一乡镇、同一年度；不会都撤下：上次发布的那份继续发布（首次冲突时取路径排序的第一份），报告页面说明冲突',
		severity: 'error',
		fix: '删除其中一份，或在 content/reports.corrections.json 中写明哪份更正哪份；--strict 时构建失败',
	},
	{
		id: 'correction-mismatch',
		kind: 'placing',
		name: '更正对象不符',
		formula: '声明为更正的文件与被更正的文件不属于同一乡镇、同一年度；两份都保留',
		severity: 'warning',
		fix: '核对 content/reports.corrections.json 中这一条的 "replaces"',
	},
	{
		id: 'correction-original-missing',
		kind: 'placing',
		name: '被更正的文件不存在',
		formula: '更正声明所指的原文件不在 content/reports/ 中',
		severity: 'warning',
		fix: '核对 content/reports.corrections.json 中的文件路径',
	},
	{
		id: 'override-unused',
		kind: 'placing',
		name: '未用到的定位条目',
		formula: 'content/townships.overrides.json 中的条目没有对应任何报告',
		severity: 'warning',
		fix: '删除这一条，或改正其中的文件路径或名称',
	},
	{
		id: 'entry-invalid',
		kind: 'placing',
		name: '记录不符合数据结构',
		formula: '解析出的记录不符合网站的数据结构，未发布',
		severity: 'error',
		fix: '请报告这个问题并附上文件',
	},
	{
		id: 'not-a-report',
		kind: 'reading',
		name: '不是年度报告',
		formula:
			'文件是文字，但没有年度报告的标题、部分标题或统计表（或者是空文件）；按文件名拒收，其他报告照常构建',
		severity: 'error',
		fix: '确认文件是报告正文本身（不是通知、新闻或目录页），并且复制了全文',
	},
	{
		id: 'form-unreadable',
		kind: 'reading',
		name: '文件形式无法读取',
		formula:
			'文件不是可读取的形式：二进制数据、压缩包、图片、没有文字层的扫描件、损坏的 PDF 或 Word 文件、旧版 .doc；按文件名拒收',
		severity: 'error',
		fix: '改用网页版、文字版 PDF 或 .docx，或把报告文字存为 .txt（UTF-8 或 GBK）',
	},
	{
		id: 'file-unreadable',
		kind: 'reading',
		name: '文件无法读取',
		formula: '文件无法读取（权限等原因），其他报告照常构建',
		severity: 'error',
		fix: '改正文件的读取权限',
	},
	{
		id: 'report-too-large',
		kind: 'reading',
		name: '报告过大',
		formula: '文件超过 512 KiB，或解析出的记录超过 4 MiB；按文件名拒收，其他报告照常构建',
		severity: 'error',
		fix: '确认文件只含一份报告的正文，而不是汇编或数据导出',
	},
	{
		id: 'messages-capped',
		kind: 'reading',
		name: '消息过多',
		formula: '一份报告的消息超过 50 条：只列出前 50 条，其余计数为“还有 N 条”',
		severity: 'warning',
		fix: '先处理列出的消息',
	},
	{
		id: 'provenance-invalid',
		kind: 'placing',
		name: '来源记录格式不对',
		formula: '报告旁的来源记录（<文件>.source.json）不符合格式，报告照常发布，但不显示来源',
		severity: 'error',
		fix: '用 npm run add 重新获取，或按消息改正来源记录',
	},
	{
		id: 'provenance-mismatch',
		kind: 'placing',
		name: '来源记录与文件不符',
		formula:
			'文件的 SHA-256 与来源记录中的不同（文件在获取之后被改过），报告照常发布，但不显示来源',
		severity: 'error',
		fix: '恢复原文件，或用 npm run add 重新获取',
	},
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

export function isRuleId(id: string): id is RuleId {
	return BY_ID.has(id);
}

/** The registry entry of a rule id. */
export function ruleOf(id: RuleId): Rule {
	return BY_ID.get(id)!;
}

/** The rule's explanation on the methodology page. */
export const ruleUrl = (id: string) => `/methodology/#rule-${id.toLowerCase()}`;
