/**
 * The state of one graph's explorer, shared through context by the canvas, search, legend and panel: the
 * graph as loaded in the browser, the selected entity and the view options (both taken from the URL: by
 * follow-page.svelte.ts in the explorer, by the embed itself), and what they leave visible. Free of SvelteKit's
 * client, so that the embed's own small script (src/lib/embed/client.ts) can use it.
 */
import { getContext, setContext } from 'svelte';
import type { GraphMetrics } from '$lib/api/schema';
import { nodeColors, nodeSizes } from '$lib/graph/appearance';
import type { KnowledgeGraph } from '$lib/graph/build';
import { metricsHref } from '$lib/links';
import type { Appearance } from '$lib/render/renderer';
import {
	DEFAULT_VIEW,
	type ViewOptions,
	type VisibleElements,
	hidesAnything,
	visibleElements
} from '$lib/graph/view';
import { fetchGraph } from './graph-source';

export type LoadStatus =
	{ state: 'idle' } | { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };

export class Explorer {
	readonly graphId: string;
	graph = $state.raw<KnowledgeGraph | null>(null);
	status = $state.raw<LoadStatus>({ state: 'idle' });
	selected = $state<string | null>(null);
	options = $state.raw<ViewOptions>(DEFAULT_VIEW);
	/** What the filters leave visible; null when everything is (or the graph is not loaded yet). */
	visible = $derived(
		this.graph && hidesAnything(this.options, this.selected)
			? visibleElements(this.graph, this.options, this.selected)
			: null
	);
	/** Entities and relationships that stand out on the canvas (the paths of a "connect" view). */
	highlight = $state.raw<VisibleElements | null>(null);
	/** Centrality and communities, loaded when a view sizes or colours by them. */
	metrics = $state.raw<GraphMetrics | null>(null);
	appearance = $derived<Appearance>({
		sizes: this.metrics && nodeSizes(this.metrics, this.options.size),
		colors: this.metrics && nodeColors(this.metrics, this.options.color)
	});

	/** How many relationships the graph has, when known: big graphs are read off the main thread. */
	readonly relationships: number;

	constructor(graphId: string, relationships = 0) {
		this.graphId = graphId;
		this.relationships = relationships;
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
			this.status = { state: 'error', message: plainLoadError(error) };
		}
	}

	private metricsLoading: Promise<void> | null = null;

	/** Loads `/api/graphs/<id>/metrics.json` once; a failure leaves the graph's own sizes and colours. */
	loadMetrics(fetcher: typeof fetch = fetch): Promise<void> {
		this.metricsLoading ??= (async () => {
			const url = metricsHref(this.graphId);
			const response = await fetcher(url).catch(() => null);
			if (response?.ok) this.metrics = (await response.json()) as GraphMetrics;
			else this.metricsLoading = null;
		})();
		return this.metricsLoading;
	}
}

/** Why a graph did not load, in words for a reader: the connection, the server, or a damaged file. */
function plainLoadError(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	if (/answered \d+/.test(text)) return 'the server answered with an error.';
	if (error instanceof TypeError && /fetch|network/i.test(text))
		return 'the connection to the server failed.';
	return 'its file arrived incomplete or damaged.';
}

const KEY = Symbol('explorer');

export function setExplorer(explorer: Explorer): Explorer {
	return setContext(KEY, explorer);
}

export function getExplorer(): Explorer {
	const explorer = getContext<Explorer | undefined>(KEY);
	if (!explorer) throw new Error('getExplorer() must be called inside a graph layout');
	return explorer;
}
