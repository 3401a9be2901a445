/**
 * The township directory's name box: fetches the chosen province's index (every province's when
 * none is chosen), each only once and only when the box is used, and lists the townships whose
 * name, pinyin or initials contain what was typed. At most RESULTS_SHOWN are listed, so a broad
 * term never builds thousands of elements. Without JavaScript the box stays hidden and the
 * province links lead to the full lists.
 */
import type { IndexRow } from '../lib/site/township-directory.ts';
import { townshipUrl } from '../lib/site/urls.ts';

const RESULTS_SHOWN = 50;
const filter = document.querySelector<HTMLElement>('#township-filter');
const count = document.querySelector<HTMLElement>('#township-count');
const results = document.querySelector<HTMLUListElement>('#township-results');

if (filter && count && results) {
	const province = filter.querySelector<HTMLSelectElement>('[name="province"]')!;
	const name = filter.querySelector<HTMLInputElement>('[name="name"]')!;
	const indexes = new Map<string, Promise<IndexRow[]>>();

	const load = (option: HTMLOptionElement): Promise<IndexRow[]> => {
		let rows = indexes.get(option.value);
		if (!rows) {
			rows = fetch(option.dataset.index!)
				.then((r) => r.json() as Promise<{ townships: IndexRow[] }>)
				.then((j) => j.townships);
			indexes.set(option.value, rows);
		}
		return rows;
	};

	let run = 0;
	const apply = async () => {
		const term = name.value.trim().toLowerCase().replace(/\s+/g, '');
		const chosen = [...province.options].filter((o) =>
			province.value ? o.value === province.value : o.value !== '',
		);
		if (!term && !province.value) {
			results.replaceChildren();
			count.textContent = '';
			return;
		}
		const mine = ++run;
		const loaded = await Promise.all(chosen.map(load));
		if (mine !== run) return;
		const all = loaded.flat();
		const matches = term ? all.filter((row) => row[2].includes(term)) : all;
		results.replaceChildren(
			...matches.slice(0, RESULTS_SHOWN).map(([code, townshipName, , county, years]) => {
				const li = document.createElement('li');
				const a = document.createElement('a');
				a.href = townshipUrl(code);
				a.textContent = townshipName;
				const note = document.createElement('span');
				note.className = 'note';
				note.textContent = ` ${county}（${years.join('、')}）`;
				li.append(a, note);
				return li;
			}),
		);
		count.textContent =
			`显示 ${Math.min(matches.length, RESULTS_SHOWN)} / ${matches.length} 个乡镇` +
			(matches.length > RESULTS_SHOWN ? '，请输入更多字缩小范围' : '');
	};

	filter.hidden = false;
	filter.addEventListener('input', () => void apply());
}
