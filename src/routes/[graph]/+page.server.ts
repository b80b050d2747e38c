import { graphOverview } from '$lib/graph/overview';
import { allGraphs, findGraph } from '$lib/server/graphs';
import { graphMetrics } from '$lib/server/metrics';
import { hasEntityPages } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

export const load: PageServerLoad = ({ params }) => {
	// The layout has answered 404 for an unknown graph already.
	const graph = findGraph(params.graph);
	if (!graph) return { types: [], complete: true, top: null };
	return graphOverview(graph, graphMetrics(params.graph) ?? null, hasEntityPages(graph));
};
