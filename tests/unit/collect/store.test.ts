/** Storing an original: both files or neither, never over an existing name, stale temp files removed. */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	collectedFileName,
	removeStaleTempFiles,
	sha256Of,
	storeOriginal,
} from '../../../src/lib/collect/store.ts';
import type { Provenance } from '../../../src/lib/model/provenance.ts';

const dirs: string[] = [];
const tempDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'collect-store-'));
	dirs.push(dir);
	return dir;
};
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const bytes = new TextEncoder().encode('报告');
const provenance: Provenance = {
	retrieval: 'file',
	retrievedAt: '2026-11-29T08:00:00.000Z',
	sha256: sha256Of(bytes),
	size: bytes.length,
	originalName: 'a.txt',
};

describe('storeOriginal', () => {
	it('writes the original and its sidecar, and leaves no temporary file', () => {
		const dir = tempDir();
		expect(storeOriginal(join(dir, '2023/a.txt'), bytes, provenance)).toBe(true);
		expect(readFileSync(join(dir, '2023/a.txt'))).toEqual(Buffer.from(bytes));
		expect(JSON.parse(readFileSync(join(dir, '2023/a.txt.source.json'), 'utf8'))).toEqual(
			provenance,
		);
		expect(readdirSync(join(dir, '2023')).sort()).toEqual(['a.txt', 'a.txt.source.json']);
	});

	it('never overwrites a name that is taken', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'a.txt'), 'old');
		expect(storeOriginal(join(dir, 'a.txt'), bytes, provenance)).toBe(false);
		expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old');
		expect(existsSync(join(dir, 'a.txt.source.json'))).toBe(false);
	});

	it('leaves nothing when the write fails half-way', () => {
		const dir = tempDir();
		// The original's temporary file is written, then the sidecar cannot be (a BigInt breaks JSON).
		const broken = { ...provenance, size: 1n } as unknown as Provenance;
		expect(() => storeOriginal(join(dir, '2023/a.txt'), bytes, broken)).toThrow(/BigInt/);
		expect(readdirSync(join(dir, '2023'))).toEqual([]);
	});
});

describe('removeStaleTempFiles', () => {
	it('removes only the collector’s own temporary files', () => {
		const dir = tempDir();
		mkdirSync(join(dir, '2023'));
		writeFileSync(join(dir, '2023/.collect-abc.part'), 'half');
		writeFileSync(join(dir, '2023/.notes'), 'keep');
		writeFileSync(join(dir, '2023/a.txt'), 'keep');
		expect(removeStaleTempFiles(dir)).toEqual([join(dir, '2023/.collect-abc.part')]);
		expect(readdirSync(join(dir, '2023')).sort()).toEqual(['.notes', 'a.txt']);
	});
});

describe('collectedFileName', () => {
	const sha256 = 'ab'.repeat(32);
	it('is <year>/<township>-<8 of SHA-256>.<ext>, saying what is unknown', () => {
		expect(collectedFileName({ year: 2023, township: '店塔镇', sha256, extension: 'pdf' })).toBe(
			'2023/店塔镇-abababab.pdf',
		);
		expect(collectedFileName({ year: null, township: null, sha256, extension: 'txt' })).toBe(
			'年度未知/乡镇未知-abababab.txt',
		);
	});

	it('cannot be steered out of its folder by a printed name', () => {
		const name = collectedFileName({
			year: 2023,
			township: '../../etc/x镇',
			sha256,
			extension: 'txt',
		});
		expect(name).toBe('2023/etcx镇-abababab.txt');
	});
});
