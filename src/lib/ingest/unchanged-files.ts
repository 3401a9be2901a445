/**
 * Re-ingesting an unchanged corpus should not rewrite it: the collection is rebuilt in a new
 * folder of its own (write-collection.ts), and a file whose bytes equal those of the same path in
 * the current collection is hard-linked there instead of written. The old folder is only ever
 * removed after the swap, never written into, so sharing its files is safe; where a link cannot
 * be made (another file system, no permission) the file is simply written.
 */
import { linkSync, readFileSync, statSync } from 'node:fs';

/** True when `content` equals the file at `previous` and `target` is now a hard link to it. */
export function linkIfUnchanged(
	previous: string,
	target: string,
	content: string | Uint8Array,
): boolean {
	const stat = statSync(previous, { throwIfNoEntry: false });
	if (!stat?.isFile()) return false;
	const bytes = typeof content === 'string' ? Buffer.from(content) : content;
	if (stat.size !== bytes.byteLength) return false;
	try {
		if (!readFileSync(previous).equals(bytes)) return false;
		linkSync(previous, target);
		return true;
	} catch {
		return false;
	}
}
