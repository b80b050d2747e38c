/**
 * How a graph view moves: what differs between its hosts. The explorer moves with SvelteKit's router
 * (src/routes/[graph]/kit-navigator.svelte.ts); the embed, which runs without SvelteKit's client, with the
 * history API (src/lib/embed/frame-navigator.svelte.ts). Components of the view (canvas, search, legend, panel
 * links) call the navigator they find in context and never a router themselves.
 */
import { getContext, setContext } from 'svelte';
import { type ViewOptions, withViewOptions } from '$lib/graph/view';
import { entityHref, graphHref } from '$lib/links';

export interface Navigator {
	/** The address of entity `key` (null: the whole graph) in this host, with the view's options. */
	href(key: string | null): string;
	/**
	 * Moves the view to entity `key` (null: the whole graph), as a new entry in the history; with `relation`, to
	 * that relationship of the entity (`#relation-<edge>` on its page: the panel shows it, the canvas marks it).
	 */
	open(key: string | null, relation?: string): void;
	/**
	 * Puts new view options (filters, depth, sizes, colours) into the address, keeping the entity; for hosts that
	 * show the legend, where readers change them (the embed shows a plain key instead).
	 */
	setOptions?(options: ViewOptions): void;
	/** Where the links of the view open: `_blank` for a new tab, undefined for in place. */
	readonly target?: '_blank';
}

/** The explorer's address of entity `key` (null: the graph's own page) in graph `graphId`, with `options`. */
export function explorerHref(graphId: string, key: string | null, options: ViewOptions): string {
	return (key === null ? graphHref(graphId) : entityHref(graphId, key)) + withViewOptions('', options);
}

const KEY = Symbol('navigator');

export function setNavigator(navigator: Navigator): Navigator {
	return setContext(KEY, navigator);
}

export function getNavigator(): Navigator {
	const navigator = getContext<Navigator | undefined>(KEY);
	if (!navigator) throw new Error('getNavigator() must be called inside a graph view');
	return navigator;
}
