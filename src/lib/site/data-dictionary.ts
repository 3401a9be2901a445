/**
 * The data dictionary: one row per column of each CSV download, generated from the column
 * definitions the downloads are written with, and each type read from the JSON Schema of the
 * one zod schema, so the dictionary cannot drift from the files or the record.
 */
import { z } from 'zod';
import { reportEntrySchema } from '../model/entry.ts';
import {
	CELL_CSV_COLUMNS,
	CHECK_CSV_COLUMNS,
	KEY_FIGURE_COLUMNS,
	REPORT_COLUMNS,
	type Column,
} from './open-data.ts';
import { TRACKER_COLUMNS } from './tracker.ts';

export interface DictionaryRow {
	key: string;
	label: string;
	meaning: string;
	type: string;
	nullMeans: string;
}

type JsonSchema = {
	type?: string | string[];
	enum?: unknown[];
	anyOf?: JsonSchema[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
	additionalProperties?: JsonSchema | boolean;
};

/** The node and whether null is allowed there: a union with null is unwrapped to its other branch. */
function unwrap(node: JsonSchema): { node: JsonSchema; nullable: boolean } {
	const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
	if (node.anyOf) {
		const others = node.anyOf.filter((b) => b.type !== 'null');
		const nullable = others.length < node.anyOf.length;
		if (others.length === 1) {
			const inner = unwrap(others[0]!);
			return { node: inner.node, nullable: nullable || inner.nullable };
		}
		return { node: { anyOf: others }, nullable };
	}
	const rest = types.filter((t) => t !== 'null');
	return {
		node: { ...node, type: rest.length === 1 ? rest[0] : rest },
		nullable: rest.length < types.length,
	};
}

/**
 * The schema node at a dotted path (`*` steps into array items or record values), and whether
 * the value can be null there or above it (a null table makes every cell of it empty).
 */
export function schemaAt(
	schema: JsonSchema,
	path: string,
): { node: JsonSchema; nullable: boolean } | undefined {
	let { node, nullable } = unwrap(schema);
	for (const key of path.split('.')) {
		let next: JsonSchema | undefined;
		if (key === '*')
			next =
				node.items ??
				(typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
		else next = node.properties?.[key];
		if (!next) return undefined;
		const step = unwrap(next);
		node = step.node;
		nullable ||= step.nullable;
	}
	return { node, nullable };
}

const TYPE_WORDS: Record<string, string> = {
	string: '文本',
	number: '数值',
	integer: '整数',
	boolean: 'true/false',
	object: '对象',
};

export function typeText(node: JsonSchema): string {
	if (node.enum) return `取值：${node.enum.join('、')}`;
	if (node.anyOf) return node.anyOf.map(typeText).join('或');
	if (node.type === 'array') return `${node.items ? typeText(unwrap(node.items).node) : ''}列表`;
	const types = Array.isArray(node.type) ? node.type : [node.type ?? ''];
	return types.map((t) => TYPE_WORDS[t] ?? t).join('或');
}

let entrySchema: JsonSchema | undefined;
const entryJsonSchema = () => (entrySchema ??= z.toJSONSchema(reportEntrySchema) as JsonSchema);

export function dictionaryRows<R>(columns: readonly Column<R>[]): DictionaryRow[] {
	return columns.map((c) => {
		let type = c.type;
		if (!type) {
			const found = c.schemaPath ? schemaAt(entryJsonSchema(), c.schemaPath) : undefined;
			if (!found)
				throw new Error(`column ${c.key}: no type and no schema at ${c.schemaPath ?? '(no path)'}`);
			type = typeText(found.node) + (found.nullable ? '，可为空' : '');
		}
		return { key: c.key, label: c.label, meaning: c.meaning, type, nullMeans: c.nullMeans };
	});
}

export interface DictionarySection {
	file: string;
	title: string;
	note: string;
	rows: DictionaryRow[];
}

export function dataDictionary(): DictionarySection[] {
	return [
		{
			file: 'reports.csv',
			title: 'reports.csv：每份报告一行',
			note: '列名即 reports.json 中的键路径：township.*、provenance.*（来源）与 id、year、original 在报告条目上，其余在 record 上。表格单元格的列名与 FORMAT.md §7 的路径相同。',
			rows: dictionaryRows(REPORT_COLUMNS),
		},
		{
			file: 'key-figures.csv',
			title: 'key-figures.csv：每份报告一行，只有主要数字',
			note: 'reports.csv 的精简版：报告编号、乡镇与地区、收录日期，以及最常用的十几个数。各数的算法与本站页面相同：由几个单元格相加的数，任一部分未填报即为空。',
			rows: dictionaryRows(KEY_FIGURE_COLUMNS),
		},
		{
			file: 'cells.csv',
			title: 'cells.csv：每个单元格一行',
			note: '包括报告格式要求的全部单元格，也包括未填报的，以便按 status 统计。',
			rows: dictionaryRows(CELL_CSV_COLUMNS),
		},
		{
			file: 'checks.csv',
			title: 'checks.csv：每项检查一行',
			note: '每条规则对每列、每行或每个字段各检查一次。',
			rows: dictionaryRows(CHECK_CSV_COLUMNS),
		},
		{
			file: 'tracker.csv',
			title: 'tracker.csv：每个乡镇每个年度一行',
			note: '收录了报告的区县，其全部乡镇（按 2023 年区划）在每个年度是否有报告。',
			rows: dictionaryRows(TRACKER_COLUMNS),
		},
	];
}
