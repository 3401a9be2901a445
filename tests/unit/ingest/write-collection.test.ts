import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCollection, type WriteFile } from '../../../src/lib/ingest/write-collection.ts';

function previousCollection(): string {
	const root = mkdtempSync(join(tmpdir(), 'ingest-write-'));
	const target = join(root, 'generated');
	mkdirSync(join(target, 'reports'), { recursive: true });
	writeFileSync(join(target, 'reports', 'old-2022.json'), '{"old":true}');
	return target;
}

describe('writeCollection', () => {
	it('replaces the whole collection once every file is written', () => {
		const target = previousCollection();
		writeCollection(target, [
			{ path: 'reports/610881102-2023.json', content: '{"id":"610881102-2023"}' },
			{ path: 'ingest-summary.json', content: '{}' },
		]);
		expect(readdirSync(join(target, 'reports'))).toEqual(['610881102-2023.json']);
		expect(readFileSync(join(target, 'ingest-summary.json'), 'utf8')).toBe('{}');
		expect(existsSync(`${target}.tmp`)).toBe(false);
		expect(existsSync(`${target}.old`)).toBe(false);
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
		).toThrow('disk full');
		expect(readdirSync(join(target, 'reports'))).toEqual(['old-2022.json']);
		expect(readFileSync(join(target, 'reports', 'old-2022.json'), 'utf8')).toBe('{"old":true}');
		expect(existsSync(`${target}.tmp`)).toBe(false);
	});

	it('creates the collection when there was none', () => {
		const target = join(mkdtempSync(join(tmpdir(), 'ingest-write-')), 'generated');
		writeCollection(target, [{ path: 'ingest-summary.json', content: '{}' }]);
		expect(readdirSync(target)).toEqual(['ingest-summary.json']);
	});
});
