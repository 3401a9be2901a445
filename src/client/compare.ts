/**
 * The compare page in the browser. The URL is the state: every change pushes a new
 * ?t=…&y=… and re-renders from it, so reload, bookmarks and the back button all give the same view.
 * Chart.js comes through the portal's own chart-setup module, loaded when the first chart is drawn.
 * The picker's townships come in pieces (compare-sources.ts): a province's file when the province
 * is chosen, a name bucket when a name is typed; a shared link loads only its townships' figures.
 */
import type { Chart } from 'chart.js';
import { chartSummary, colourOf } from '../lib/site/chart-config.ts';
import {
	COMPARE_TRENDS,
	findTownships,
	MAX_SELECTION,
	MIN_SELECTION,
	overlayTrend,
	parseSelection,
	reportFor,
	selectionSearch,
	type Selection,
	type TownshipFigures,
} from '../lib/site/compare.ts';
import { compareTrendPlan } from '../lib/site/compare-plan.ts';
import { collapseAcross } from '../lib/site/derived-collapse.ts';
import { DERIVED, formatDerived, fractionText } from '../lib/site/derived-metrics.ts';
import { formatCount, NOT_REPORTED } from '../lib/site/format.ts';
import { KEY_FIGURES, METRICS } from '../lib/site/key-figures.ts';
import { townshipUrl } from '../lib/site/urls.ts';
import { createSources } from './compare-sources.ts';

const root = document.querySelector<HTMLElement>('#compare');

/** Small element builder: tag, attributes, children (strings become text, never HTML). */
function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Record<string, string> = {},
	...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
	for (const c of children) if (c !== null && c !== undefined) node.append(c);
	return node;
}

const notReported = () => el('span', { class: 'nr' }, NOT_REPORTED);

if (root) {
	const search = root.querySelector<HTMLInputElement>('#compare-search')!;
	const suggestions = root.querySelector<HTMLUListElement>('#compare-suggestions')!;
	const selectionList = root.querySelector<HTMLUListElement>('#compare-selection')!;
	const status = root.querySelector<HTMLElement>('#compare-status')!;
	const results = root.querySelector<HTMLElement>('#compare-results')!;
	const yearSelect = root.querySelector<HTMLSelectElement>('#compare-year')!;
	const figuresTable = root.querySelector<HTMLTableElement>('#compare-figures')!;
	const derivedTable = root.querySelector<HTMLTableElement>('#compare-derived')!;
	/** Rates no chosen township can have, one line per reason, above the table. */
	const derivedLines = el('div', { id: 'compare-derived-collapsed' });
	derivedTable.closest('section')?.before(derivedLines);
	const trends = root.querySelector<HTMLElement>('#compare-trends')!;
	const region = {
		province: root.querySelector<HTMLSelectElement>('select[name="province"]')!,
		prefecture: root.querySelector<HTMLSelectElement>('select[name="prefecture"]')!,
		county: root.querySelector<HTMLSelectElement>('select[name="county"]')!,
	};

	const provinceNames = new Map(
		[...region.province.options].filter((o) => o.value !== '').map((o) => [o.value, o.text]),
	);
	const sources = createSources((code) => provinceNames.get(code));
	/** Display names of townships seen in a picker list or a figures file, for the selection list. */
	const names = new Map<string, string>();
	const figures = new Map<string, Promise<TownshipFigures | null>>();
	let charts: Chart[] = [];
	/** Each render takes a ticket; a slower earlier render finding a newer ticket stops drawing. */
	let ticket = 0;
	/** The same for the suggestion list, which waits for a province file or name bucket. */
	let lookup = 0;

	const current = (): Selection => parseSelection(location.search);

	function loadFigures(code: string): Promise<TownshipFigures | null> {
		let promise = figures.get(code);
		if (!promise) {
			promise = fetch(`/compare/townships/${encodeURIComponent(code)}.json`).then((r) =>
				r.ok ? (r.json() as Promise<TownshipFigures>) : null,
			);
			figures.set(code, promise);
		}
		return promise;
	}

	function navigate(next: Selection) {
		history.pushState(null, '', `${location.pathname}${selectionSearch(next)}`);
		void render();
	}

	function add(codes: string[]) {
		const { codes: selected, year } = current();
		const room = MAX_SELECTION - selected.length;
		navigate({
			codes: [...selected, ...codes.filter((c) => !selected.includes(c)).slice(0, room)],
			year,
		});
	}

	/** The townships the typed term is looked for in: the chosen province's, or the term's name bucket. */
	async function candidates(term: string) {
		if (region.province.value) {
			const { townships } = await sources.province(region.province.value);
			return { townships, startsOnly: false, needsMore: false };
		}
		return sources.byName(term);
	}

	async function renderSuggestions() {
		const mine = ++lookup;
		const term = search.value;
		if (term.trim() === '') {
			suggestions.replaceChildren();
			return;
		}
		let found;
		try {
			found = await candidates(term);
		} catch {
			if (mine === lookup) suggestions.replaceChildren(el('li', {}, '乡镇列表载入失败，请重试。'));
			return;
		}
		if (mine !== lookup) return;
		const selected = current().codes;
		const full = selected.length >= MAX_SELECTION;
		const hits = findTownships(found.townships, term, 10, found.startsOnly).filter(
			(t) => !selected.includes(t.code),
		);
		for (const t of found.townships) names.set(t.code, t.name);
		const items = hits.map((t) => {
			const button = el('button', { type: 'button', class: 'secondary' }, '添加');
			button.disabled = full;
			button.setAttribute('aria-label', `添加${t.name}`);
			button.addEventListener('click', () => {
				add([t.code]);
				search.value = '';
				void renderSuggestions();
				search.focus();
			});
			return el(
				'li',
				{},
				el('span', {}, t.name, ' ', el('span', { class: 'note' }, t.place)),
				button,
			);
		});
		if (hits.length === 0 && !found.needsMore) items.push(el('li', {}, '没有找到匹配的乡镇'));
		if (found.needsMore)
			items.push(el('li', { class: 'note' }, '请再输入一个字母或汉字，或先选择省份。'));
		suggestions.replaceChildren(...items);
	}

	/** Options of a region list that do not belong under the chosen parent are hidden, as on the township list. */
	function limitRegionOptions() {
		const limit = (select: HTMLSelectElement, parent: string) => {
			for (const option of select.options)
				if (option.value !== '') option.hidden = parent !== '' && option.dataset.parent !== parent;
			if (select.selectedOptions[0]?.hidden) select.value = '';
		};
		limit(region.county, region.prefecture.value);
	}

	/** A province chosen: its file gives the prefecture and county lists and the townships to search. */
	async function chooseProvince() {
		const code = region.province.value;
		const reset = (select: HTMLSelectElement) => {
			select.replaceChildren(el('option', { value: '' }, '全部'));
			select.disabled = true;
		};
		reset(region.prefecture);
		reset(region.county);
		if (code === '') return void renderSuggestions();
		// The status line belongs to the comparison; the lists below become usable when the file is in.
		try {
			const { chunk, townships } = await sources.province(code);
			if (region.province.value !== code) return;
			for (const t of townships) names.set(t.code, t.name);
			region.prefecture.append(
				...chunk.prefectures.map((p) => el('option', { value: p.code }, p.name)),
			);
			region.county.append(
				...chunk.counties.map((c) =>
					el('option', { value: c.code, 'data-parent': c.prefecture ?? '' }, c.name),
				),
			);
			region.prefecture.disabled = false;
			region.county.disabled = false;
		} catch {
			status.textContent = '乡镇列表载入失败，请重试。';
		}
		void renderSuggestions();
	}

	async function addRegion() {
		const [level, code] = region.county.value
			? (['county', region.county.value] as const)
			: region.prefecture.value
				? (['prefecture', region.prefecture.value] as const)
				: region.province.value
					? (['province', region.province.value] as const)
					: [null, ''];
		if (!level) {
			status.textContent = '请先选择一个地区。';
			return;
		}
		try {
			const { townships } = await sources.province(region.province.value);
			add(townships.filter((t) => t[level] === code).map((t) => t.code));
		} catch {
			status.textContent = '乡镇列表载入失败，请重试。';
		}
	}

	function renderSelection(selection: Selection) {
		selectionList.replaceChildren(
			...selection.codes.map((code, i) => {
				const name = names.get(code);
				const remove = el(
					'button',
					{ type: 'button', class: 'secondary', 'aria-label': `移除${name ?? code}` },
					'移除',
				);
				remove.addEventListener('click', () =>
					navigate({ ...selection, codes: selection.codes.filter((c) => c !== code) }),
				);
				const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
				swatch.style.background = colourOf(i);
				return el(
					'li',
					{ 'data-code': code },
					swatch,
					name ? el('a', { href: townshipUrl(code) }, name) : `${code}（未收录）`,
					remove,
				);
			}),
		);
	}

	function figureHeader(selected: TownshipFigures[], year: number | null) {
		return el(
			'thead',
			{},
			el(
				'tr',
				{},
				el('th', { scope: 'col' }, '指标'),
				...selected.map((t) => {
					const report = reportFor(t, year);
					return el(
						'th',
						{ scope: 'col' },
						el('a', { href: townshipUrl(t.code) }, t.name),
						el('br'),
						report
							? el('a', { href: report.url, class: 'note' }, `${report.year} 年报告`)
							: el('span', { class: 'note' }, `无 ${year} 年报告`),
					);
				}),
			),
		);
	}

	function renderFigures(selected: TownshipFigures[], year: number | null) {
		const caption = el(
			'caption',
			{},
			`主要数字（单位：件；${year === null ? '各乡镇最新一年' : `${year} 年`}）`,
		);
		const rows = KEY_FIGURES.map((key) =>
			el(
				'tr',
				{ 'data-key': key },
				el('th', { scope: 'row' }, METRICS[key].label),
				...selected.map((t) => {
					const report = reportFor(t, year);
					if (!report) return el('td', { class: 'n' }, '—');
					const value = report.figures[key];
					return el('td', { class: 'n' }, value === null ? notReported() : formatCount(value));
				}),
			),
		);
		figuresTable.replaceChildren(caption, figureHeader(selected, year), el('tbody', {}, ...rows));
	}

	function renderDerived(selected: TownshipFigures[], year: number | null) {
		const caption = el(
			'caption',
			{},
			`派生指标（${year === null ? '各乡镇最新一年' : `${year} 年`}）`,
		);
		const reports = selected.flatMap((t) => reportFor(t, year) ?? []);
		const layout = collapseAcross(reports.map((r) => r.derived));
		derivedLines.replaceChildren(
			...layout.collapsed.map((line) =>
				el('p', { class: 'derived-collapsed', 'data-keys': line.keys.join(' ') }, line.text),
			),
		);
		const rows = layout.shown.map((key) =>
			el(
				'tr',
				{ 'data-key': key },
				el('th', { scope: 'row' }, el('a', { href: `/metrics/#${key}` }, DERIVED[key].label)),
				...selected.map((t) => {
					const report = reportFor(t, year);
					if (!report) return el('td', { class: 'n' }, '—');
					const v = report.derived[key];
					const text = formatDerived(key, v);
					const fraction =
						DERIVED[key].unit === 'score'
							? null
							: el('span', { class: 'fraction' }, fractionText(v));
					return el(
						'td',
						{ class: 'n', 'data-status': v.status },
						v.status === 'ok' ? text : el('span', { class: 'nr' }, text),
						fraction,
					);
				}),
			),
		);
		derivedTable.replaceChildren(caption, figureHeader(selected, year), el('tbody', {}, ...rows));
	}

	async function renderTrends(selected: TownshipFigures[], mine: number) {
		for (const chart of charts) chart.destroy();
		charts = [];
		const figuresOut = COMPARE_TRENDS.map((key) => {
			const overlay = overlayTrend(selected, key);
			const { spec, hasReport } = overlay;
			const plan = compareTrendPlan(overlay, METRICS[key].label);
			const drawn = plan.form === 'chart' ? plan.spec : null;
			const canvas = drawn
				? el('canvas', { role: 'img', 'aria-label': chartSummary(drawn) })
				: null;
			const head = el(
				'tr',
				{},
				el('th', { scope: 'col' }, '乡镇'),
				...spec.labels.map((l) => el('th', { scope: 'col' }, l)),
			);
			const body = spec.series.map((s, i) =>
				el(
					'tr',
					{},
					el('th', { scope: 'row' }, s.label),
					...spec.labels.map((_, j) => {
						const v = s.values[j] ?? null;
						return el(
							'td',
							{ class: 'n' },
							!hasReport[i]![j] ? '无报告' : v === null ? notReported() : formatCount(v),
						);
					}),
				),
			);
			const table = el(
				'div',
				{ class: 'table-scroll' },
				el(
					'table',
					{ class: 'data chart-data' },
					el('caption', {}, '数据表'),
					el('thead', {}, head),
					el('tbody', {}, ...body),
				),
			);
			const figure = el(
				'figure',
				{ class: 'chart', 'data-key': key, 'data-form': plan.form },
				el(
					'figcaption',
					{},
					plan.title,
					canvas ? el('span', { class: 'note' }, '（单位：件）') : null,
				),
				canvas
					? el('div', { class: 'chart-pair' }, el('div', { class: 'chart-box' }, canvas), table)
					: table,
			);
			return { figure, canvas, spec: drawn };
		});
		trends.replaceChildren(...figuresOut.map((f) => f.figure));
		if (!figuresOut.some((f) => f.canvas)) return;
		const { drawChart } = await import('./chart-setup.ts');
		if (mine !== ticket) return;
		for (const { canvas, spec } of figuresOut) {
			if (!canvas || !spec) continue;
			charts.push(drawChart(canvas, spec));
			canvas.dataset.drawn = 'true';
		}
	}

	async function render() {
		const mine = ++ticket;
		const selection = current();
		yearSelect.value = selection.year === null ? '' : String(selection.year);
		void renderSuggestions();
		if (selection.codes.length > 0) status.textContent = '正在载入…';
		// Every chosen township's own file: it names the township (no list needed) and has its figures.
		const loaded = await Promise.all(selection.codes.map(loadFigures));
		if (mine !== ticket) return;
		for (const t of loaded) if (t) names.set(t.code, t.name);
		renderSelection(selection);
		const missing = MIN_SELECTION - selection.codes.length;
		if (missing > 0) {
			results.hidden = true;
			status.textContent =
				selection.codes.length === 0
					? `请选择 ${MIN_SELECTION}–${MAX_SELECTION} 个乡镇。`
					: `再选择 ${missing} 个乡镇即可对比。`;
			return;
		}
		const selected = loaded.filter((t): t is TownshipFigures => t !== null);
		const unknown = selection.codes.filter((_, i) => loaded[i] === null);
		results.hidden = selected.length < MIN_SELECTION;
		const full = selection.codes.length >= MAX_SELECTION ? `已达上限 ${MAX_SELECTION} 个。` : '';
		status.textContent =
			(unknown.length > 0 ? `没有找到区划代码 ${unknown.join('、')} 的报告。` : '') +
			(selected.length >= MIN_SELECTION
				? `正在对比 ${selected.length} 个乡镇。${full}`
				: `再选择 ${MIN_SELECTION - selected.length} 个乡镇即可对比。`);
		if (selected.length < MIN_SELECTION) return;
		renderFigures(selected, selection.year);
		renderDerived(selected, selection.year);
		await renderTrends(selected, mine);
		root!.dataset.ready = selection.codes.join(',');
	}

	search.addEventListener('input', () => void renderSuggestions());
	yearSelect.addEventListener('change', () => {
		navigate({ ...current(), year: yearSelect.value === '' ? null : Number(yearSelect.value) });
	});
	region.province.addEventListener('change', () => void chooseProvince());
	region.prefecture.addEventListener('change', limitRegionOptions);
	root.querySelector('#compare-add-region')!.addEventListener('click', () => void addRegion());
	window.addEventListener('popstate', () => void render());

	// A reload may bring back the province chosen before (the browser restores form fields).
	if (region.province.value !== '') void chooseProvince();
	void render();
}
