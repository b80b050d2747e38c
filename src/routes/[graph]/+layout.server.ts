import { error } from '@sveltejs/kit';
import { graphSummary } from '$lib/graph/query';
import { findGraph } from '$lib/server/graphs';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph) error(404, `There is no graph called “${params.graph}”.`);
	const { nodeTypes, edgeTypes } = graph.getAttributes();
	return { summary: graphSummary(graph), nodeTypes, edgeTypes };
};
