/** The information block of a government page: label–value pairs, in a line or in table cells. */
import { describe, expect, it } from 'vitest';
import { isWebMetaBlock, readWebMeta } from '../../../src/lib/report/extract/web-meta.ts';

describe('readWebMeta', () => {
	it('reads several pairs on one line, and pairs split over table cells (tab)', () => {
		expect(
			readWebMeta([
				'索引号：\t431126/2025-00012\t发布机构：\t宁远县白马镇人民政府',
				'标　　题：\t宁远县白马镇人民政府2024年政府信息公开工作年度报告',
				'发布日期：2025年1月21日　文　　号：无',
			]),
		).toEqual({
			indexNumber: '431126/2025-00012',
			publisher: '宁远县白马镇人民政府',
			title: '宁远县白马镇人民政府2024年政府信息公开工作年度报告',
			publicationDateRaw: '2025年1月21日',
			publicationDate: '2025-01-21',
			documentNumber: '无',
		});
	});

	it('prefers 发布日期 to 成文日期, and the first value of a label', () => {
		const meta = readWebMeta([
			'成文日期：2025-01-10',
			'发布日期：2025/1/21',
			'发布日期：2026-01-01',
		]);
		expect(meta.publicationDate).toBe('2025-01-21');
	});

	it('leaves out a date it cannot read', () => {
		expect(readWebMeta(['发布时间：昨天']).publicationDate).toBeUndefined();
		expect(readWebMeta(['发布时间：2025-13-45']).publicationDate).toBeUndefined();
	});
});

describe('isWebMetaBlock', () => {
	it('needs two labels in a short text', () => {
		expect(isWebMetaBlock('发布时间：2025-01-21　来源：某镇')).toBe(true);
		expect(isWebMetaBlock('发布时间：2025-01-21')).toBe(false);
		expect(isWebMetaBlock(`发布时间：1 来源：2 ${'正文'.repeat(300)}`)).toBe(false);
		expect(isWebMetaBlock(`发布时间：1 来源：2 ${'正文'.repeat(60)}`)).toBe(false);
	});
});
