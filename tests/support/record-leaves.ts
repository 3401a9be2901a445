/**
 * An oracle for the cell module that does not use it: every numeric leaf of a record's tables,
 * found by walking the record object itself (raw-text companions and local extra rows skipped).
 * Tests compare `cellAt`, `recordCellPaths` and the downloads against this walk.
 */
export interface Leaf {
	path: string;
	value: number | null;
}

export function numericLeaves(record: object): Leaf[] {
	const leaves: Leaf[] = [];
	const walk = (value: unknown, path: string) => {
		if (value === null || typeof value === 'number') leaves.push({ path, value });
		else if (value && typeof value === 'object' && !Array.isArray(value))
			for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
	};
	for (const table of ['table2', 'table2v2019', 'table3', 'table4']) {
		const t: unknown = Reflect.get(record, table);
		if (t) walk(t, table);
	}
	return leaves.filter((l) => !l.path.endsWith('Raw') && !l.path.includes('.extraRows'));
}

/** The value at a dotted path of a plain object, or undefined off the end. */
export function leafAt(record: object, path: string): unknown {
	let current: unknown = record;
	for (const key of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = Reflect.get(current, key);
	}
	return current;
}
