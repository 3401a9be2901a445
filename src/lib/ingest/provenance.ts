/**
 * Carrying each report's provenance (its `.source.json` sidecar, written by `npm run add`) into
 * the collection entry, and the replaced file's too for a correction. The sidecar is checked
 * against the file: a SHA-256 that no longer matches means the original was edited after it was
 * fetched, so the record of where it came from no longer describes it; the entry then carries no
 * provenance and the curator is told (the site says 来源未记录 rather than vouch for other bytes).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportEntry } from '../model/entry.ts';
import { provenanceSchema, sidecarPathOf, type Provenance } from '../model/provenance.ts';
import type { Diagnostic } from '../model/record.ts';
import { fileDiagnostic } from './diagnostics.ts';

export function withProvenance(
	entries: ReportEntry[],
	rootDir: string,
	diagnostics: Diagnostic[],
): ReportEntry[] {
	return entries.map((entry) => {
		const provenance = readProvenance(rootDir, entry.sourceFile, diagnostics);
		const replaced =
			entry.replaces === null ? undefined : readProvenance(rootDir, entry.replaces, diagnostics);
		return {
			...entry,
			...(provenance && { provenance }),
			...(replaced && { replacedProvenance: replaced }),
		};
	});
}

/** The sidecar of `file` (a path below rootDir, e.g. content/reports/x.pdf), checked; undefined when absent or unusable. */
export function readProvenance(
	rootDir: string,
	file: string,
	diagnostics: Diagnostic[],
): Provenance | undefined {
	const sidecar = sidecarPathOf(file);
	const path = join(rootDir, sidecar);
	if (!existsSync(path)) return undefined;
	let provenance: Provenance;
	try {
		const checked = provenanceSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
		if (!checked.success) {
			const problems = checked.error.issues
				.slice(0, 3)
				.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
				.join('; ');
			diagnostics.push(
				fileDiagnostic(sidecar, 'error', 'provenance-invalid', `来源记录格式不对：${problems}`),
			);
			return undefined;
		}
		provenance = checked.data;
	} catch (error) {
		diagnostics.push(
			fileDiagnostic(
				sidecar,
				'error',
				'provenance-invalid',
				`来源记录不是有效的 JSON：${(error as Error).message}`,
			),
		);
		return undefined;
	}
	const fileSha = existsSync(join(rootDir, file))
		? createHash('sha256')
				.update(readFileSync(join(rootDir, file)))
				.digest('hex')
		: null;
	if (fileSha !== provenance.sha256) {
		diagnostics.push(
			fileDiagnostic(
				file,
				'error',
				'provenance-mismatch',
				`文件的 SHA-256（${fileSha ?? '文件不存在'}）与来源记录 ${sidecar} 中的 ${provenance.sha256} 不一致：原文在下载后被改动过；恢复原文件，或用 npm run add 重新下载`,
			),
		);
		return undefined;
	}
	return provenance;
}
