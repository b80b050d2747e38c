import { error, json } from '@sveltejs/kit';
import { entityDetails } from '$lib/graph/query';
import { allGraphs, findGraph } from '$lib/server/graphs';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	[...allGraphs()].flatMap(([graph, data]) => data.mapNodes((entity) => ({ graph, entity })));

/** One entity with its relationships (grouped by type and direction) and its neighbours. */
export const GET: RequestHandler = ({ params }) => {
	const graph = findGraph(params.graph);
	const entity = graph && entityDetails(graph, params.entity);
	if (!graph || !entity) error(404, `There is no entity “${params.entity}” in graph “${params.graph}”.`);
	return json({ graph: params.graph, ...entity });
};
