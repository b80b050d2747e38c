/**
 * The data of graph and entity pages (explorer and embed), read from the site's own JSON API by universal
 * loads: when a page is prerendered its responses are inlined into it, and the browser can also render the
 * pages that were not prerendered (entity pages of big graphs, src/lib/server/prerender.ts).
 */
import { error, redirect } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { base, resolve } from '$app/paths';
import {
	DRAWING_FILE_RELATIONSHIPS,
	detailedEntity,
	fetchGraph,
	fetchMetrics,
	hasGraph,
	provideGraph
} from '$lib/explorer/graph-source';
import { GraphLoadError } from '$lib/explorer/fetch-file';
import type { GraphMetrics } from '$lib/graph/centrality';
import { type KnowledgeGraph, buildGraph } from '$lib/graph/build';
import type { GraphOverview } from '$lib/graph/overview';
import { graphSummary } from '$lib/graph/query';
import { localGraphId, openGraphId, openHref } from '$lib/explorer/local-id';
import type { EntityResponse, GraphAbout } from './schema';

/** The graph's `about.json`; 404 for an unknown graph. */
export async function loadAbout(fetcher: typeof fetch, graph: string): Promise<GraphAbout> {
	const response = await fetcher(resolve('/api/graphs/[graph]/about.json', { graph }));
	if (response.status === 404) error(404, `There is no graph called “${graph}”.`);
	if (!response.ok) error(response.status, `The graph “${graph}” could not be loaded.`);
	return (await response.json()) as GraphAbout;
}

/** The entity's JSON file, or for a big graph the entity computed from the graph file; 404 when unknown. */
export async function loadEntity(
	fetcher: typeof fetch,
	about: GraphAbout,
	entity: string
): Promise<EntityResponse> {
	const notFound = () => error(404, `This graph has no entity “${entity}”.`);
	if (about.entityPages) {
		const url = resolve('/api/graphs/[graph]/entities/[entity].json', { graph: about.id, entity });
		const response = await fetcher(url);
		if (response.status === 404) return notFound();
		if (!response.ok) error(response.status, `${url} answered ${response.status} ${response.statusText}`);
		return (await response.json()) as EntityResponse;
	}
	// A big graph: no entity files were built; the browser builds the page from the graph it loaded (with the
	// entity's details, fetched apart when the graph was drawn from its drawing file).
	if (!browser) return notFound();
	const details = await detailedEntity(await fetchGraph(about.id, fetcher, about.edges), entity);
	return details ? { graph: about.id, ...details } : notFound();
}

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
		reading.catch(() => given(null));
		// Held from now on, so that a second load of it waits for this one, and removing it stops its worker.
		provideGraph(id, reading, metrics);
		try {
			return await reading;
		} catch (failure) {
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
