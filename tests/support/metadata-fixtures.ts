/**
 * The structure and metadata fixtures (tests/fixtures/metadata/): report texts written by hand
 * for one phenomenon each (wrapped headings, excerpts, table-less reports, page chrome, wrapped
 * titles, issuers in running text, place-name shapes, implausible years), each with a truth file
 * holding what the text was written to say. `scoreMetadata` counts the metadata fields a parser
 * gets right over all of them; the unit test and the accuracy script share it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const METADATA_FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'metadata');

/** The metadata fields a truth states, all of them, null where the text does not say. */
export interface MetadataTruth {
	title: string | null;
	issuingBody: string | null;
	township: string | null;
	townshipKind: string | null;
	county: string | null;
	prefecture: string | null;
	province: string | null;
	reportYear: number | null;
	statisticsPeriod: { start: string | null; end: string | null } | null;
	publicationDate: string | null;
	publicationDateKind: 'signature' | 'printed' | 'web' | null;
}

export interface StructureTruth {
	fixture: string;
	description: string;
	/** Which issue items the fixture reproduces. */
	covers: string[];
	/** True when the text is not a report and must be refused. */
	rejected: boolean;
	metadata: MetadataTruth;
	/** 1-based line of each section heading as written, null where the text has none. */
	sections?: Record<string, number | null>;
	/** A layout truth whose tables this text copies (path relative to this folder). */
	tablesFrom?: string;
	/** Only these rows (`table3.<row>`) or whole tables (`table3`, `table4`) are in the text. */
	onlyRows?: string[];
	/** Rule ids that must be among the record's diagnostics. */
	diagnostics?: string[];
	/** Text (page chrome) that no section's text may contain. */
	sectionTextExcludes?: string[];
}

export function loadStructureTruths(): StructureTruth[] {
	return readdirSync(METADATA_FIXTURE_DIR)
		.filter((f) => f.endsWith('.truth.json'))
		.sort()
		.map((f) => JSON.parse(readFileSync(join(METADATA_FIXTURE_DIR, f), 'utf8')) as StructureTruth);
}

/** Field name → value, with the statistics period split into its two dates. */
export function metadataFields(m: MetadataTruth | null): Record<string, unknown> {
	return {
		title: m?.title ?? null,
		issuingBody: m?.issuingBody ?? null,
		township: m?.township ?? null,
		townshipKind: m?.townshipKind ?? null,
		county: m?.county ?? null,
		prefecture: m?.prefecture ?? null,
		province: m?.province ?? null,
		reportYear: m?.reportYear ?? null,
		'statisticsPeriod.start': m?.statisticsPeriod?.start ?? null,
		'statisticsPeriod.end': m?.statisticsPeriod?.end ?? null,
		publicationDate: m?.publicationDate ?? null,
		publicationDateKind: m?.publicationDateKind ?? null,
	};
}

export interface FieldScore {
	fixture: string;
	field: string;
	want: unknown;
	got: unknown;
	right: boolean;
}

/**
 * Every metadata field of every fixture, right or wrong. A report refused by the parser gets
 * every field wrong, except for the texts that must be refused (those count as right).
 */
export function scoreMetadata(
	parse: (bytes: Uint8Array, file: string) => { metadata: MetadataTruth },
): FieldScore[] {
	const scores: FieldScore[] = [];
	for (const truth of loadStructureTruths()) {
		const bytes = new Uint8Array(readFileSync(join(METADATA_FIXTURE_DIR, truth.fixture)));
		let got: MetadataTruth | null = null;
		let refused = false;
		try {
			got = parse(bytes, `tests/fixtures/metadata/${truth.fixture}`).metadata;
		} catch {
			refused = true;
		}
		const want = metadataFields(truth.metadata);
		const have = metadataFields(got);
		for (const field of Object.keys(want))
			scores.push({
				fixture: truth.fixture,
				field,
				want: want[field],
				got: refused ? '(refused)' : have[field],
				right: truth.rejected ? refused : !refused && want[field] === have[field],
			});
	}
	return scores;
}
