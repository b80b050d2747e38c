/**
 * The data of the pages of graphs the browser reads itself (/local/…, /open/…), computed there from what this
 * browser keeps (src/lib/explorer/local-graphs.ts): loaded only for those pages (the not-found page imports it when
 * it hands such an address over), so that a site's graph pages do not carry it.
 */
import { error, redirect } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { base } from '$app/paths';
import {
	DRAWING_FILE_RELATIONSHIPS,
	fetchGraph,
	fetchMetrics,
	forgetGraph,
	hasGraph,
	provideGraph
} from '$lib/explorer/graph-source';
import { GraphLoadError } from '$lib/explorer/fetch-file';
import type { GraphMetrics } from '$lib/graph/centrality';
import { type KnowledgeGraph, buildGraph } from '$lib/graph/build';
import type { GraphOverview } from '$lib/graph/overview';
import { graphSummary } from '$lib/graph/query';
import { localGraphId, openGraphId, openHref } from '$lib/explorer/local-id';
import type { GraphAbout } from './schema';

/**
 * The about.json of a graph the browser reads itself, computed there: a file kept in this browser
 * (`local`, /local/<name>) or a file on the web (`open`, /open/<its address>), from what this browser keeps
 * (src/lib/explorer/local-graphs.ts); the graph is handed to the explorer's graph source. A kept file that is gone
 * is a 404; a web file not fetched yet is fetched first by /open, which then comes back to `url`.
 */
export async function loadBrowserAbout(from: 'local' | 'open', graph: string, url: URL): Promise<GraphAbout> {
	if (!browser) error(404, 'A graph opened in a browser is kept in that browser only.');
	const id = from === 'local' ? localGraphId(graph) : openGraphId(graph);
	const built = hasGraph(id) ? await fetchGraph(id) : await readKept(id, from, graph, url);
	const { nodeTypes, edgeTypes, importedFrom } = built.getAttributes();
	return {
		...graphSummary(built),
		id,
		nodeTypes,
		edgeTypes,
		...(importedFrom === undefined ? {} : { importedFrom }),
		entityPages: false
	};
}

async function readKept(
	id: string,
	from: 'local' | 'open',
	graph: string,
	url: URL
): Promise<KnowledgeGraph> {
	const local = await import('$lib/explorer/local-graphs');
	const unreadable = (failure: unknown) =>
		error(500, `The graph could not be read from this browser's storage: ${String(failure)}`);
	let meta;
	try {
		meta = await local.keptMeta(
			from === 'local' ? { kind: 'local', name: graph } : { kind: 'open', url: graph }
		);
	} catch (failure) {
		unreadable(failure);
	}
	// The rest of the address after the graph's own (an entity, /connect) and the view in its query.
	const view = url.pathname.split('/').slice(3 + (base ? base.split('/').length - 1 : 0));
	if (!meta && from === 'open')
		redirect(307, openHref(graph, (view.length > 0 ? `/${view.join('/')}` : '') + url.search));
	const gone = () =>
		error(
			404,
			`This browser keeps no graph called “${graph}”: it was removed, or opened in another browser.`
		);
	if (!meta) return gone();
	// A big graph is read and held by a worker, as when it was opened (open-file.ts): its data never reaches the page.
	if (meta.edges > DRAWING_FILE_RELATIONSHIPS && typeof Worker !== 'undefined') {
		// Another load of the same page may have started reading it meanwhile.
		if (hasGraph(id)) return fetchGraph(id);
		const { name } = meta;
		let given: (metrics: GraphMetrics | null) => void = () => {};
		const metrics = new Promise<GraphMetrics | null>((done) => (given = done));
		const reading = import('$lib/explorer/off-thread').then(({ readOffThread }) =>
			readOffThread({
				kept: name,
				onKept(note, whyNot, kept) {
					local.noteKept(note, whyNot);
					given(kept ?? null);
				}
			})
		);
		// Held from now on, so that a second load of it waits for this one, and removing it stops its worker.
		provideGraph(id, reading, metrics);
		try {
			return await reading;
		} catch (failure) {
			given(null);
			forgetGraph(id);
			if (failure instanceof GraphLoadError && failure.status === 404) return gone();
			return unreadable(failure instanceof Error ? failure.message : failure);
		}
	}
	let kept;
	try {
		kept = await local.readLocalGraph(meta.name);
	} catch (failure) {
		unreadable(failure);
	}
	if (!kept) return gone();
	const built = buildGraph(kept.data);
	provideGraph(id, built, kept.metrics);
	return built;
}

/** The overview of a graph opened in the browser: what matters most and every entity by type. */
export async function loadLocalOverview(about: GraphAbout): Promise<GraphOverview> {
	const [graph, metrics, { graphOverview, LIST_ALL_MAX_ENTITIES }] = await Promise.all([
		fetchGraph(about.id),
		fetchMetrics(about.id),
		import('$lib/graph/overview')
	]);
	return graphOverview(graph, metrics, graph.order <= LIST_ALL_MAX_ENTITIES);
}
