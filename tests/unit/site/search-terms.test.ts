/** The search index's table sentence names exactly the rows with a non-zero printed figure. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../src/lib/model/record.ts';
import {
	TABLE2_ROWS,
	TABLE3_COLUMNS,
	TABLE3_ROW_INFO,
	TABLE3_ROWS,
	TABLE4_GROUP_LABELS,
	TABLE4_GROUPS,
} from '../../../src/lib/model/vocabulary.ts';
import {
	nonZeroTableTerms,
	plainLabel,
	regionLine,
	tableTermsSentence,
	townshipSummary,
} from '../../../src/lib/site/search-terms.ts';
import { makeEntry } from './entry-factory.ts';

describe('tableTermsSentence', () => {
	it('is null when every table prints zeros or blanks', () => {
		expect(tableTermsSentence(makeEntry().record)).toBeNull();
		const blanks = makeEntry({ set: { 'table2.penalty.decisions': null } });
		expect(tableTermsSentence(blanks.record)).toBeNull();
	});

	it('names a Table 2 row with its figure, and no row printed as 0', () => {
		const entry = makeEntry({
			set: { 'table2.penalty.decisions': 16, 'table2.coercion.decisions': 1 },
		});
		const sentence = tableTermsSentence(entry.record)!;
		expect(sentence).toBe('表中非零项目：行政处罚 16 件；行政强制 1 件。');
		expect(sentence).not.toContain('行政许可');
	});

	it('lists each non-zero column of a several-column row, and fees in 万元 as printed', () => {
		const entry = makeEntry({
			set: {
				'table2.normativeDocuments.issued': 2,
				'table2.normativeDocuments.inForce': 5,
				'table2.fees': { amountWan: 1.5, amountRaw: '1.50' },
			},
		});
		expect(tableTermsSentence(entry.record)).toBe(
			'表中非零项目：行政规范性文件 本年制发件数 2、现行有效件数 5；行政事业性收费 1.50 万元。',
		);
	});

	it('uses the Table 3 total when printed, else the applicant columns that are', () => {
		const row = (over: Record<string, number | null>) => ({
			...Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0])),
			...over,
		});
		const entry = makeEntry({
			set: {
				'table3.granted': row({ naturalPerson: 3, total: 3 }),
				'table3.unableNotHeld': row({ naturalPerson: 2, total: null }),
			},
		});
		expect(tableTermsSentence(entry.record)).toBe(
			'表中非零项目：予以公开 3 件；本机关不掌握相关政府信息 自然人 2。',
		);
	});

	it('names a Table 4 group with its non-zero result columns', () => {
		const entry = makeEntry({
			set: { 'table4.reconsideration.upheld': 1, 'table4.reconsideration.total': 1 },
		});
		expect(tableTermsSentence(entry.record)).toBe('表中非零项目：行政复议 结果维持 1、总计 1。');
	});

	it('covers the 2019 Table 2 and its local extra rows', () => {
		const d = { priorYearItems: 0, netChange: 0, decisions: 0 };
		const docs = { newlyMade: 0, newlyPublished: 0, totalPublished: 0 };
		const entry = makeEntry({
			set: {
				table2: null,
				formatVersion: '2019',
				table2v2019: {
					regulations: docs,
					normativeDocuments: docs,
					licensing: d,
					otherExternalServices: d,
					penalty: { ...d, netChange: -2, decisions: 7 },
					coercion: d,
					fees: { priorYearItems: 0, netChange: 0 },
					procurement: { projects: 0, totalAmount: 0, totalAmountUnitRaw: null },
					extraRows: [
						{ label: '其他主动公开文件', values: [0, 4], line: 30 },
						{ label: '全是零的行', values: [0, 0], line: 31 },
					],
				},
			},
		});
		expect(tableTermsSentence(entry.record)).toBe(
			'表中非零项目：行政处罚 本年增/减 -2、本年处理决定数量 7；其他主动公开文件 4。',
		);
	});
});

describe('nonZeroTableTerms on the seed records', () => {
	const dir = 'tests/fixtures/seeds';
	const records = readdirSync(dir)
		.filter((f) => f.endsWith('.golden.json'))
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReportRecord);

	it('has one term per row with a non-zero cell, and none for any other row', () => {
		expect(records.length).toBeGreaterThan(0);
		for (const record of records) {
			const labels = nonZeroTableTerms(record).map((t) => t.label);
			const expected: string[] = [];
			if (record.table2)
				for (const [row, info] of Object.entries(TABLE2_ROWS)) {
					const values = Object.entries(record.table2[row as keyof typeof TABLE2_ROWS]);
					if (values.some(([k, v]) => k !== 'amountRaw' && typeof v === 'number' && v !== 0))
						expected.push(info.label);
				}
			if (record.table3)
				for (const row of TABLE3_ROWS) {
					const values = record.table3[row as keyof typeof record.table3];
					if (values && Object.values(values).some((v) => typeof v === 'number' && v !== 0))
						expected.push(plainLabel(TABLE3_ROW_INFO[row].label));
				}
			if (record.table4)
				for (const group of TABLE4_GROUPS)
					if (Object.values(record.table4[group]).some((v) => typeof v === 'number' && v !== 0))
						expected.push(TABLE4_GROUP_LABELS[group]);
			if (record.table2v2019) continue; // covered above with a built record
			expect(labels, record.source.file).toEqual(expected);
		}
	});
});

describe('plainLabel', () => {
	it('drops numbering and trailing notes of official labels', () => {
		expect(plainLabel('1.本机关不掌握相关政府信息')).toBe('本机关不掌握相关政府信息');
		expect(plainLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
		expect(plainLabel('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
		expect(plainLabel('四、结转下年度继续办理')).toBe('结转下年度继续办理');
	});
});

describe('regionLine and townshipSummary', () => {
	it('joins the known levels and says when none is known', () => {
		expect(regionLine(makeEntry().township)).toBe('陕西省 › 榆林市 › 神木市');
		const unplaced = makeEntry({ township: { province: null, prefecture: null, county: null } });
		expect(regionLine(unplaced.township)).toBe('地区未能确定');
	});

	it('counts reports and gives the span of years', () => {
		expect(townshipSummary([{ year: 2023 }])).toBe('本站收录 1 份年度报告（2023 年）。');
		expect(townshipSummary([{ year: 2023 }, { year: 2021 }, { year: 2022 }])).toBe(
			'本站收录 3 份年度报告（2021–2023 年）。',
		);
	});
});
