/**
 * The embed's host side of the graph view: it moves inside the frame with the history API (the embed runs
 * without SvelteKit's client), or opens the explorer in a new tab (`click=open`). A plain click on a link to
 * another entity of the same embed moves in place, and back and forward move between the entities seen.
 */
import type { Explorer } from '$lib/explorer/explorer.svelte';
import type { EmbedOptions } from '$lib/explorer/embed-options';
import { frameEntity } from '$lib/explorer/frame-address';
import { type Navigator, explorerHref } from '$lib/explorer/navigator';
import { type EntityDetails, entityDetails } from '$lib/graph/query';
import { embedHref } from '$lib/links';

export class FrameNavigator implements Navigator {
	/** The focused entity's details, or null for the whole graph. */
	entity = $state.raw<EntityDetails | null>(null);
	readonly target: '_blank' | undefined;

	/**
	 * `search`: the page's query string (`?…`). `inFrame`: move inside the page once the graph is loaded;
	 * otherwise, and always when false, a move loads the other entity's embed page.
	 */
	constructor(
		private readonly explorer: Explorer,
		entity: EntityDetails | null,
		private readonly search: string,
		private readonly options: EmbedOptions,
		private readonly inFrame: boolean
	) {
		this.entity = entity;
		this.target = options.click === 'open' ? '_blank' : undefined;
	}

	/** The same view in the full explorer. */
	explorerUrl(key: string | null): string {
		return explorerHref(this.explorer.graphId, key, this.explorer.options);
	}

	/** This frame's address for an entity (or the whole graph), keeping the embed's options. */
	frameUrl(key: string | null): string {
		return embedHref(this.explorer.graphId, key) + this.search;
	}

	href(key: string | null): string {
		return this.options.click === 'open' ? this.explorerUrl(key) : this.frameUrl(key);
	}

	open(key: string | null): void {
		if (this.options.click === 'open') window.open(this.explorerUrl(key), '_blank', 'noopener');
		else this.move(key, true);
	}

	/** Shows another entity: in place when the graph is loaded, else by loading its embed page. */
	private move(key: string | null, push: boolean): void {
		const graph = this.explorer.graph;
		const details = key === null ? null : graph && entityDetails(graph, key);
		if (!this.inFrame || (key !== null && !details)) {
			location.assign(this.frameUrl(key));
			return;
		}
		if (push) history.pushState(null, '', this.frameUrl(key));
		this.entity = details;
	}

	/** The entity an address of this graph's embed names: null for the graph itself, undefined for neither. */
	private keyOf(href: string): string | null | undefined {
		return frameEntity(href, location.origin, this.explorer.graphId, this.search);
	}

	/** For the window's clicks: a plain click on a link to another entity of this embed moves in place. */
	onclick = (event: MouseEvent): void => {
		if (
			!this.inFrame ||
			event.button !== 0 ||
			event.metaKey ||
			event.ctrlKey ||
			event.shiftKey ||
			event.altKey
		)
			return;
		const link = (event.target as Element | null)?.closest?.('a');
		if (!link || link.target) return;
		const key = this.keyOf(link.href);
		if (key === undefined || !this.explorer.graph) return;
		event.preventDefault();
		this.move(key, true);
	};

	/** For the window's popstate: back and forward between the entities seen in this frame. */
	onpopstate = (): void => {
		if (!this.inFrame) return;
		const key = this.keyOf(location.href);
		if (key === undefined || (key !== null && !this.explorer.graph?.hasNode(key))) location.reload();
		else this.move(key, false);
	};
}
