/**
 * What content/reports/ already holds, so a second run skips what the first one fetched: by URL
 * (the sidecars' source, final and page URLs, without a request), by SHA-256 (the same bytes at
 * another address), and by (township, year) (a different file for a report already here is a
 * duplicate, never an overwrite).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	isProvenanceSidecar,
	provenanceSchema,
	sidecarPathOf,
	type Provenance,
} from '../model/provenance.ts';
import type { Placement, Placer } from './placement.ts';
import type { ReadReport } from './read-report.ts';
import { sha256Of } from './store.ts';

export interface Holding {
	/** Path under content/reports/, forward slashes. */
	file: string;
	sha256: string;
	provenance: Provenance | null;
	placement: Placement | null;
}

export class Holdings {
	private readonly byUrl = new Map<string, Holding>();
	private readonly bySha = new Map<string, Holding>();
	private readonly bySlot = new Map<string, Holding>();
	/** Sidecars that could not be read, as messages. */
	readonly problems: string[] = [];

	add(holding: Holding): void {
		this.bySha.set(holding.sha256, holding);
		const p = holding.provenance;
		if (p?.retrieval === 'web')
			for (const url of [p.sourceUrl, p.finalUrl]) this.byUrl.set(url, holding);
		if (holding.placement?.slot) this.bySlot.set(holding.placement.slot, holding);
	}

	withUrl = (url: string) => this.byUrl.get(url);
	withSha256 = (sha256: string) => this.bySha.get(sha256);
	withSlot = (slot: string) => this.bySlot.get(slot);
	/** Whether some stored attachment was found through this page. */
	hasPage = (url: string) => this.fileFromPage(url) !== undefined;
	fileFromPage = (url: string) =>
		[...this.bySha.values()].find(
			(h) => h.provenance?.retrieval === 'web' && h.provenance.pageUrl === url,
		)?.file;
}

/** Reads every report file and its sidecar; the parser places each one that is a report. */
export async function loadHoldings(
	reportsDir: string,
	read: ReadReport,
	place: Placer,
): Promise<Holdings> {
	const holdings = new Holdings();
	for (const file of reportFiles(reportsDir)) {
		const absolute = join(reportsDir, file);
		const bytes = readFileSync(absolute);
		let provenance: Provenance | null = null;
		if (existsSync(sidecarPathOf(absolute))) {
			try {
				provenance = provenanceSchema.parse(
					JSON.parse(readFileSync(sidecarPathOf(absolute), 'utf8')),
				);
			} catch (error) {
				holdings.problems.push(
					`content/reports/${sidecarPathOf(file)}: 来源记录无法读取（${(error as Error).message.split('\n')[0]}）`,
				);
			}
		}
		let placement: Placement | null = null;
		try {
			placement = place(await read(bytes, `content/reports/${file}`), `content/reports/${file}`);
		} catch {
			// Not a report (or not readable yet): it can still be matched by URL and fingerprint.
		}
		holdings.add({ file, sha256: sha256Of(bytes), provenance, placement });
	}
	return holdings;
}

function reportFiles(reportsDir: string): string[] {
	if (!existsSync(reportsDir)) return [];
	const files: string[] = [];
	const walk = (dir: string, prefix: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue;
			if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
			else if (entry.isFile() && !isProvenanceSidecar(entry.name))
				files.push(`${prefix}${entry.name}`);
		}
	};
	walk(reportsDir, '');
	return files.sort();
}
