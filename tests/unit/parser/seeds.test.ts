import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	parseReport,
	reportRecordSchema,
	type ReportRecord,
} from '../../../src/lib/report/index.ts';

const SEEDS = [
	'000_6f2e2ab07841e359',
	'001_b878a3b9c19ecb27',
	'002_ccc6fd39e1392b13',
	'003_9745357b52893146',
	'004_8f2481f9843f518e',
];
const parseSeed = (name: string): ReportRecord => {
	const file = `content/reports/${name}.txt`;
	return parseReport(readFileSync(file), { file });
};
const failed = (r: ReportRecord, id: string) =>
	r.checks.filter((c) => c.id === id && c.status === 'fail');

describe('seed reports', () => {
	it.each(SEEDS)('%s parses to its hand-verified golden record', (name) => {
		const record = parseSeed(name);
		const golden = JSON.parse(readFileSync(`tests/fixtures/seeds/${name}.golden.json`, 'utf8'));
		expect(record).toEqual(golden);
		expect(reportRecordSchema.safeParse(record).success).toBe(true);
	});

	it.each(SEEDS)(
		'%s: every number carries its raw text and a source line that prints it',
		(name) => {
			const record = parseSeed(name);
			const lines = readFileSync(`content/reports/${name}.txt`, 'utf8').split('\n');
			for (const [path, cell] of Object.entries(record.cells)) {
				if (cell.status === 'ok' || cell.status === 'marker') {
					expect(cell.line, path).not.toBeNull();
					expect(lines[cell.line! - 1]!.slice(cell.col! - 1), path).toContain(cell.raw!.trim());
				}
			}
		},
	);

	it('002: 行政处罚 16, 行政强制 1, zero-padded merged cells and the 16-cell Table 4 reported, 同县镇 flagged by S9', () => {
		const r = parseSeed('002_ccc6fd39e1392b13');
		expect(r.table2?.penalty.decisions).toBe(16);
		expect(r.table2?.coercion.decisions).toBe(1);
		expect(r.cells['table2.penalty.decisions']).toMatchObject({ raw: ' 16 ', line: 23 });
		const padding = r.unassigned.filter((u) => u.table === 'table2');
		expect(padding.map((u) => u.line)).toEqual([23, 23, 24, 24, 27, 27]);
		expect(padding.every((u) => /合并单元格/.test(u.reason))).toBe(true);
		expect(failed(r, 'H7').map((c) => c.message)).toEqual([
			expect.stringContaining('表四：16 个数，应有 15 个'),
		]);
		expect(r.unassigned.filter((u) => u.table === 'table4')).toHaveLength(1);
		expect(failed(r, 'S9')[0]).toMatchObject({
			actual: '河曲县同县镇人民政府',
			expected: '河曲县旧县镇人民政府',
		});
		expect(r.diagnostics.find((d) => d.ruleId === 'S9')).toMatchObject({
			line: 114,
			severity: 'warning',
		});
		expect(failed(r, 'S6')).toHaveLength(1); // signed 2023-12-21, before the 2023 year closed
	});

	it('000: the rows that lost a cell are reported (H7) and filled only because every printed value is 0', () => {
		const r = parseSeed('000_6f2e2ab07841e359');
		const lost = failed(r, 'H7').map((c) => c.scope);
		expect(lost).toEqual([
			'table3.granted',
			'table3.partiallyGranted',
			'table3.deniedStateSecret',
			'table3.deniedLawProhibited',
			'table3.deniedSecurityStability',
			'table3.deniedThirdParty',
		]);
		for (const row of ['granted', 'deniedThirdParty']) {
			const statuses = Object.entries(r.cells)
				.filter(([p]) => p.startsWith(`table3.${row}.`))
				.map(([, c]) => c.status);
			expect(statuses.filter((s) => s === 'inferred')).toHaveLength(1);
		}
		expect(r.cells['table3.deniedInternalAffairs.total']?.status).toBe('ok');
		expect(r.table2?.normativeDocuments.inForce).toBe(8);
		expect(r.metadata).toMatchObject({
			documentNumber: '店政字〔2024〕28号',
			publicationDate: '2024-01-17',
			publicationDateKind: 'printed',
			county: '神木市',
			township: '店塔镇',
		});
	});

	it('004: the label split across rows (不予 / 公开) still lands each row', () => {
		const r = parseSeed('004_8f2481f9843f518e');
		expect(r.cells['table3.deniedStateSecret.naturalPerson']?.line).toBe(50);
		expect(r.cells['table3.deniedLawProhibited.naturalPerson']?.line).toBe(52);
		expect(r.labelVariants).toContainEqual({
			path: 'table3.deniedLawProhibited',
			raw: '2.其他法律法规禁止公开',
			line: 52,
		});
		expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
		expect(r.metadata).toMatchObject({
			township: '原店镇',
			county: '陕州区',
			prefecture: '三门峡市',
			reportYear: 2022,
			statisticsPeriod: { start: '2022-01-01', end: '2022-12-31' },
		});
		expect(r.sections.overview.text).toContain('一、统一思想，提高认识。'); // inner 一、 is not a section heading
	});

	it('003: one cell per line with NBSP padding keeps the padding as raw text', () => {
		const r = parseSeed('003_9745357b52893146');
		expect(r.cells['table3.newReceived.naturalPerson']).toMatchObject({
			raw: '\u00a00',
			line: 85,
			status: 'ok',
		});
		expect(r.cells['table3.newReceived.commercialEnterprise']).toMatchObject({
			raw: '0\u00a0',
			line: 86,
		});
		expect(r.cells['table2.licensing.decisions']).toMatchObject({ line: 41, status: 'ok' });
		expect(r.diagnostics).toEqual([]);
		expect(r.metadata).toMatchObject({
			issuingBody: '苏店镇人民政府',
			county: '上党区',
			reportYear: 2024,
		});
	});

	it('001: no county named anywhere stays null, never guessed', () => {
		const r = parseSeed('001_b878a3b9c19ecb27');
		expect(r.metadata).toMatchObject({
			township: '枣村乡',
			county: null,
			prefecture: null,
			reportYear: 2023,
		});
		expect(r.sections.otherMatters.text).toBe('无');
	});
});
