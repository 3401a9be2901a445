import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	openCollection,
	writeCollection,
	writeCollectionFile,
	type WriteFile,
} from '../../../src/lib/ingest/write-collection.ts';

function previousCollection(): string {
	const root = mkdtempSync(join(tmpdir(), 'ingest-write-'));
	const target = join(root, 'generated');
	mkdirSync(join(target, 'reports'), { recursive: true });
	writeFileSync(join(target, 'reports', 'old-2022.json'), '{"old":true}');
	return target;
}

/** What sits next to the collection: no temporary or old folder may be left behind. */
const siblings = (target: string) => readdirSync(dirname(target)).sort();

describe('writeCollection', () => {
	it('replaces the whole collection once every file is written', () => {
		const target = previousCollection();
		writeCollection(target, [
			{ path: 'reports/610881102-2023.json', content: '{"id":"610881102-2023"}' },
			{ path: 'ingest-summary.json', content: '{}' },
		]);
		expect(readdirSync(join(target, 'reports'))).toEqual(['610881102-2023.json']);
		expect(readFileSync(join(target, 'ingest-summary.json'), 'utf8')).toBe('{}');
		expect(siblings(target)).toEqual(['generated']);
	});

	it('leaves the previous collection intact when a write fails', () => {
		const target = previousCollection();
		let writes = 0;
		const failingWrite: WriteFile = (path, content) => {
			if (++writes === 2) throw new Error('disk full');
			writeFileSync(path, content);
		};
		expect(() =>
			writeCollection(
				target,
				[
					{ path: 'reports/a-2023.json', content: '{}' },
					{ path: 'reports/b-2023.json', content: '{}' },
					{ path: 'ingest-summary.json', content: '{}' },
				],
				failingWrite,
			),
		).toThrow(/^generated\/ 未改动（新数据写入失败，临时文件夹已删除）：disk full/);
		expect(readdirSync(join(target, 'reports'))).toEqual(['old-2022.json']);
		expect(readFileSync(join(target, 'reports', 'old-2022.json'), 'utf8')).toBe('{"old":true}');
		expect(siblings(target)).toEqual(['generated']);
	});

	it('creates the collection when there was none', () => {
		const target = join(mkdtempSync(join(tmpdir(), 'ingest-write-')), 'generated');
		writeCollection(target, [{ path: 'ingest-summary.json', content: '{}' }]);
		expect(readdirSync(target)).toEqual(['ingest-summary.json']);
	});

	it('returns the number of files written and checked, and removes what killed runs left', () => {
		const target = previousCollection();
		mkdirSync(`${target}.tmp`); // the old shared name
		mkdirSync(`${target}.tmp-999999-dead/reports`, { recursive: true });
		mkdirSync(`${target}.old-999999-dead`);
		const outcome = writeCollection(target, [
			{ path: 'reports/a-2023.json', content: '{}' },
			{ path: 'ingest-summary.json', content: '{"written":1}' },
		]);
		expect(outcome).toEqual({ files: 2, unchanged: 0, warnings: [] });
		expect(siblings(target)).toEqual(['generated']);
	});

	it('gives each run its own temporary folder', () => {
		const target = previousCollection();
		const seen: string[] = [];
		const spy: WriteFile = (path, content) => {
			seen.push(dirname(dirname(path)));
			writeFileSync(path, content);
		};
		writeCollection(target, [{ path: 'reports/a.json', content: '{}' }], spy);
		writeCollection(target, [{ path: 'reports/a.json', content: '{}' }], spy);
		expect(seen[0]).toMatch(new RegExp(`^${target}\\.tmp-${process.pid}-[0-9a-f]{8}$`));
		expect(seen[1]).not.toBe(seen[0]);
	});

	it('links the files that did not change and writes only the others', () => {
		const target = previousCollection();
		const first = [
			{ path: 'reports/a-2023.json', content: '{"a":1}' },
			{ path: 'reports/b-2023.json', content: '{"b":1}' },
		];
		expect(writeCollection(target, first).unchanged).toBe(0);
		const inode = (path: string) => statSync(join(target, path)).ino;
		const before = { a: inode('reports/a-2023.json'), b: inode('reports/b-2023.json') };
		const written: string[] = [];
		const spy: WriteFile = (path, content) => {
			written.push(path.slice(path.indexOf('/reports/') + 1));
			writeFileSync(path, content);
		};
		const second = [first[0]!, { path: 'reports/b-2023.json', content: '{"b":2}' }];
		const outcome = writeCollection(target, second, spy);
		expect(outcome).toMatchObject({ files: 2, unchanged: 1 });
		expect(written).toEqual(['reports/b-2023.json']);
		expect(inode('reports/a-2023.json')).toBe(before.a);
		expect(inode('reports/b-2023.json')).not.toBe(before.b);
		expect(readFileSync(join(target, 'reports/b-2023.json'), 'utf8')).toBe('{"b":2}');
		expect(siblings(target)).toEqual(['generated']);
	});
});

describe('openCollection with files written by another thread (writeCollectionFile)', () => {
	it('checks noted files like its own, links unchanged ones, and swaps them in', () => {
		const target = previousCollection();
		const writer = openCollection(target);
		const elsewhere = writeCollectionFile(target, writer.tmpDir, {
			path: 'reports/old-2022.json',
			content: '{"old":true}',
		});
		const fresh = writeCollectionFile(target, writer.tmpDir, {
			path: 'details/new-2023.json',
			content: '{"new":1}',
		});
		expect(elsewhere).toEqual({ path: 'reports/old-2022.json', bytes: 12, unchanged: true });
		expect(fresh).toEqual({ path: 'details/new-2023.json', bytes: 9, unchanged: false });
		writer.note(elsewhere);
		writer.note(fresh);
		writer.add({ path: 'ingest-summary.json', content: '{}' });
		expect(writer.finish()).toEqual({ files: 3, unchanged: 1, warnings: [] });
		expect(readFileSync(join(target, 'details/new-2023.json'), 'utf8')).toBe('{"new":1}');
		expect(siblings(target)).toEqual(['generated']);
	});

	it('refuses the swap when a noted file is not there as noted, leaving the old collection', () => {
		const target = previousCollection();
		const writer = openCollection(target);
		writer.note({ path: 'reports/never-written.json', bytes: 5, unchanged: false });
		expect(() => writer.finish()).toThrow(/写入核对未通过.*reports\/never-written\.json/);
		expect(readdirSync(join(target, 'reports'))).toEqual(['old-2022.json']);
		expect(siblings(target)).toEqual(['generated']);
	});
});
