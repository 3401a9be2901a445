import { describe, expect, it } from 'vitest';
import { collapseAcross, collapseDerived } from '../../../src/lib/site/derived-collapse.ts';
import { allDerived } from '../../../src/lib/site/derived-metrics.ts';
import { makeEntry } from './entry-factory.ts';

describe('collapseDerived', () => {
	it('a report with no applications shows completeness and one line for the rates', () => {
		const layout = collapseDerived(allDerived(makeEntry().record));
		expect(layout.shown).toEqual(['completeness']);
		expect(layout.collapsed.map((l) => l.text)).toEqual([
			'本年没有申请，以下比率无法计算：实质公开率、不予公开率、无法提供率、不予处理率、结转率、每百件申请的行政复议和每百件申请的行政诉讼。',
			'没有已审结的行政复议和行政诉讼，以下比率无法计算：纠错率。',
		]);
	});

	it('shows computable rates and groups small samples and unknown cells by their reason', () => {
		const entry = makeEntry({
			set: {
				'table3.newReceived.total': 30,
				'table3.granted.total': 20,
				'table3.resultsTotal.total': 30,
				'table3.carriedForward.total': null,
				'table4.reconsideration.total': 3,
				'table4.reconsideration.corrected': 1,
			},
		});
		const layout = collapseDerived(allDerived(entry.record));
		expect(layout.shown).toContain('disclosureRate');
		expect(layout.collapsed.find((l) => l.keys.includes('backlogRate'))!.text).toBe(
			'有数字未填报，以下比率无法计算：结转率。',
		);
		expect(layout.collapsed.find((l) => l.keys.includes('correctionRate'))!.text).toContain(
			'已审结的行政复议和行政诉讼不足 10 件（样本不足）',
		);
	});
});

describe('collapseAcross', () => {
	it('keeps a row when any township has the rate, and collapses the rest with a shared reason', () => {
		const none = allDerived(makeEntry().record);
		const some = allDerived(
			makeEntry({
				set: {
					'table3.newReceived.total': 20,
					'table3.granted.total': 20,
					'table3.resultsTotal.total': 20,
				},
			}).record,
		);
		const layout = collapseAcross([none, some]);
		expect(layout.shown).toContain('disclosureRate');
		expect(layout.shown).toContain('completeness');
		expect(layout.collapsed.map((l) => l.text)).toContain(
			'所选乡镇没有已审结的行政复议和行政诉讼，以下比率无法计算：纠错率。',
		);
		const both = collapseAcross([none, none]);
		expect(
			both.collapsed[0]!.text.startsWith('所选乡镇本年没有申请，以下比率无法计算：实质公开率'),
		).toBe(true);
	});
});
