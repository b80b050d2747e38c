import { error, json } from '@sveltejs/kit';
import type { EntityResponse } from '$lib/api/schema';
import { entityDetails } from '$lib/graph/query';
import { findGraph } from '$lib/server/graphs';
import { entityEntries } from '$lib/server/prerender';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

// Big graphs get no entity files (src/lib/server/prerender.ts): their graph file has every entity.
export const entries: EntryGenerator = entityEntries;

/** One entity with its relationships (grouped by type and direction) and its neighbours. */
export const GET: RequestHandler = ({ params }) => {
	const graph = findGraph(params.graph);
	const entity = graph && entityDetails(graph, params.entity);
	if (!graph || !entity) error(404, `There is no entity “${params.entity}” in graph “${params.graph}”.`);
	const response: EntityResponse = { graph: params.graph, ...entity };
	return json(response);
};
