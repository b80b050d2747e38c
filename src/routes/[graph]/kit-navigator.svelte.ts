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
import { parseViewOptions, withViewOptions } from '$lib/graph/view';

/** Moves between the explorer's pages with SvelteKit's router, keeping the view options in the address. */
export function kitNavigator(explorer: Explorer): Navigator {
	const href = (key: string | null) => explorerHref(explorer.graphId, key, explorer.options);
	return {
		href,
		open: (key, relation) => void goto(href(key) + (relation === undefined ? '' : relationHash(relation))),
		setOptions: (options) =>
			void goto(page.url.pathname + withViewOptions(page.url.search, options), {
				keepFocus: true,
				noScroll: true
			})
	};
}

/**
 * Keeps `explorer` in step with the page: the selected entity from the address, the view options from its query
 * (in the browser only: prerendered pages show the default view). Call while a component initialises.
 */
export function followPage(explorer: Explorer): void {
	$effect(() => {
		explorer.selected = page.params.entity ?? null;
	});
	$effect(() => {
		const graph = explorer.graph;
		if (browser && graph) explorer.options = parseViewOptions(page.url.searchParams, graph);
	});
}
