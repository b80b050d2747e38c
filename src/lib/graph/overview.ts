/**
 * A graph's overview page: what matters most (most connected entities, bridges, how many communities) and its
 * entities by type. The same for a graph built into the site (computed at build time) and a graph opened in the
 * browser (computed there).
 */
import type { KnowledgeGraph } from './build';
import { type GraphMetrics, topOf } from './centrality';
import { type EntityRef, type TypeGroup, entitiesByType, entityRef } from './query';

/** How many entities the "most connected" and "bridges" lists name. */
const TOP = 8;

/**
 * Up to how many entities an overview lists them all in the browser (a graph opened there); the site's own graphs
 * follow their prerender limit (src/lib/server/prerender.ts), of the same default.
 */
export const LIST_ALL_MAX_ENTITIES = 5_000;

/** How many entities of each type the overview of a big graph lists (the most connected ones). */
const BIG_GRAPH_LISTED_PER_TYPE = 100;

export interface GraphOverview {
	types: (TypeGroup & { total: number })[];
	/** False when each type lists only its most connected entities (a big graph). */
	complete: boolean;
	top: {
		degree: (EntityRef & { score: number })[];
		betweenness: (EntityRef & { score: number })[] | null;
		communities: number;
	} | null;
}

/** The overview of `graph`; `listAll` false lists only the most connected entities of each type. */
export function graphOverview(
	graph: KnowledgeGraph,
	metrics: GraphMetrics | null,
	listAll: boolean
): GraphOverview {
	const named = (list: [string, number][]) =>
		list.filter(([, score]) => score > 0).map(([key, score]) => ({ ...entityRef(graph, key), score }));
	const top = metrics && {
		degree: named(topOf(metrics, metrics.degree, TOP)),
		betweenness: metrics.betweenness && named(topOf(metrics, metrics.betweenness, TOP)),
		communities: metrics.communities.length
	};
	const types = entitiesByType(graph).map((group) => ({ ...group, total: group.entities.length }));
	if (listAll) return { types, complete: true, top };
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
}
