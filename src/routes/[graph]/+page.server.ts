import { entitiesByType } from '$lib/graph/query';
import { allGraphs, findGraph } from '$lib/server/graphs';
import { hasEntityPages } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

/** How many entities of each type the overview of a big graph lists (the most connected ones). */
const BIG_GRAPH_LISTED_PER_TYPE = 100;

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

export const load: PageServerLoad = ({ params }) => {
	// The layout has answered 404 for an unknown graph already.
	const graph = findGraph(params.graph);
	if (!graph) return { types: [], complete: true };
	const types = entitiesByType(graph).map((group) => ({ ...group, total: group.entities.length }));
	if (hasEntityPages(graph)) return { types, complete: true };
	// A big graph: an index of every entity would weigh megabytes; list the most connected of each type.
	for (const group of types) {
		group.entities = group.entities
			.map((entity) => ({ entity, degree: graph.degree(entity.key) }))
			.sort((a, b) => b.degree - a.degree || a.entity.label.localeCompare(b.entity.label, 'en'))
			.slice(0, BIG_GRAPH_LISTED_PER_TYPE)
			.map(({ entity }) => entity)
			.sort((a, b) => a.label.localeCompare(b.label, 'en'));
	}
	return { types, complete: false };
};
