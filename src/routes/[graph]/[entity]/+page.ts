import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { resolve } from '$app/paths';
import type { EntityResponse } from '$lib/api/schema';
import { fetchGraph } from '$lib/explorer/graph-source';
import { entityDetails } from '$lib/graph/query';
import type { PageLoad } from './$types';

// Which pages are prerendered: +page.server.ts.

export const load: PageLoad = async ({ params, fetch, parent }) => {
	const { summary } = await parent();
	const notFound = () => error(404, `This graph has no entity “${params.entity}”.`);
	if (summary.entityPages) {
		const url = resolve('/api/graphs/[graph]/entities/[entity].json', params);
		const response = await fetch(url);
		if (response.status === 404) return notFound();
		if (!response.ok) error(response.status, `${url} answered ${response.status} ${response.statusText}`);
		return { entity: (await response.json()) as EntityResponse };
	}
	// A big graph: no entity files were built; the browser builds the page from the graph file.
	if (!browser) return notFound();
	const entity = entityDetails(await fetchGraph(params.graph, fetch), params.entity);
	if (!entity) return notFound();
	return { entity: { graph: params.graph, ...entity } satisfies EntityResponse };
};
