/**
 * Narrows the township list by province, prefecture, county and name (Chinese, pinyin or
 * initials). The lists of places offered follow the level above. Without JavaScript the full list
 * shows.
 */
const filter = document.querySelector<HTMLElement>('#township-filter');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('#township-list tbody tr')];
const count = document.querySelector<HTMLElement>('#township-count');

if (filter && rows.length > 0) {
	const province = filter.querySelector<HTMLSelectElement>('[name="province"]')!;
	const prefecture = filter.querySelector<HTMLSelectElement>('[name="prefecture"]')!;
	const county = filter.querySelector<HTMLSelectElement>('[name="county"]')!;
	const name = filter.querySelector<HTMLInputElement>('[name="name"]')!;

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

	filter.hidden = false;
	filter.addEventListener('input', apply);
	apply();
}
