import { browser } from '$app/environment';
import { page } from '$app/state';
import { parseViewOptions } from '$lib/graph/view';
import type { Explorer } from './explorer.svelte';

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
