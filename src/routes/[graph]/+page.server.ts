import { error } from '@sveltejs/kit';
import { entitiesByType, graphSummary } from '$lib/graph/query';
import { allGraphs, findGraph } from '$lib/server/graphs';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

export const load: PageServerLoad = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph) error(404, `There is no graph called “${params.graph}”.`);
	return { graph: graphSummary(graph), types: entitiesByType(graph) };
};
