import { error } from '@sveltejs/kit';
import { entityDetails, graphSummary } from '$lib/graph/query';
import { allGraphs, findGraph } from '$lib/server/graphs';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	[...allGraphs()].flatMap(([graph, data]) => data.mapNodes((entity) => ({ graph, entity })));

export const load: PageServerLoad = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph) error(404, `There is no graph called “${params.graph}”.`);
	const entity = entityDetails(graph, params.entity);
	if (!entity) error(404, `The graph “${graph.getAttribute('title')}” has no entity “${params.entity}”.`);
	const sources = Object.fromEntries(
		graph.getAttribute('sources').map((source) => [source.id, source.title])
	);
	return { graph: graphSummary(graph), entity, sources };
};
