import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	EntryFileError,
	entryIds,
	readEntries,
	readEntryFile,
} from '../../../src/lib/site/read-entries.ts';
import { makeEntry } from './entry-factory.ts';

function entriesFolder(files: Record<string, string>): string {
	const dir = join(mkdtempSync(join(tmpdir(), 'read-entries-')), 'reports');
	mkdirSync(dir, { recursive: true });
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return dir;
}

describe('readEntries', () => {
	it('reads every entry file, validated, in the data store order, skipping other files', () => {
		const a = makeEntry({ code: '610881102', year: 2023 });
		const b = makeEntry({ code: '610881102', year: 2022 });
		const c = makeEntry({ code: '110106005', year: 2021 });
		const dir = entriesFolder({
			[`${a.id}.json`]: JSON.stringify(a),
			[`${b.id}.json`]: JSON.stringify(b),
			[`${c.id}.json`]: JSON.stringify(c),
			'notes.txt': 'not an entry',
		});
		const entries = readEntries(dir);
		expect(entries.map((e) => e.id)).toEqual([c.id, b.id, a.id]);
		expect(entries[2]).toEqual(a);
	});

	it('orders ids as Astro did (localeCompare), not by code unit', () => {
		const dir = entriesFolder({
			'x-b-2023.json': '{}',
			'x-A-2023.json': '{}',
			'x-a-2023.json': '{}',
		});
		const ids = entryIds(dir);
		expect(ids).toEqual([...ids].sort((p, q) => p.localeCompare(q)));
		expect(ids).toHaveLength(3);
	});

	it('is empty when the folder does not exist yet', () => {
		expect(readEntries(join(tmpdir(), 'no-such-folder-read-entries', 'reports'))).toEqual([]);
	});

	it('names the file that is not JSON', () => {
		const dir = entriesFolder({ '610881102-2023.json': '{"id": ' });
		expect(() => readEntries(dir)).toThrow(EntryFileError);
		expect(() => readEntries(dir)).toThrow(/610881102-2023\.json: 不是有效的 JSON/);
	});

	it('names the file and the field that does not match the schema', () => {
		const broken = { ...makeEntry(), year: 'twenty' };
		const dir = entriesFolder({ 'bad.json': JSON.stringify(broken) });
		expect(() => readEntryFile(join(dir, 'bad.json'))).toThrow(
			/bad\.json: 不符合报告条目的数据结构（year: /,
		);
	});
});
