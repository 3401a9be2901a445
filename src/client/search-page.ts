/**
 * The search page, on Pagefind's JS API (/pagefind/<shard>/pagefind.js, written by the index step
 * and loaded at run time, so it is not bundled). The index is in shards, one per province
 * (search-shards.ts): a search narrowed to a province loads only that shard, any other search
 * merges all shards at query time (Pagefind's mergeIndex). Only what is shown is fetched: a search
 * returns light result handles, and `data()` (the page's title, metas and excerpt) is loaded for
 * the ten cards on screen and for each further ten on 加载更多. Exact phrase matches are put first
 * by running the quoted query beside the plain one. The address bar holds the query and filters;
 * a polite live region says how many were found.
 */
import { excerptParts } from './search-excerpt.ts';
import {
	FILTERS,
	PAGE_SIZE,
	countSentence,
	hasFilters,
	nextShown,
	pagefindFilters,
	phraseFirst,
	phraseQuery,
	readState,
	writeState,
	type SearchState,
} from './search-state.ts';
import {
	MANIFEST_URL,
	NO_SHARD,
	SHARD_FILTER,
	queryTerms,
	shardBase,
	shardKeysFor,
	shardsHoldingEveryWord,
	type ShardManifest,
} from './search-shards.ts';

interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}
interface Result {
	id: string;
	data: () => Promise<ResultData>;
}
interface SearchResponse {
	results: Result[];
	filters: Record<string, Record<string, number>>;
	/** Hits per filter value before the search's own filters narrowed them. */
	totalFilters?: Record<string, Record<string, number>>;
}
interface Pagefind {
	options: (o: Record<string, unknown>) => Promise<void>;
	search: (term: string | null, o?: Record<string, unknown>) => Promise<SearchResponse | null>;
	filters: () => Promise<Record<string, Record<string, number>>>;
	preload: (term: string, o?: Record<string, unknown>) => Promise<void>;
	mergeIndex: (path: string, o?: Record<string, unknown>) => Promise<void>;
}
interface PagefindModule {
	createInstance: (o: { basePath: string }) => Pagefind;
}

const ENGINE_OPTIONS = { excerptLength: 36 };
/** Wait after the last keystroke before searching; Enter and filter changes search at once. */
const TYPING_DELAY_MS = 200;

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const status = document.querySelector<HTMLElement>('#search-status');
const resultsBox = document.querySelector<HTMLElement>('#search-results');
const list = document.querySelector<HTMLOListElement>('#search-list');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const empty = document.querySelector<HTMLElement>('#search-empty');

let manifestPromise: Promise<ShardManifest> | null = null;
function manifest(): Promise<ShardManifest> {
	manifestPromise ??= fetch(MANIFEST_URL).then(
		(response) => response.json() as Promise<ShardManifest>,
	);
	return manifestPromise;
}

/** An engine with nothing in it, for a site published without any report. */
const emptyEngine: Pagefind = {
	options: async () => {},
	search: async () => ({ results: [], filters: {} }),
	filters: async () => ({}),
	preload: async () => {},
	mergeIndex: async () => {},
};

/** Pagefind's JS, loaded once from the first shard (every shard's copy is the same program). */
let modulePromise: Promise<PagefindModule> | null = null;
function pagefindModule(key: string): Promise<PagefindModule> {
	const url = `${shardBase(key)}pagefind.js`;
	modulePromise ??= import(/* @vite-ignore */ url) as Promise<PagefindModule>;
	return modulePromise;
}

/** One engine per set of shards (the first shard's, the others merged in), made once. */
const engines = new Map<string, Promise<Pagefind>>();
async function pagefind(state?: SearchState): Promise<Pagefind> {
	const shards = await manifest();
	const keys = shardKeysFor(shards, state?.filters.province);
	const id = keys.join(',');
	let engine = engines.get(id);
	if (!engine) {
		engine = (async () => {
			const [first, ...rest] = keys;
			if (first === undefined) return emptyEngine;
			const module = await pagefindModule(shards.shards[0]!.key);
			const instance = module.createInstance({ basePath: shardBase(first) });
			await instance.options({ ...ENGINE_OPTIONS, mergeFilter: { [SHARD_FILTER]: first } });
			// Merged indexes take their options here: the instance's options() sets only its own.
			await Promise.all(
				rest.map((key) =>
					instance.mergeIndex(shardBase(key), {
						...ENGINE_OPTIONS,
						mergeFilter: { [SHARD_FILTER]: key },
					}),
				),
			);
			return instance;
		})();
		engines.set(id, engine);
	}
	return engine;
}

/**
 * The filter that keeps a search over several shards to those holding every word of the query
 * (shardsHoldingEveryWord): each word is counted per shard by an exact search that returns no
 * pages, only its hits per shard.
 * A quoted or one-word query needs none: a shard lacking the word finds nothing by itself.
 */
async function shardScope(engine: Pagefind, state: SearchState): Promise<Record<string, unknown>> {
	const keys = shardKeysFor(await manifest(), state.filters.province);
	const words = [...new Set(queryTerms(state.query))];
	if (keys.length < 2 || words.length < 2 || /^\s*".+"\s*$/.test(state.query)) return {};
	const hits = await Promise.all(
		words.map(async (word) => {
			// Quoted: a shard lacking the word must count 0, not the near matches Pagefind falls back to.
			const counted = await engine.search(`"${word}"`, {
				filters: { [SHARD_FILTER]: NO_SHARD },
			});
			return counted?.totalFilters?.[SHARD_FILTER] ?? {};
		}),
	);
	const holding = shardsHoldingEveryWord(keys, hits);
	if (holding === null) return {};
	return { [SHARD_FILTER]: { any: holding.length > 0 ? holding : [NO_SHARD] } };
}

/** One result card: title link, then year · region · kind, then the excerpt (or a township's summary). */
function card(data: ResultData): HTMLLIElement {
	const item = document.createElement('li');
	item.className = 'result';
	const heading = document.createElement('h2');
	heading.className = 'result-title';
	const link = document.createElement('a');
	link.href = data.url;
	link.textContent = data.meta.title ?? data.meta.township ?? data.url;
	heading.append(link);
	const meta = document.createElement('p');
	meta.className = 'result-meta';
	const facts: [string, string | undefined][] = [
		['result-year', data.meta.year ? `${data.meta.year} 年` : undefined],
		['result-township', data.meta.kind === '乡镇' ? data.meta.township : undefined],
		['result-region', data.meta.region],
		['result-kind', data.meta.kind === '乡镇' ? '乡镇页面（历年报告）' : '年度报告'],
	];
	for (const [className, text] of facts) {
		if (!text) continue;
		const span = document.createElement('span');
		span.className = className;
		span.textContent = text;
		meta.append(span);
	}
	const excerpt = document.createElement('p');
	excerpt.className = 'result-excerpt';
	if (data.meta.kind === '乡镇' && data.meta.summary) excerpt.textContent = data.meta.summary;
	else
		for (const part of excerptParts(data.excerpt)) {
			if (part.marked) {
				const mark = document.createElement('mark');
				mark.textContent = part.text;
				excerpt.append(mark);
			} else excerpt.append(part.text);
		}
	item.append(heading, meta, excerpt);
	return item;
}

let current: Result[] = [];
/** Hits per filter value in the last search, to hide options that would find nothing. */
let lastCounts: SearchResponse['filters'] | null = null;
let shown = 0;
/** Bumped by every search, so a slow answer to an old query is dropped. */
let generation = 0;

/** Loads and draws the cards from `shown` up to the next page, all at once. */
async function showMore(forGeneration: number): Promise<void> {
	const upTo = nextShown(shown, current.length, PAGE_SIZE);
	const batch = await Promise.all(current.slice(shown, upTo).map((r) => r.data()));
	if (forGeneration !== generation || !list || !more) return;
	const fragment = document.createDocumentFragment();
	for (const data of batch) fragment.append(card(data));
	list.append(fragment);
	shown = upTo;
	more.hidden = shown >= current.length;
	more.textContent = `加载更多（还有 ${current.length - shown} 个）`;
}

function readForm(): SearchState {
	const filters: SearchState['filters'] = {};
	for (const { param } of FILTERS) {
		const value = form?.querySelector<HTMLSelectElement>(`[name="${param}"]`)?.value;
		if (value) filters[param] = value;
	}
	return { query: input?.value.trim() ?? '', filters };
}

/** Options for each filter from the whole index; after a search, those with no hit are hidden. */
async function fillFilters(state: SearchState): Promise<void> {
	const all = await (await pagefind()).filters();
	for (const { param, filter } of FILTERS) {
		const select = form?.querySelector<HTMLSelectElement>(`[name="${param}"]`);
		if (!select) continue;
		const values = Object.keys(all[filter] ?? {}).sort((a, b) =>
			param === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN'),
		);
		const fragment = document.createDocumentFragment();
		for (const value of values) fragment.append(new Option(value, value));
		select.append(fragment);
		select.value = state.filters[param] ?? '';
	}
}

function limitFilters(counts: Record<string, Record<string, number>>): void {
	for (const { param, filter } of FILTERS) {
		const select = form?.querySelector<HTMLSelectElement>(`[name="${param}"]`);
		if (!select) continue;
		const byValue = counts[filter] ?? {};
		for (const option of select.options) {
			if (option.value === '' || option.selected) continue;
			option.hidden = (byValue[option.value] ?? 0) === 0;
		}
	}
}

async function run(state: SearchState, push: boolean): Promise<void> {
	const mine = ++generation;
	const query = writeState(state);
	if (query !== location.search) {
		const url = `${location.pathname}${query}${location.hash}`;
		if (push) history.pushState(null, '', url);
		else history.replaceState(null, '', url);
	}
	if (!state.query && !hasFilters(state)) {
		current = [];
		shown = 0;
		list?.replaceChildren();
		if (more) more.hidden = true;
		if (empty) empty.hidden = true;
		if (status) status.textContent = '';
		return;
	}
	resultsBox?.setAttribute('aria-busy', 'true');
	// User Timing marks, read by `npm run bench:search`: start → first ten cards drawn → complete.
	performance.mark('search:start');
	const engine = await pagefind(state);
	const filters = pagefindFilters(state);
	const phrase = phraseQuery(state.query);
	// The phrase search runs first: it is the cheaper one (no prefix matching), and as its hits come
	// first, ten of them are already the final first ten cards, drawn before the plain search starts
	// (Pagefind's worker answers one message at a time, so their data would otherwise wait for it).
	const exact = phrase ? await engine.search(phrase, { filters }) : null;
	if (mine !== generation) return;
	let drawn = 0;
	if (exact && exact.results.length >= PAGE_SIZE) {
		current = exact.results;
		shown = 0;
		drawn = await drawFirstPage(mine);
		if (mine !== generation) return;
	}
	const scope = await shardScope(engine, state);
	if (mine !== generation) return;
	const all = await engine.search(state.query || null, { filters: { ...filters, ...scope } });
	if (mine !== generation || !all) return;
	current = phraseFirst(exact?.results ?? [], all.results);
	if (drawn === 0) drawn = await drawFirstPage(mine);
	if (mine !== generation) return;
	shown = drawn;
	// The rest changes in one frame: button, tips, count.
	if (more) {
		more.hidden = shown >= current.length;
		more.textContent = `加载更多（还有 ${current.length - shown} 个）`;
	}
	if (empty) empty.hidden = current.length > 0;
	if (status)
		status.textContent = countSentence(current.length, state, exact ? exact.results.length : null);
	performance.mark('search:complete');
	resultsBox?.setAttribute('aria-busy', 'false');
	lastCounts = all.filters;
	limitFilters(all.filters);
}

/** Replaces the cards by the first page of `current`; returns how many were drawn (0 if superseded). */
async function drawFirstPage(mine: number): Promise<number> {
	const batch = await Promise.all(current.slice(0, PAGE_SIZE).map((r) => r.data()));
	if (mine !== generation) return 0;
	const fragment = document.createDocumentFragment();
	for (const data of batch) fragment.append(card(data));
	list?.replaceChildren(fragment);
	if (more) more.hidden = true;
	if (empty) empty.hidden = true;
	performance.mark('search:drawn');
	return batch.length;
}

if (form && input && list && more) {
	const initial = readState(location.search);
	input.value = initial.query;
	// The filter lists (read from every shard) are filled after the first search, not beside it:
	// a search narrowed to a province then fetches that province's shard alone first.
	void run(initial, false)
		.then(() => fillFilters(initial))
		.then(() => lastCounts && limitFilters(lastCounts));

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		// Fetch the index chunks for the words while the reader pauses (Pagefind's preload).
		const term = input.value.trim();
		if (term) void pagefind(readForm()).then((engine) => engine.preload(term));
		timer = setTimeout(() => void run(readForm(), false), TYPING_DELAY_MS);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(timer);
		void run(readForm(), true);
	});
	form.addEventListener('change', (event) => {
		if (event.target instanceof HTMLSelectElement) void run(readForm(), true);
	});
	more.addEventListener('click', () => {
		const first = shown;
		void showMore(generation).then(() => {
			// Focus the first new card's link, so keyboard and screen-reader users continue there.
			list.children[first]?.querySelector('a')?.focus();
		});
	});
	window.addEventListener('popstate', () => {
		const state = readState(location.search);
		input.value = state.query;
		for (const { param } of FILTERS) {
			const select = form.querySelector<HTMLSelectElement>(`[name="${param}"]`);
			if (select) select.value = state.filters[param] ?? '';
		}
		void run(state, false);
	});
}
