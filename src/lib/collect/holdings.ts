/**
 * What content/reports/ already holds, so a second run skips what the first one fetched: by URL
 * (the sidecars' source, final and page URLs, without a request), by SHA-256 (the same bytes at
 * another address), and by (township, year) (a different file for a report already here is a
 * duplicate, never an overwrite). URLs and fingerprints are read at start; the (township, year)
 * of the files already there needs the parser, so it is read only when a new report is about to
 * be stored: a resumed run that finds everything by URL parses nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	isProvenanceSidecar,
	provenanceSchema,
	sidecarPathOf,
	type Provenance,
} from '../model/provenance.ts';
import type { Placement, Placer } from '../model/placement.ts';
import type { ReadReport } from './read-report.ts';
import { sha256Of } from './store.ts';

export interface Holding {
	/** Path under content/reports/, forward slashes. */
	file: string;
	sha256: string;
	provenance: Provenance | null;
	/** Null when the file is not a report (yet); undefined until it has been read. */
	placement?: Placement | null;
}

/** Places a file already in the collection (path under content/reports/). */
export type PlaceHeld = (file: string) => Promise<Placement | null>;

export class Holdings {
	private readonly byUrl = new Map<string, Holding>();
	private readonly bySha = new Map<string, Holding>();
	private readonly bySlot = new Map<string, Holding>();
	private placed: Promise<void> | undefined;
	private readonly placeHeld: PlaceHeld;
	/** Sidecars that could not be read, as messages. */
	readonly problems: string[] = [];

	constructor(placeHeld: PlaceHeld = async () => null) {
		this.placeHeld = placeHeld;
	}

	add(holding: Holding): void {
		this.bySha.set(holding.sha256, holding);
		const p = holding.provenance;
		if (p?.retrieval === 'web')
			for (const url of [p.sourceUrl, p.finalUrl]) this.byUrl.set(url, holding);
		if (holding.placement?.slot) this.bySlot.set(holding.placement.slot, holding);
	}

	withUrl = (url: string) => this.byUrl.get(url);
	withSha256 = (sha256: string) => this.bySha.get(sha256);

	/** The file already held for a (township, year), reading the held files' places on first use. */
	async withSlot(slot: string): Promise<Holding | undefined> {
		this.placed ??= this.placeAll();
		await this.placed;
		return this.bySlot.get(slot);
	}

	private async placeAll(): Promise<void> {
		for (const holding of [...this.bySha.values()]) {
			if (holding.placement !== undefined) continue;
			holding.placement = await this.placeHeld(holding.file);
			if (holding.placement?.slot && !this.bySlot.has(holding.placement.slot))
				this.bySlot.set(holding.placement.slot, holding);
		}
	}

	/** Whether some stored attachment was found through this page. */
	hasPage = (url: string) => this.fileFromPage(url) !== undefined;
	fileFromPage = (url: string) =>
		[...this.bySha.values()].find(
			(h) => h.provenance?.retrieval === 'web' && h.provenance.pageUrl === url,
		)?.file;
}

/** Reads every report file's fingerprint and its sidecar; places are read later (withSlot). */
export async function loadHoldings(
	reportsDir: string,
	read: ReadReport,
	place: Placer,
): Promise<Holdings> {
	const holdings = new Holdings(async (file) => {
		const path = `content/reports/${file}`;
		try {
			return place(await read(readFileSync(join(reportsDir, file)), path), path);
		} catch {
			// Not a report (or not readable yet): it can still be matched by URL and fingerprint.
			return null;
		}
	});
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
		holdings.add({ file, sha256: sha256Of(bytes), provenance });
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
