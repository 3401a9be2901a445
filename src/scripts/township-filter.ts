/**
 * Narrows the township list by province, prefecture, county and name (Chinese, pinyin or
 * initials). The lists of places offered follow the level above. Without JavaScript the full list shows.
 */
const form = document.querySelector<HTMLFormElement>('#township-filter');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('#township-list tbody tr')];
const count = document.querySelector<HTMLElement>('#township-count');

if (form && rows.length > 0) {
	const province = form.elements.namedItem('province') as HTMLSelectElement;
	const prefecture = form.elements.namedItem('prefecture') as HTMLSelectElement;
	const county = form.elements.namedItem('county') as HTMLSelectElement;
	const name = form.elements.namedItem('name') as HTMLInputElement;

	/** Shows only the options under the chosen parent; resets a choice that no longer fits. */
	const limitOptions = (select: HTMLSelectElement, parent: string) => {
		for (const option of select.options) {
			if (option.value === '') continue;
			option.hidden = parent !== '' && option.dataset.parent !== parent;
		}
		if (select.selectedOptions[0]?.hidden) select.value = '';
	};

	const apply = () => {
		limitOptions(prefecture, province.value);
		limitOptions(county, prefecture.value);
		const term = name.value.trim().toLowerCase().replace(/\s+/g, '');
		let shown = 0;
		for (const row of rows) {
			const d = row.dataset;
			const match =
				(!province.value || d.province === province.value) &&
				(!prefecture.value || d.prefecture === prefecture.value) &&
				(!county.value || d.county === county.value) &&
				(!term || (d.search ?? '').includes(term));
			row.hidden = !match;
			if (match) shown++;
		}
		if (count) count.textContent = `显示 ${shown} / ${rows.length} 个乡镇`;
	};

	form.hidden = false;
	form.addEventListener('input', apply);
	form.addEventListener('submit', (e) => e.preventDefault());
	apply();
}
