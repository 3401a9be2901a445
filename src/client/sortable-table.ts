/**
 * Progressive enhancement for `table[data-sortable]`: each `th[data-sort]` header becomes a
 * button that sorts the body rows by that column (cells carry `data-value`; numbers sort
 * numerically, the rest in Chinese collation). Without JavaScript the table reads as printed.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true });

function cellValue(row: HTMLTableRowElement, index: number): string {
	const cell = row.cells[index];
	return cell?.dataset.value ?? cell?.textContent?.trim() ?? '';
}

function compare(kind: string | undefined, a: string, b: string): number {
	if (kind === 'number') {
		// Unknown (empty) values sort after every known value in either direction.
		if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
		return Number(a) - Number(b);
	}
	return collator.compare(a, b);
}

function sortBy(table: HTMLTableElement, header: HTMLTableCellElement) {
	const body = table.tBodies[0];
	if (!body) return;
	const index = header.cellIndex;
	const ascending = header.getAttribute('aria-sort') !== 'ascending';
	const kind = header.dataset.sort;
	const rows = [...body.rows];
	rows.sort((r1, r2) => {
		const a = cellValue(r1, index);
		const b = cellValue(r2, index);
		const unknownLast = kind === 'number' && (a === '' || b === '');
		const order = compare(kind, a, b);
		return unknownLast || ascending ? order : -order;
	});
	body.append(...rows);
	for (const th of table.querySelectorAll<HTMLTableCellElement>('th[data-sort]'))
		th.removeAttribute('aria-sort');
	header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
	for (const header of table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'sort';
		button.append(...header.childNodes);
		button.addEventListener('click', () => sortBy(table, header));
		header.append(button);
	}
	table.dataset.sortReady = 'true';
}
