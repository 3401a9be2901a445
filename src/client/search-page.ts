/**
 * The search page's glue around the Pagefind Component UI (loaded from /pagefind/ at run time,
 * so it is not bundled): name the filter triggers, and carry ?q= into the box and back.
 * A bundled module rather than an inline script, so the Content-Security-Policy needs no
 * 'unsafe-inline' and no hand-kept hash.
 */

// Pagefind 1.6's filter triggers are buttons with role="combobox", which take no name from
// their text; name each after its dropdown's label so screen readers announce 年份, 省份, ….
function nameTriggers(): void {
	for (const dropdown of document.querySelectorAll('pagefind-filter-dropdown[label]')) {
		const trigger = dropdown.querySelector('.pf-dropdown-trigger');
		if (trigger && !trigger.hasAttribute('aria-label'))
			trigger.setAttribute('aria-label', `按${dropdown.getAttribute('label')}筛选`);
	}
}

/** Carries ?q= into the search box once the component has drawn its input, and keeps the URL in step. */
async function syncQuery(): Promise<void> {
	const query = new URLSearchParams(location.search).get('q') ?? '';
	await customElements.whenDefined('pagefind-input');
	let input: HTMLInputElement | null = null;
	for (let tries = 0; tries < 100 && !input; tries++) {
		input = document.querySelector<HTMLInputElement>('pagefind-input input');
		if (!input) await new Promise((r) => setTimeout(r, 50));
	}
	if (!input) return;
	const box = input;
	if (query) {
		box.value = query;
		box.dispatchEvent(new Event('input', { bubbles: true }));
	}
	box.addEventListener('input', () => {
		const url = new URL(location.href);
		if (box.value) url.searchParams.set('q', box.value);
		else url.searchParams.delete('q');
		history.replaceState(null, '', url);
	});
}

const ui = document.querySelector('.search-ui');
if (ui) {
	nameTriggers();
	new MutationObserver(nameTriggers).observe(ui, { childList: true, subtree: true });
	void syncQuery();
}
