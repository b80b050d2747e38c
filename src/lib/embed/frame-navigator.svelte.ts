/**
 * The embed's host side of the graph view: it moves inside the frame with the history API (the embed runs
 * without SvelteKit's client), or opens the explorer in a new tab (`click=open`). A plain click on a link to
 * another entity of the same embed moves in place, and back and forward move between the entities seen. A
 * story's frame moves between its steps instead (story-navigator.svelte.ts, loaded only for stories).
 */
import type { Explorer } from '$lib/explorer/explorer.svelte';
import type { EmbedOptions } from '$lib/explorer/embed-options';
import { frameEntity } from '$lib/explorer/frame-address';
import { detailSources, detailedEntity } from '$lib/explorer/graph-source';
import { type Navigator, explorerHref } from '$lib/explorer/navigator';
import { type EntityDetails, entityDetails } from '$lib/graph/query';
import { type StoryOutline } from '$lib/graph/story-query';
import { embedHref } from '$lib/links';

/** How a move enters the frame's history: a new entry, in place of the current one, or not at all. */
export type HistoryMove = 'push' | 'replace' | 'none';

/** What an address of the frame names: an entity (null: the whole graph), or a story's step (0: its cover). */
export type FramePlace = { entity: string | null } | { step: number };

export class FrameNavigator implements Navigator {
	/** The focused entity's details, or null for the whole graph (or a story's step). */
	entity = $state.raw<EntityDetails | null>(null);
	readonly target: '_blank' | undefined;

	/**
	 * `search`: the page's query string (`?…`). `inFrame`: move inside the page once the graph is loaded;
	 * otherwise, and always when false, a move loads the other entity's embed page. `onEntity`: told of each
	 * entity the reader opens.
	 */
	constructor(
		protected readonly explorer: Explorer,
		entity: EntityDetails | null,
		protected readonly search: string,
		protected readonly options: EmbedOptions,
		protected readonly inFrame: boolean,
		private readonly onEntity: (key: string) => void = () => {}
	) {
		this.entity = entity;
		this.target = options.click === 'open' ? '_blank' : undefined;
	}

	/** The story the frame tells, its step shown (0: the cover) and that step's title: none here. */
	get story(): StoryOutline | null {
		return null;
	}
	get step(): number | null {
		return null;
	}
	get title(): string | null {
		return null;
	}
	/** The entity the frame's view focuses without showing its caption (a story's step may): none here. */
	get focus(): string | null {
		return null;
	}

	/** The view parameters the frame shows: its address's (a story's step starts from a view of its own). */
	viewQuery(): string {
		return this.search;
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
		return this.target ? this.explorerUrl(key) : this.frameUrl(key);
	}

	open(key: string | null): void {
		if (key !== null) this.onEntity(key);
		if (this.options.click === 'open') window.open(this.explorerUrl(key), '_blank', 'noopener');
		else this.select(key, 'push');
	}

	/**
	 * Shows entity `key` (null: the whole graph) as the frame's address (`move`), or by loading its embed page
	 * before the graph is here. False when the graph has no such entity.
	 */
	select(key: string | null, move: HistoryMove): boolean {
		const graph = this.explorer.graph;
		const details = key === null ? null : this.detailsOf(key);
		if (key !== null && graph && !details) return false;
		if (!this.inFrame || (key !== null && !details)) {
			location.assign(this.frameUrl(key));
			return true;
		}
		this.record(this.frameUrl(key), move);
		this.entity = details;
		// A big graph's details are fetched apart: the panel shows the entity as drawn until they are in.
		if (key !== null && graph && detailSources.has(graph))
			void detailedEntity(graph, key).then((detailed) => {
				if (this.entity?.key === key) this.entity = detailed;
			});
		return true;
	}

	/** Shows step `step` of the frame's story; false: this frame tells none. */
	showStep(step: number, move: HistoryMove): boolean;
	showStep(): boolean {
		return false;
	}

	/** For the window's keys: nothing here (a story's frame steps with ← and →). */
	onkeydown(event: KeyboardEvent): void;
	onkeydown(): void {}

	/**
	 * Puts `url` in the frame's history as `move` says. Browsers limit how often a page may do so (Safari: 100
	 * times in 30 s); past that the move still shows, only its address is not recorded.
	 */
	protected record(url: string, move: HistoryMove): void {
		try {
			if (move === 'push') history.pushState(null, '', url);
			else if (move === 'replace') history.replaceState(null, '', url);
		} catch {
			// SecurityError from the browser's limit: keep the address as it was.
		}
	}

	/** The details of entity `key` in the loaded graph; null for none or before the graph is here. */
	protected detailsOf(key: string): EntityDetails | null {
		const graph = this.explorer.graph;
		return graph ? entityDetails(graph, key) : null;
	}

	/** The place an address of this frame names; undefined for any other address. */
	protected placeOf(href: string): FramePlace | undefined {
		const entity = frameEntity(href, location.origin, this.explorer.graphId, this.search);
		return entity === undefined ? undefined : { entity };
	}

	/** For the window's clicks: a plain click on a link to another place of this embed moves in place. */
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
		const place = this.placeOf(link.href);
		if (!place || ('entity' in place && !this.explorer.graph)) return;
		event.preventDefault();
		if ('step' in place) this.showStep(place.step, 'push');
		else this.select(place.entity, 'push');
	};

	/** For the window's popstate: back and forward between the places seen in this frame. */
	onpopstate = (): void => {
		if (!this.inFrame) return;
		const place = this.placeOf(location.href);
		if (place && 'step' in place) this.showStep(place.step, 'none');
		else if (!place || (place.entity !== null && !this.explorer.graph?.hasNode(place.entity)))
			location.reload();
		else this.select(place.entity, 'none');
	};
}
