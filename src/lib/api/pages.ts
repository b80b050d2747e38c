/**
 * The data of graph and entity pages (explorer and embed), read from the site's own JSON API by universal
 * loads: when a page is prerendered its responses are inlined into it, and the browser can also render the
 * pages that were not prerendered (entity pages of big graphs, src/lib/server/prerender.ts).
 */
import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { resolve } from '$app/paths';
import { fetchGraph, fetchMetrics, hasGraph, provideGraph } from '$lib/explorer/graph-source';
import { type KnowledgeGraph, buildGraph } from '$lib/graph/build';
import type { GraphOverview } from '$lib/graph/overview';
import { entityDetails, graphSummary } from '$lib/graph/query';
import { localGraphId } from '$lib/explorer/local-id';
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
	// A big graph: no entity files were built; the browser builds the page from the graph file.
	if (!browser) return notFound();
	const details = entityDetails(await fetchGraph(about.id, fetcher, about.edges), entity);
	if (!details) return notFound();
	return { graph: about.id, ...details };
}

/**
 * The about.json of a graph opened in the browser (/local/<name>), computed there from the graph this browser
 * keeps (src/lib/explorer/local-graphs.ts), which is handed to the explorer's graph source; 404 when this browser
 * keeps no graph of that name.
 */
export async function loadLocalAbout(name: string): Promise<GraphAbout> {
	if (!browser) error(404, 'A graph opened in a browser is kept in that browser only.');
	const id = localGraphId(name);
	const graph = hasGraph(id) ? await fetchGraph(id) : await readLocal(id, name);
	const { nodeTypes, edgeTypes, importedFrom } = graph.getAttributes();
	return {
		...graphSummary(graph),
		id,
		nodeTypes,
		edgeTypes,
		...(importedFrom === undefined ? {} : { importedFrom }),
		entityPages: false
	};
}

async function readLocal(id: string, name: string): Promise<KnowledgeGraph> {
	let kept;
	try {
		const { readLocalGraph } = await import('$lib/explorer/local-graphs');
		kept = await readLocalGraph(name);
	} catch (failure) {
		error(500, `The graph “${name}” could not be read from this browser's storage: ${String(failure)}`);
	}
	if (!kept)
		error(404, `This browser keeps no graph called “${name}”: it was removed, or opened in another browser.`);
	const graph = buildGraph(kept.data);
	provideGraph(id, graph, kept.metrics);
	return graph;
}

/** The overview of a graph opened in the browser: what matters most and every entity by type. */
export async function loadLocalOverview(about: GraphAbout): Promise<GraphOverview> {
	const [graph, metrics, { graphOverview }] = await Promise.all([
		fetchGraph(about.id),
		fetchMetrics(about.id),
		import('$lib/graph/overview')
	]);
	return graphOverview(graph, metrics, true);
}
