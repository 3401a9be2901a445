/**
 * Writing the generated collection so that a failed, killed or concurrent ingest never leaves
 * half of one behind: everything goes to a temporary folder of this run's own
 * (`<dir>.tmp-<pid>-<random>`), every file is checked against what was meant to be written,
 * and only then is the old collection moved aside and the new one renamed into place. Every
 * error says truthfully what state the collection is in.
 *
 * A file whose bytes are those the current collection already has is hard-linked into the new
 * folder instead of written (unchanged-files.ts), so re-ingesting an unchanged corpus writes
 * almost nothing and the old folder's removal frees almost nothing; the swap stays one rename.
 */
import { randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { linkIfUnchanged } from './unchanged-files.ts';

export interface CollectionFile {
	/** Path inside the collection, e.g. "reports/610881102-2023.json". */
	path: string;
	/** Text, or the bytes of a kept original (a PDF, a page, a Word file). */
	content: string | Uint8Array;
}

export type WriteFile = (path: string, content: string | Uint8Array) => void;

const defaultWriteFile: WriteFile = (path, content) => writeFileSync(path, content);

/** Failed while writing or swapping; the message states where the collection now is. */
export class CollectionWriteError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'CollectionWriteError';
	}
}

export interface WriteOutcome {
	/** Files written and verified in the folder before the swap. */
	files: number;
	/** Of those, files with the bytes the previous collection had: linked to it, not written. */
	unchanged: number;
	/** Something left behind that could not be removed (the run itself succeeded). */
	warnings: string[];
}

export function writeCollection(
	targetDir: string,
	files: Iterable<CollectionFile>,
	writeFile: WriteFile = defaultWriteFile,
): WriteOutcome {
	const writer = openCollection(targetDir, writeFile);
	try {
		for (const file of files) writer.add(file);
	} catch (error) {
		throw writer.abandon(error);
	}
	return writer.finish();
}

/** A file another thread already put in the run's folder (writeCollectionFile), by size. */
export interface PlacedFile {
	path: string;
	bytes: number;
	/** Linked to the previous collection's file rather than written. */
	unchanged: boolean;
}

/**
 * Writes one file of the collection into the run's folder `tmpDir`, or links it to the same
 * bytes in the current collection `targetDir`. Parse workers call it too (parallel-ingest.ts),
 * so the writes are spread over every core; the writer then only notes them.
 */
export function writeCollectionFile(
	targetDir: string,
	tmpDir: string,
	file: CollectionFile,
	writeFile: WriteFile = defaultWriteFile,
	folders?: Set<string>,
): PlacedFile {
	const path = join(tmpDir, file.path);
	if (!folders?.has(dirname(path))) {
		mkdirSync(dirname(path), { recursive: true });
		folders?.add(dirname(path));
	}
	const unchanged = linkIfUnchanged(join(targetDir, file.path), path, file.content);
	if (!unchanged) writeFile(path, file.content);
	return { path: file.path, bytes: Buffer.byteLength(file.content), unchanged };
}

export type CollectionWriter = ReturnType<typeof openCollection>;

/**
 * One run's temporary folder (`tmpDir`): files added (written here) or noted (written by a
 * worker) one at a time, then checked and swapped into place by `finish`.
 */
export function openCollection(targetDir: string, writeFile: WriteFile = defaultWriteFile) {
	const warnings = removeLeftovers(targetDir);
	const runId = `${process.pid}-${randomBytes(4).toString('hex')}`;
	const tmpDir = `${targetDir}.tmp-${runId}`;
	const oldDir = `${targetDir}.old-${runId}`;
	const shown = basename(targetDir);
	const expected = new Map<string, number>();
	const folders = new Set<string>();
	let unchanged = 0;
	const abandon = (error: unknown) => {
		rmSync(tmpDir, { recursive: true, force: true });
		return new CollectionWriteError(
			`${shown}/ 未改动（新数据写入失败，临时文件夹已删除）：${messageOf(error)}`,
			{ cause: error },
		);
	};
	try {
		mkdirSync(tmpDir, { recursive: true });
	} catch (error) {
		throw abandon(error);
	}
	const note = (placed: PlacedFile) => {
		if (placed.unchanged) unchanged++;
		expected.set(placed.path, placed.bytes);
	};
	return {
		tmpDir,
		add(file: CollectionFile) {
			note(writeCollectionFile(targetDir, tmpDir, file, writeFile, folders));
		},
		note,
		abandon,
		finish(): WriteOutcome {
			try {
				verifyFolder(tmpDir, expected);
			} catch (error) {
				throw abandon(error);
			}
			warnings.push(...swapInto(targetDir, tmpDir, oldDir));
			return { files: expected.size, unchanged, warnings };
		},
	};
}

/** Every file meant to be written is there with its full size, and nothing else is. */
export function verifyFolder(dir: string, expected: ReadonlyMap<string, number>): void {
	const found = listFiles(dir);
	const missing = [...expected.keys()].filter((p) => !found.has(p));
	const extra = [...found.keys()].filter((p) => !expected.has(p));
	const truncated = [...expected].filter(([p, size]) => found.has(p) && found.get(p) !== size);
	if (missing.length + extra.length + truncated.length > 0)
		throw new Error(
			`写入核对未通过：应有 ${expected.size} 个文件，缺 ${missing.length} 个、多 ${extra.length} 个、` +
				`长度不符 ${truncated.length} 个（${[...missing, ...extra, ...truncated.map(([p]) => p)].slice(0, 3).join(', ')}）`,
		);
}

function listFiles(
	dir: string,
	prefix = '',
	into = new Map<string, number>(),
): Map<string, number> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) listFiles(path, `${prefix}${entry.name}/`, into);
		else into.set(`${prefix}${entry.name}`, statSync(path).size);
	}
	return into;
}

/** Renames the new folder into place; on failure puts the previous one back, or says where it is. */
export function swapInto(targetDir: string, tmpDir: string, oldDir: string): string[] {
	const shown = basename(targetDir);
	const hadPrevious = existsSync(targetDir);
	try {
		if (hadPrevious) renameSync(targetDir, oldDir);
	} catch (error) {
		rmSync(tmpDir, { recursive: true, force: true });
		throw new CollectionWriteError(`${shown}/ 未改动（无法移开旧数据）：${messageOf(error)}`, {
			cause: error,
		});
	}
	try {
		renameSync(tmpDir, targetDir);
	} catch (error) {
		let state = `${shown}/ 未改动（已恢复旧数据）`;
		if (hadPrevious) {
			try {
				renameSync(oldDir, targetDir);
			} catch {
				state = `${shown}/ 现在不存在：旧数据在 ${oldDir}，请把它改回 ${targetDir}`;
			}
		} else state = `${shown}/ 仍然没有`;
		rmSync(tmpDir, { recursive: true, force: true });
		throw new CollectionWriteError(`${state}：${messageOf(error)}`, { cause: error });
	}
	if (!hadPrevious) return [];
	try {
		rmSync(oldDir, { recursive: true, force: true });
		return [];
	} catch (error) {
		return [`新数据已生效，但旧数据 ${oldDir} 无法删除（${messageOf(error)}）；可手动删除`];
	}
}

/** Temporary and old folders of earlier runs that were killed; called while holding the output lock. */
export function removeLeftovers(targetDir: string): string[] {
	const parent = dirname(targetDir);
	const base = basename(targetDir);
	if (!existsSync(parent)) return [];
	const warnings: string[] = [];
	for (const name of readdirSync(parent)) {
		if (!name.startsWith(`${base}.tmp`) && !name.startsWith(`${base}.old`)) continue;
		try {
			rmSync(join(parent, name), { recursive: true, force: true });
		} catch (error) {
			warnings.push(`上次中断留下的 ${join(parent, name)} 无法删除（${messageOf(error)}）`);
		}
	}
	return warnings;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
