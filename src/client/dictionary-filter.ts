/**
 * The data dictionary's filter box: narrows every table of the page to the rows whose text,
 * column keys or table columns contain the term (dictionary-match.ts), hides a group with no row
 * left, and says how many rows show. Without JavaScript the box stays hidden and every row shows.
 */
import { rowMatches } from './dictionary-match.ts';

const filter = document.querySelector<HTMLElement>('#dictionary-filter');
const input = filter?.querySelector<HTMLInputElement>('input');
const count = document.querySelector<HTMLElement>('#dictionary-count');
const groups = [...document.querySelectorAll<HTMLElement>('[data-dict-group]')];

if (filter && input && groups.length > 0) {
	const rows = groups.flatMap((group) => {
		const tableColumns = group.dataset.columns;
		return [...group.querySelectorAll<HTMLTableRowElement>('tr[data-dict-row]')].map((tr) => ({
			tr,
			group,
			text: {
				text: tr.textContent ?? '',
				prefix: tr.dataset.prefix,
				columns: tr.dataset.prefix ? (tableColumns ?? '').split(' ') : undefined,
				tableColumns: group.dataset.columnNames,
			},
		}));
	});

	const apply = () => {
		const shownIn = new Map<HTMLElement, number>();
		for (const row of rows) {
			const match = rowMatches(row.text, input.value);
			row.tr.hidden = !match;
			if (match) shownIn.set(row.group, (shownIn.get(row.group) ?? 0) + 1);
		}
		for (const group of groups) group.hidden = !shownIn.has(group);
		const shown = [...shownIn.values()].reduce((a, b) => a + b, 0);
		if (count)
			count.textContent =
				input.value.trim() === ''
					? `共 ${rows.length} 项`
					: `显示 ${shown} / ${rows.length} 项${shown === 0 ? '：没有匹配的字段，可试试中文名或列名' : ''}`;
	};

	filter.hidden = false;
	input.addEventListener('input', apply);
	apply();
}
