/**
 * The data of graph and entity pages (explorer and embed), read from the site's own JSON API by universal
 * loads: when a page is prerendered its responses are inlined into it, and the browser can also render the
 * pages that were not prerendered (entity pages of big graphs, src/lib/server/prerender.ts). The pages of graphs the
 * browser reads itself are browser-pages.ts, loaded only for them.
 */
import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { resolve } from '$app/paths';
import { detailedEntity, fetchGraph } from '$lib/explorer/graph-source';
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
