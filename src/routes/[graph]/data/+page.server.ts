import { entityTable } from '$lib/graph/table';
import { allGraphs, findGraph } from '$lib/server/graphs';
import { graphMetrics } from '$lib/server/metrics';
import { hasEntityPages } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

// The table of a graph small enough to have entity pages, for readers without JavaScript (a bigger one links to its
// file); with JavaScript, the page builds its tables from the graph the explorer loads.
export const load: PageServerLoad = ({ params }) => {
	const graph = findGraph(params.graph);
	return {
		table: graph && hasEntityPages(graph) ? entityTable(graph, graphMetrics(params.graph) ?? null) : null
	};
};
