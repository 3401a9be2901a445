/**
 * Writing the generated collection so that a failed ingest never leaves half of one behind:
 * everything goes to `<dir>.tmp` first, and only when every file is written is the old
 * collection moved aside to `<dir>.old` and the new one renamed into place.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CollectionFile {
	/** Path inside the collection, e.g. "reports/610881102-2023.json". */
	path: string;
	/** Text, or the bytes of a kept original (a PDF, a page, a Word file). */
	content: string | Uint8Array;
}

export type WriteFile = (path: string, content: string | Uint8Array) => void;

const defaultWriteFile: WriteFile = (path, content) => writeFileSync(path, content);

export function writeCollection(
	targetDir: string,
	files: Iterable<CollectionFile>,
	writeFile: WriteFile = defaultWriteFile,
): void {
	const tmpDir = `${targetDir}.tmp`;
	const oldDir = `${targetDir}.old`;
	rmSync(tmpDir, { recursive: true, force: true });
	try {
		mkdirSync(tmpDir, { recursive: true });
		for (const file of files) {
			const path = join(tmpDir, file.path);
			mkdirSync(dirname(path), { recursive: true });
			writeFile(path, file.content);
		}
	} catch (error) {
		rmSync(tmpDir, { recursive: true, force: true });
		throw error;
	}
	swapInto(targetDir, tmpDir, oldDir);
}

function swapInto(targetDir: string, tmpDir: string, oldDir: string): void {
	// Left over from a run that died between the two renames.
	rmSync(oldDir, { recursive: true, force: true });
	const hadPrevious = existsSync(targetDir);
	if (hadPrevious) renameSync(targetDir, oldDir);
	try {
		renameSync(tmpDir, targetDir);
	} catch (error) {
		if (hadPrevious) renameSync(oldDir, targetDir);
		throw error;
	}
	rmSync(oldDir, { recursive: true, force: true });
}
