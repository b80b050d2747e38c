/**
 * The state of one graph's view, shared through context by everything the graph view holds (canvas, search,
 * legend, panel) in each of its hosts (the explorer, the embed, the not-found page): the graph as loaded in the
 * browser, the selected and hovered entity, the view options (both taken from the address by the host), the
 * highlights pages add, and what follows from all of them for the canvas: one `display` value. Free of
 * SvelteKit's client, so that the embed's own small script (src/lib/embed/client.ts) can use it.
 */
import { getContext, setContext, untrack } from 'svelte';
import type { Appearance } from '$lib/graph/appearance';
import type { KnowledgeGraph } from '$lib/graph/build';
import type { GraphMetrics } from '$lib/graph/centrality';
import { DEFAULT_VIEW, type ViewOptions, hidesAnything, visibleElements } from '$lib/graph/view';
import type { CanvasScene } from '$lib/render/scene';
import { type DisplayState, type Highlight, OWN_APPEARANCE, mergeHighlights } from '$lib/render/display';
import { type GraphLoadError, asGraphLoadError } from './fetch-file';
import { fetchGraph, fetchMetrics } from './graph-source';

export type LoadStatus =
	{ state: 'idle' } | { state: 'loading' } | { state: 'ready' } | { state: 'error'; error: GraphLoadError };

export class Explorer {
	readonly graphId: string;
	graph = $state.raw<KnowledgeGraph | null>(null);
	status = $state.raw<LoadStatus>({ state: 'idle' });
	/** The entity the address names (null on the graph's own page). */
	selected = $state<string | null>(null);
	/** The entity under the pointer on the canvas. */
	hovered = $state<string | null>(null);
	options = $state.raw<ViewOptions>(DEFAULT_VIEW);
	/** What the filters leave visible; null when everything is (or the graph is not loaded yet). */
	visible = $derived(
		this.graph && hidesAnything(this.options, this.selected)
			? visibleElements(this.graph, this.options, this.selected)
			: null
	);
	#highlights = $state.raw<readonly Highlight[]>([]);
	/** Every highlight the page added (paths, search matches), as one; null for none. */
	highlight = $derived(mergeHighlights(this.#highlights));
	/** Centrality and communities, loaded when a view sizes or colours by them (`loadMetrics`). */
	metrics = $state.raw<GraphMetrics | null>(null);
	/**
	 * The code that turns metrics or data attributes into sizes and colours, loaded when a view first sizes or
	 * colours by them (most views never need it).
	 */
	#appearanceCode = $state.raw<typeof import('$lib/graph/appearance') | null>(null);
	/** Whether the view options size or colour entities by the metrics (data attributes need none). */
	needsMetrics = $derived(
		this.options.size === 'degree' ||
			this.options.size === 'betweenness' ||
			this.options.color === 'community'
	);
	/** Whether the view options size or colour entities by anything but the graph's own look (`loadAppearance`). */
	needsAppearance = $derived(
		this.options.size !== DEFAULT_VIEW.size || this.options.color !== DEFAULT_VIEW.color
	);
	appearance = $derived.by<Appearance>(() => {
		const { graph, options } = this;
		const code = this.#appearanceCode;
		if (!graph || !code || !this.needsAppearance) return OWN_APPEARANCE;
		return code.viewAppearance(graph, this.metrics, options);
	});
	/** What the canvas shows, derived here and nowhere else; the canvas hands it to the renderer whole. */
	display = $derived<DisplayState>({
		selected: this.selected,
		hovered: this.hovered,
		visible: this.visible,
		highlight: this.highlight,
		appearance: this.appearance
	});

	/** What the canvas draws now, as shapes for a picture; set by the canvas while it draws, else null. */
	canvasScene = $state.raw<(() => Promise<CanvasScene>) | null>(null);
	/**
	 * Frames what the view is about (the renderer's `fit`): for a page that frames the view (the message API of
	 * embeds); set by the canvas while it draws, else null.
	 */
	fitView = $state.raw<(() => void) | null>(null);

	/** How many relationships the graph has, when known: big graphs are read off the main thread. */
	readonly relationships: number;

	constructor(graphId: string, relationships = 0) {
		this.graphId = graphId;
		this.relationships = relationships;
	}

	/** Adds a highlight to the canvas; returns the call that removes it again. */
	addHighlight(highlight: Highlight): () => void {
		// Untracked: an effect that adds a highlight must not rerun because the list it added to changed.
		this.#highlights = [...untrack(() => this.#highlights), highlight];
		return () => {
			this.#highlights = untrack(() => this.#highlights).filter((other) => other !== highlight);
		};
	}

	/**
	 * Highlights what `source` returns (nothing while it returns null), following it as it changes, for as long
	 * as the calling component lives: the highlight goes with the component. Call while a component initialises.
	 */
	highlightWhile(source: () => Highlight | null): void {
		$effect(() => {
			const highlight = source();
			if (highlight) return this.addHighlight(highlight);
		});
	}

	private loading: Promise<void> | null = null;

	/** Loads the graph from the site's JSON API; every call gets the same (single) load. */
	load(fetcher: typeof fetch = fetch): Promise<void> {
		this.loading ??= this.loadGraph(fetcher);
		return this.loading;
	}

	/** Loads the graph again after a failed load (a failed download is not cached). */
	retry(fetcher: typeof fetch = fetch): Promise<void> {
		if (this.status.state === 'error') this.loading = null;
		return this.load(fetcher);
	}

	private async loadGraph(fetcher: typeof fetch): Promise<void> {
		this.status = { state: 'loading' };
		try {
			this.graph = await fetchGraph(this.graphId, fetcher, this.relationships);
			this.status = { state: 'ready' };
		} catch (error) {
			// The details (status codes, parser positions) are for the console; the page says it in plain words.
			console.warn(`Loading the graph ${this.graphId} failed:`, error);
			this.status = { state: 'error', error: asGraphLoadError(error) };
		}
	}

	#codeLoading: Promise<boolean> | null = null;

	/** Loads the code that sizes and colours by data attributes or metrics, once; false (tried again next time) if that failed. */
	loadAppearance(): Promise<boolean> {
		this.#codeLoading ??= import('$lib/graph/appearance').then(
			(code) => {
				this.#appearanceCode = code;
				return true;
			},
			() => {
				this.#codeLoading = null;
				return false;
			}
		);
		return this.#codeLoading;
	}

	private metricsLoading: Promise<void> | null = null;

	/** Loads the graph's metrics once (`/api/graphs/<id>/metrics.json`, or kept with a graph opened in the browser); a failure leaves the graph's own sizes and colours. */
	loadMetrics(fetcher: typeof fetch = fetch): Promise<void> {
		this.metricsLoading ??= (async () => {
			const [metrics, code] = await Promise.all([
				fetchMetrics(this.graphId, fetcher).catch(() => null),
				this.loadAppearance()
			]);
			if (metrics && code) this.metrics = metrics;
			else this.metricsLoading = null;
		})();
		return this.metricsLoading;
	}
}

const KEY = Symbol('explorer');

export function setExplorer(explorer: Explorer): Explorer {
	return setContext(KEY, explorer);
}

export function getExplorer(): Explorer {
	const explorer = getContext<Explorer | undefined>(KEY);
	if (!explorer) throw new Error('getExplorer() must be called inside a graph view');
	return explorer;
}
