import { entitiesByType, entityRef } from '$lib/graph/query';
import { allGraphs, findGraph } from '$lib/server/graphs';
import { graphMetrics, topOf } from '$lib/server/metrics';
import { hasEntityPages } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

/** How many entities of each type the overview of a big graph lists (the most connected ones). */
const BIG_GRAPH_LISTED_PER_TYPE = 100;

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

/** How many entities the "most connected" and "bridges" lists name. */
const TOP = 8;

export const load: PageServerLoad = ({ params }) => {
	// The layout has answered 404 for an unknown graph already.
	const graph = findGraph(params.graph);
	const metrics = graphMetrics(params.graph);
	if (!graph || !metrics) return { types: [], complete: true, top: null };
	const named = (list: [string, number][]) =>
		list.filter(([, score]) => score > 0).map(([key, score]) => ({ ...entityRef(graph, key), score }));
	const top = {
		degree: named(topOf(metrics, metrics.degree, TOP)),
		betweenness: metrics.betweenness && named(topOf(metrics, metrics.betweenness, TOP)),
		communities: metrics.communities.length
	};
	const types = entitiesByType(graph).map((group) => ({ ...group, total: group.entities.length }));
	if (hasEntityPages(graph)) return { types, complete: true, top };
	// A big graph: an index of every entity would weigh megabytes; list the most connected of each type.
	for (const group of types) {
		group.entities = group.entities
			.map((entity) => ({ entity, degree: graph.degree(entity.key) }))
			.sort((a, b) => b.degree - a.degree || a.entity.label.localeCompare(b.entity.label, 'en'))
			.slice(0, BIG_GRAPH_LISTED_PER_TYPE)
			.map(({ entity }) => entity)
			.sort((a, b) => a.label.localeCompare(b.label, 'en'));
	}
	return { types, complete: false, top };
};
