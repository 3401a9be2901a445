/**
 * Reading the curator's JSON files in content/ (township overrides, corrections).
 * A missing file means "no entries"; a malformed one stops the ingest, because every
 * report's identity may depend on it.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

export class CuratorFileError extends Error {
	constructor(file: string, problem: string) {
		super(`${file}: ${problem}`);
		this.name = 'CuratorFileError';
	}
}

export function readCuratorFile<T extends z.ZodType>(
	path: string,
	displayName: string,
	schema: T,
	empty: z.infer<T>,
): z.infer<T> {
	if (!existsSync(path)) return empty;
	let json: unknown;
	try {
		// Windows editors save UTF-8 with a BOM, which JSON.parse refuses.
		json = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new CuratorFileError(displayName, `not valid JSON: ${(error as Error).message}`);
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		const problems = parsed.error.issues.map(
			(issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`,
		);
		throw new CuratorFileError(displayName, problems.join('; '));
	}
	return parsed.data;
}

/** Paths in curator files are relative to content/reports/; accept a copied `content/reports/…` path too. */
export function reportPathKey(path: string): string {
	return path
		.normalize('NFC')
		.replace(/\\/g, '/')
		.replace(/^\.\//, '')
		.replace(/^content\/reports\//, '');
}
