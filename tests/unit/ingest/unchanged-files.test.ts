import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkIfUnchanged } from '../../../src/lib/ingest/unchanged-files.ts';

function folderWith(previous: string): { previous: string; target: string } {
	const dir = mkdtempSync(join(tmpdir(), 'unchanged-'));
	writeFileSync(join(dir, 'old.json'), previous);
	return { previous: join(dir, 'old.json'), target: join(dir, 'new.json') };
}

describe('linkIfUnchanged', () => {
	it('links the previous file when the bytes are the same', () => {
		const { previous, target } = folderWith('{"id":"610881102-2023"}');
		expect(linkIfUnchanged(previous, target, '{"id":"610881102-2023"}')).toBe(true);
		expect(statSync(target).ino).toBe(statSync(previous).ino);
		expect(readFileSync(target, 'utf8')).toBe('{"id":"610881102-2023"}');
	});

	it('compares bytes, not only sizes', () => {
		const { previous, target } = folderWith('{"year":2023}');
		expect(linkIfUnchanged(previous, target, '{"year":2024}')).toBe(false);
		expect(existsSync(target)).toBe(false);
	});

	it('compares multi-byte text as UTF-8 bytes and binary content as is', () => {
		const { previous, target } = folderWith('店塔镇');
		expect(linkIfUnchanged(previous, target, '店塔镇 ')).toBe(false);
		expect(linkIfUnchanged(previous, target, new Uint8Array(Buffer.from('店塔镇')))).toBe(true);
	});

	it('writes nothing when there is no previous file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'unchanged-'));
		expect(linkIfUnchanged(join(dir, 'none.json'), join(dir, 'new.json'), '{}')).toBe(false);
		expect(existsSync(join(dir, 'new.json'))).toBe(false);
	});

	it('says no when the link cannot be made, so the caller writes the file', () => {
		const { previous } = folderWith('{}');
		const target = join(tmpdir(), 'no-such-folder-unchanged', 'new.json');
		expect(linkIfUnchanged(previous, target, '{}')).toBe(false);
	});
});
