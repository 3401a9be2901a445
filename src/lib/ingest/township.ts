/**
 * The `township` part of a collection entry: official name, kind, the places above it
 * and the pinyin used for sorting and for search by pinyin or initials.
 */
import { pinyin } from 'pinyin-pro';
import type { Township } from '../model/entry.ts';
import type { Divisions } from './divisions.ts';
import type { Identity } from './resolve-township.ts';
import { townshipKind } from './place-names.ts';

export function townshipEntry(identity: Identity, divisions: Divisions): Township {
	if (identity.kind === 'township') {
		const township = divisions.townshipByCode.get(identity.code);
		if (!township) throw new Error(`township code ${identity.code} is not in ${divisions.source}`);
		return {
			code: township.code,
			name: township.name,
			kind: townshipKind(township.name),
			...divisions.chainOf(township.code),
			...romanize(township.name),
		};
	}
	const { body } = identity;
	const chain =
		body.county !== undefined
			? divisions.chainOf(body.county)
			: { county: null, prefecture: null, province: null };
	return {
		code: body.key,
		name: body.name,
		kind: body.kind ?? null,
		...chain,
		...romanize(body.name),
	};
}

/** 店塔镇 → { pinyin: "dian ta zhen", initials: "dtz" }: toneless, lower case, so it sorts and matches typed input. */
export function romanize(name: string): { pinyin: string; initials: string } {
	const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).map((s) =>
		s.toLowerCase(),
	);
	return { pinyin: syllables.join(' '), initials: syllables.map((s) => s.charAt(0)).join('') };
}
