import { error } from '@sveltejs/kit';
import { entityDetails } from '$lib/graph/query';
import { allGraphs, findGraph } from '$lib/server/graphs';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	[...allGraphs()].flatMap(([graph, data]) => data.mapNodes((entity) => ({ graph, entity })));

export const load: PageServerLoad = ({ params }) => {
	const graph = findGraph(params.graph);
	const entity = graph && entityDetails(graph, params.entity);
	if (!graph || !entity) error(404, `This graph has no entity “${params.entity}”.`);
	const sources = Object.fromEntries(
		graph.getAttribute('sources').map((source) => [source.id, source.title])
	);
	return { entity, sources };
};
