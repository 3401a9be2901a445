/** checks.csv's 范围名称: every scope shape the checks write, named in Chinese from the vocabulary. */
import { describe, expect, it } from 'vitest';
import {
	TABLE2_ROWS,
	TABLE3_COLUMN_LABELS,
	TABLE3_ROW_INFO,
	TABLE4_GROUP_LABELS,
} from '../../../src/lib/model/vocabulary.ts';
import { scopeName } from '../../../src/lib/site/check-scope.ts';

describe('scopeName', () => {
	it('names Table 3 columns and rows as the checks write them', () => {
		expect(scopeName('table3 column naturalPerson')).toBe(
			`表三“${TABLE3_COLUMN_LABELS.naturalPerson}”列`,
		);
		expect(scopeName('table3 row granted')).toBe(`表三“${TABLE3_ROW_INFO.granted.label}”行`);
		expect(scopeName('table3.partiallyGranted')).toBe(
			`表三“${TABLE3_ROW_INFO.partiallyGranted.label}”行`,
		);
	});

	it('names Table 2 rows, Table 4 groups and single cells', () => {
		expect(scopeName('table2.regulations')).toBe(`表二“${TABLE2_ROWS.regulations.label}”行`);
		expect(scopeName('table4 reconsideration')).toBe(
			`表四“${TABLE4_GROUP_LABELS.reconsideration}”`,
		);
		expect(scopeName('table4.litigationDirect')).toBe(
			`表四“${TABLE4_GROUP_LABELS.litigationDirect}”`,
		);
		expect(scopeName('table3.newReceived.total')).toContain(TABLE3_ROW_INFO.newReceived.label);
		expect(scopeName('table2.fees.amountWan')).toContain(TABLE2_ROWS.fees.label);
	});

	it('names the cross-year scopes given as bare keys', () => {
		expect(scopeName('otherOrg')).toBe(`表三“${TABLE3_COLUMN_LABELS.otherOrg}”列`);
		expect(scopeName('normativeDocuments')).toBe(`表二“${TABLE2_ROWS.normativeDocuments.label}”行`);
	});

	it('names whole-report scopes and metadata fields without a Latin word', () => {
		for (const scope of [
			'cells',
			'structure',
			'formatVersion',
			'table4 vs table3',
			'metadata.publicationDate',
			'metadata.statisticsPeriod',
			'metadata.signatureBody',
		])
			expect(scopeName(scope), scope).not.toMatch(/[A-Za-z]/);
	});

	it('gives an unknown scope back unchanged rather than dropping it', () => {
		expect(scopeName('table9 row nothing')).toBe('table9 row nothing');
		expect(scopeName('table3 row notARow')).toBe('table3 row notARow');
	});
});
