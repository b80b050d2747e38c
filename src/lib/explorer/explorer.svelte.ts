/**
 * The state of one graph's explorer, shared through context by the canvas, search, legend and panel: the
 * graph as loaded in the browser, the selected entity and the view options (both taken from the URL by the
 * graph layout), and what they leave visible.
 */
import { getContext, setContext } from 'svelte';
import type { KnowledgeGraph } from '$lib/graph/build';
import { DEFAULT_VIEW, type ViewOptions, visibleElements } from '$lib/graph/view';
import { fetchGraph } from './graph-source';

export type LoadStatus =
	{ state: 'idle' } | { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };

export class Explorer {
	readonly graphId: string;
	graph = $state.raw<KnowledgeGraph | null>(null);
	status = $state.raw<LoadStatus>({ state: 'idle' });
	selected = $state<string | null>(null);
	options = $state.raw<ViewOptions>(DEFAULT_VIEW);
	/** What the filters leave visible; null until the graph is loaded. */
	visible = $derived(this.graph ? visibleElements(this.graph, this.options, this.selected) : null);

	constructor(graphId: string) {
		this.graphId = graphId;
	}

	private loading: Promise<void> | null = null;

	/** Loads the graph from the site's JSON API; every call gets the same (single) load. */
	load(fetcher: typeof fetch = fetch): Promise<void> {
		this.loading ??= this.loadGraph(fetcher);
		return this.loading;
	}

	private async loadGraph(fetcher: typeof fetch): Promise<void> {
		this.status = { state: 'loading' };
		try {
			this.graph = await fetchGraph(this.graphId, fetcher);
			this.status = { state: 'ready' };
		} catch (error) {
			this.status = { state: 'error', message: error instanceof Error ? error.message : String(error) };
		}
	}
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
