/**
 * The explorer's host side of the graph view: it moves with SvelteKit's router, and the explorer state follows
 * the page's address. (The embed, which runs without SvelteKit's client, has its own: src/lib/embed.)
 */
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { Explorer } from '$lib/explorer/explorer.svelte';
import { type Navigator, explorerHref } from '$lib/explorer/navigator';
import { relationHash } from '$lib/explorer/relation-hash';
import { parseViewOptions, viewOver, viewQuery, withViewOptions } from '$lib/graph/view';
import { untrack } from 'svelte';

/** Moves between the explorer's pages with SvelteKit's router, keeping the view options in the address. */
export function kitNavigator(explorer: Explorer): Navigator {
	const href = (key: string | null) => explorerHref(explorer.graphId, key, explorer.options);
	return {
		href,
		open: (key, relation) => void goto(href(key) + (relation === undefined ? '' : relationHash(relation))),
		setOptions: (options) => {
			const search = withViewOptions(page.url.search, options);
			// On a page with a view of its own (a story's step), every filter is written: an empty one too.
			const written = typeof page.data.view === 'string' ? withEveryFilter(search) : search;
			void goto(page.url.pathname + written, { keepFocus: true, noScroll: true });
		}
	};
}

/**
 * Keeps `explorer` in step with the page: the selected entity from the address, the view options from its query
 * (in the browser only: prerendered pages show the default view). A page may start from a view of its own (a
 * story's step: page data `view`, view parameters the address's replace one by one, and `focus`, the entity it
 * selects). Call while a component initialises.
 */
export function followPage(explorer: Explorer): void {
	$effect(() => {
		const focus = page.data.focus;
		explorer.selected = page.params.entity ?? (typeof focus === 'string' ? focus : null);
	});
	$effect(() => {
		const graph = explorer.graph;
		const own = typeof page.data.view === 'string' ? page.data.view : '';
		if (!browser || !graph) return;
		// Only a change of the view changes the options: a page's own parameters (the data view's sort) leave the
		// canvas as it is.
		const options = parseViewOptions(viewOver(own, page.url.searchParams), graph);
		if (viewQuery(options) !== viewQuery(untrack(() => explorer.options))) explorer.options = options;
	});
}

/**
 * `search` with every filter written, the default ones too (`hide=`, `stated=0` …): a reader's filters on a page
 * with a view of its own (a story's step) must replace the page's, an empty one included (see viewOver).
 */
function withEveryFilter(search: string): string {
	// A value built and read here, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const params = new URLSearchParams(search);
	for (const name of ['hide', 'hideRel', 'depth'] as const) if (!params.has(name)) params.set(name, '');
	if (!params.has('stated')) params.set('stated', '0');
	return `?${params.toString().replaceAll('%2C', ',')}`;
}
