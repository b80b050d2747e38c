import { entitiesByType } from '$lib/graph/query';
import { allGraphs, findGraph } from '$lib/server/graphs';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

export const load: PageServerLoad = ({ params }) => {
	// The layout has answered 404 for an unknown graph already.
	const graph = findGraph(params.graph);
	return { types: graph ? entitiesByType(graph) : [] };
};
