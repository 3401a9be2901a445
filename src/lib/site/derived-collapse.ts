/**
 * A report's derived rates split into the ones to show and the ones that cannot be computed,
 * which collapse into one line per reason ("本年没有申请，以下比率无法计算：…") instead of a
 * column of 无法计算. Reasons come from the figure's denominator, in fixed wording.
 */
import {
	DERIVED,
	DERIVED_KEYS,
	MIN_DENOMINATOR,
	type DerivedKey,
	type DerivedValue,
} from './derived-metrics.ts';
import { listNames } from './chart-plan.ts';

export interface CollapsedLine {
	keys: DerivedKey[];
	/** The whole line, e.g. 本年没有申请，以下比率无法计算：实质公开率、…和纠错率。 */
	text: string;
}

export interface DerivedLayout {
	shown: DerivedKey[];
	collapsed: CollapsedLine[];
}

/** Rates over Table 4's decided cases; every other rate is over applications. */
const OVER_CASES = new Set<DerivedKey>(['correctionRate']);

function reasonOf(key: DerivedKey, v: DerivedValue): string {
	const cases = OVER_CASES.has(key);
	if (v.status === 'insufficient')
		return cases
			? `已审结的行政复议和行政诉讼不足 ${MIN_DENOMINATOR} 件（样本不足），以下比率不计算`
			: `申请不足 ${MIN_DENOMINATOR} 件（样本不足），以下比率不计算`;
	if (v.denominator === 0 && v.numerator !== null)
		return cases
			? '没有已审结的行政复议和行政诉讼，以下比率无法计算'
			: '本年没有申请，以下比率无法计算';
	return '有数字未填报，以下比率无法计算';
}

/**
 * The same over several townships side by side (the compare page): a rate gets a row when at
 * least one township has it; rates no township has collapse into lines. A shared reason is given;
 * mixed reasons read 所选乡镇都无法计算.
 */
export function collapseAcross(
	columns: readonly Record<DerivedKey, DerivedValue>[],
): DerivedLayout {
	const shown: DerivedKey[] = [];
	const byReason = new Map<string, DerivedKey[]>();
	for (const key of DERIVED_KEYS) {
		if (columns.length === 0 || columns.some((c) => c[key].status === 'ok')) {
			shown.push(key);
			continue;
		}
		const reasons = new Set(columns.map((c) => reasonOf(key, c[key])));
		const reason =
			reasons.size === 1 ? `所选乡镇${[...reasons][0]!}` : '所选乡镇都无法计算或样本不足';
		byReason.set(reason, [...(byReason.get(reason) ?? []), key]);
	}
	return {
		shown,
		collapsed: [...byReason.entries()].map(([reason, keys]) => ({
			keys,
			text: `${reason}：${listNames(keys.map((k) => DERIVED[k].label))}。`,
		})),
	};
}

export function collapseDerived(values: Record<DerivedKey, DerivedValue>): DerivedLayout {
	const shown: DerivedKey[] = [];
	const byReason = new Map<string, DerivedKey[]>();
	for (const key of DERIVED_KEYS) {
		const v = values[key];
		if (v.status === 'ok') {
			shown.push(key);
			continue;
		}
		const reason = reasonOf(key, v);
		byReason.set(reason, [...(byReason.get(reason) ?? []), key]);
	}
	return {
		shown,
		collapsed: [...byReason.entries()].map(([reason, keys]) => ({
			keys,
			text: `${reason}：${listNames(keys.map((k) => DERIVED[k].label))}。`,
		})),
	};
}
