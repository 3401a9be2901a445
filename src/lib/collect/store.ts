/**
 * Putting a collected original and its provenance sidecar under content/reports/ so that an
 * interrupted or failed run never leaves half a file there: each is written to a hidden temporary
 * file in the same folder (the ingest skips dot-files) and renamed into place, the sidecar first,
 * so a report never appears without its provenance. A name that is taken is never overwritten.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync,
	type Dirent,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sidecarPathOf, type Provenance } from '../model/provenance.ts';

export const sha256Of = (bytes: Uint8Array): string =>
	createHash('sha256').update(bytes).digest('hex');

const TEMP_PREFIX = '.collect-';
const TEMP_SUFFIX = '.part';

/** Temporary files of this process, removed if it is interrupted. */
const pending = new Set<string>();

export function removePendingTempFiles(): void {
	for (const path of pending) rmSync(path, { force: true });
	pending.clear();
}

/** Writes both files; returns false (and writes nothing) when the report's path is already taken. */
export function storeOriginal(
	absolutePath: string,
	bytes: Uint8Array,
	provenance: Provenance,
): boolean {
	if (existsSync(absolutePath)) return false;
	const dir = dirname(absolutePath);
	mkdirSync(dir, { recursive: true });
	const tempReport = tempPathIn(dir);
	const tempSidecar = tempPathIn(dir);
	try {
		writeFileSync(tempReport, bytes, { flag: 'wx' });
		writeFileSync(tempSidecar, JSON.stringify(provenance, null, '\t') + '\n', { flag: 'wx' });
		renameSync(tempSidecar, sidecarPathOf(absolutePath));
		try {
			renameSync(tempReport, absolutePath);
		} catch (error) {
			rmSync(sidecarPathOf(absolutePath), { force: true });
			throw error;
		}
	} finally {
		for (const temp of [tempReport, tempSidecar]) {
			rmSync(temp, { force: true });
			pending.delete(temp);
		}
	}
	return true;
}

/** Temporary files left by a run that was killed (SIGKILL, power loss): never a finished report. */
export function removeStaleTempFiles(reportsDir: string): string[] {
	if (!existsSync(reportsDir)) return [];
	const removed: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true }) as Dirent[]) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (isTempName(entry.name)) {
				rmSync(path, { force: true });
				removed.push(path);
			}
		}
	};
	walk(reportsDir);
	return removed;
}

const isTempName = (name: string) => name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);

function tempPathIn(dir: string): string {
	const path = join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
	pending.add(path);
	return path;
}

/**
 * `<year>/<township>-<first 8 of SHA-256>.<ext>`: readable in a file list, unique per content,
 * stable across runs. Unknown parts are said as such rather than guessed.
 */
export function collectedFileName(parts: {
	year: number | null;
	township: string | null;
	sha256: string;
	extension: string;
}): string {
	const year = parts.year === null ? '年度未知' : String(parts.year);
	const township = safeSegment(parts.township ?? '') || '乡镇未知';
	return `${year}/${township}-${parts.sha256.slice(0, 8)}.${parts.extension}`;
}

/** A file-name segment with no path separators, control characters or leading dots. */
function safeSegment(text: string): string {
	return basename(
		text
			.normalize('NFC')
			.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
			.replace(/\s+/g, '')
			.replace(/^\.+/, ''),
	).slice(0, 40);
}
