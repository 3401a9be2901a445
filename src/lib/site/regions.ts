/**
 * The region tree province → prefecture → county, built from the townships that have reports.
 * A township hangs under its deepest known level; levels the ingest could not place are skipped,
 * and townships with no known level at all are listed apart, never dropped.
 */
import type { TownshipSummary } from './indexes.ts';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export const LEVEL_LABELS: Record<RegionLevel, string> = {
	province: '省级',
	prefecture: '地级',
	county: '县级',
};

export interface RegionNode {
	code: string;
	name: string;
	level: RegionLevel;
	/** From the root down to the parent. */
	ancestors: { code: string; name: string; level: RegionLevel }[];
	children: RegionNode[];
	/** Townships placed directly under this node (its deepest known level). */
	directTownships: TownshipSummary[];
	/** Every township beneath this node. */
	townships: TownshipSummary[];
}

export interface RegionTree {
	roots: RegionNode[];
	byCode: Map<string, RegionNode>;
	unplaced: TownshipSummary[];
}

export function buildRegionTree(townships: readonly TownshipSummary[]): RegionTree {
	const byCode = new Map<string, RegionNode>();
	const roots: RegionNode[] = [];
	const unplaced: TownshipSummary[] = [];

	for (const summary of townships) {
		const t = summary.township;
		const chain = (
			[
				['province', t.province],
				['prefecture', t.prefecture],
				['county', t.county],
			] as const
		).filter(([, place]) => place !== null) as [RegionLevel, { code: string; name: string }][];
		if (chain.length === 0) {
			unplaced.push(summary);
			continue;
		}
		let parent: RegionNode | undefined;
		for (const [level, place] of chain) {
			let node = byCode.get(place.code);
			if (!node) {
				node = {
					code: place.code,
					name: place.name,
					level,
					ancestors: parent
						? [...parent.ancestors, { code: parent.code, name: parent.name, level: parent.level }]
						: [],
					children: [],
					directTownships: [],
					townships: [],
				};
				byCode.set(place.code, node);
				(parent ? parent.children : roots).push(node);
			}
			node.townships.push(summary);
			parent = node;
		}
		parent!.directTownships.push(summary);
	}

	const byCodeOrder = (a: RegionNode, b: RegionNode) => a.code.localeCompare(b.code);
	roots.sort(byCodeOrder);
	for (const node of byCode.values()) node.children.sort(byCodeOrder);
	return { roots, byCode, unplaced };
}

/** Every node, depth first, for getStaticPaths. */
export function allRegions(tree: RegionTree): RegionNode[] {
	const out: RegionNode[] = [];
	const walk = (n: RegionNode) => {
		out.push(n);
		n.children.forEach(walk);
	};
	tree.roots.forEach(walk);
	return out;
}

/**
 * The province / prefecture / county pickers of the township list and the compare page: the
 * distinct places of each level, each with its parent's code so a list can follow the level above.
 */
export function filterLevels(townships: readonly TownshipSummary[]) {
	const placesOf = (level: RegionLevel) => {
		const parentLevel =
			level === 'county' ? 'prefecture' : level === 'prefecture' ? 'province' : null;
		const seen = new Map<string, { code: string; name: string; parent: string }>();
		for (const { township: t } of townships) {
			const place = t[level];
			if (place && !seen.has(place.code))
				seen.set(place.code, { ...place, parent: parentLevel ? (t[parentLevel]?.code ?? '') : '' });
		}
		return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
	};
	return [
		{ key: 'province', label: '省份', places: placesOf('province') },
		{ key: 'prefecture', label: '地市', places: placesOf('prefecture') },
		{ key: 'county', label: '区县', places: placesOf('county') },
	] as const;
}
