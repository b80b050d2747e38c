/**
 * What matters most in a knowledge graph: degree, betweenness centrality (graphology-metrics) and Louvain
 * communities (graphology-communities-louvain), all deterministic: the same graph (same entities and
 * relationships, added in the same order) always gives the same numbers.
 *
 * Direction does not count: a relationship links its two entities whichever way it reads, which is what "a
 * bridge between parts of the story" means in an explanatory graph. Betweenness and communities therefore run on
 * a simple undirected projection of the graph: one edge per linked pair, self-loops dropped, with `weight` = the
 * number of relationships between the pair. Betweenness ignores the weight (every step counts 1); Louvain uses
 * it (two entities linked by three relationships are pulled together harder than by one).
 *
 * Why a projection and not the graph itself: graphology-metrics' betweenness indexes each node's distinct
 * out-neighbours but sizes its index by the number of relationships, so on a multigraph with parallel edges the
 * last node is given phantom neighbours; and on a directed graph it would follow relationships one way only.
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { KnowledgeGraph } from './build';
import { seededRandom } from './random';

/**
 * A graph's centrality and communities as the site serves them (`/api/graphs/<graph>/metrics.json`, computed at
 * build time by src/lib/server/metrics.ts). The arrays follow `keys`; `betweenness` is null for graphs too big to
 * compute it exactly.
 */
export interface GraphMetrics {
	keys: string[];
	/** Distinct neighbours, either direction. */
	degree: number[];
	/** Normalised betweenness centrality, 0–1. */
	betweenness: number[] | null;
	/** Louvain community of each entity; 0 is the largest. */
	community: number[];
	/** Each community: its size and its best-connected member. */
	communities: { size: number; hub: string }[];
}

/** Scores per node key. */
export type Scores = ReadonlyMap<string, number>;

/** The simple undirected projection the module comment describes. */
export type Projection = UndirectedGraph<Record<string, never>, { weight: number }>;

/**
 * Exact betweenness runs on graphs of at most this many entities; above, `betweenness` returns `null`. Brandes'
 * algorithm is O(V·E). Measured on 2 cores on tests/bench/generate.ts graphs (entities / relationships): 1k / 5k
 * 0.22 s, 2k / 10k 0.8 s, 2k / 20k 2.1 s, 5k / 25k 5.4 s, 10k / 50k 25 s; the flagship graph (83 / 154) 9 ms.
 * 2k keeps a graph of typical density under about a second.
 */
export const BETWEENNESS_MAX_NODES = 2_000;

/** Seed of the Louvain random walk unless the caller gives one. */
export const DEFAULT_COMMUNITY_SEED = 1;

/** Number of distinct other entities `key` is linked to, either direction (self-loops not counted). */
export function neighbourCount(graph: KnowledgeGraph, key: string): number {
	let count = 0;
	graph.forEachNeighbor(key, (neighbour) => {
		if (neighbour !== key) count++;
	});
	return count;
}

export interface Degrees {
	/** Distinct other entities linked to each entity, either direction. */
	neighbours: Map<string, number>;
	/** Relationships touching each entity, either direction, parallel ones apiece, a self-loop once. */
	relationships: Map<string, number>;
}

/** Degree of every entity, in the graph's node order. */
export function degrees(graph: KnowledgeGraph): Degrees {
	const neighbours = new Map<string, number>();
	const relationships = new Map<string, number>();
	graph.forEachNode((key) => {
		neighbours.set(key, neighbourCount(graph, key));
		relationships.set(key, graph.degreeWithoutSelfLoops(key) + graph.outEdges(key, key).length);
	});
	return { neighbours, relationships };
}

/** The graph as a simple undirected graph: one edge per linked pair, `weight` = relationships between them. */
export function undirectedProjection(graph: KnowledgeGraph): Projection {
	const projection: Projection = new UndirectedGraph();
	graph.forEachNode((key) => {
		projection.addNode(key);
	});
	graph.forEachEdge((_edge, _attributes, source, target) => {
		if (source === target) return;
		projection.updateEdge(source, target, (attributes) => ({ weight: (attributes.weight ?? 0) + 1 }));
	});
	return projection;
}

/**
 * Normalised betweenness centrality of every entity (a share of the shortest paths between other pairs that run
 * through it, in [0, 1]), direction and parallel relationships ignored; `null` when the graph has more than
 * BETWEENNESS_MAX_NODES entities (`maxNodes` to override).
 */
export function betweenness(
	graph: KnowledgeGraph,
	maxNodes: number = BETWEENNESS_MAX_NODES
): Map<string, number> | null {
	if (graph.order > maxNodes) return null;
	// getEdgeWeight: null for plain breadth-first Brandes; the default ('weight') would run Dijkstra.
	const scores = betweennessCentrality(undirectedProjection(graph), {
		getEdgeWeight: null,
		normalized: true
	});
	const result = new Map<string, number>();
	graph.forEachNode((key) => result.set(key, scores[key] ?? 0));
	return result;
}

export interface Communities {
	/** Community of each entity: 0 is the largest; ties by smallest member key. */
	community: Map<string, number>;
	/** Members of each community, by key, indexed by community number. */
	members: string[][];
	/** Modularity of the partition, on the projection (NaN for a graph without relationships). */
	modularity: number;
}

/**
 * Louvain communities of the undirected projection, with a seeded random walk so that runs agree, renumbered so
 * that community 0 is the largest (ties: the community whose smallest key comes first, by UTF-16 code units).
 * Entities with no relationship are each a community of their own.
 */
export function communities(
	graph: KnowledgeGraph,
	options: { seed?: number; resolution?: number } = {}
): Communities {
	const detailed = louvain.detailed(undirectedProjection(graph), {
		getEdgeWeight: 'weight',
		resolution: options.resolution ?? 1,
		rng: seededRandom(options.seed ?? DEFAULT_COMMUNITY_SEED)
	});
	const groups = new Map<number, string[]>();
	graph.forEachNode((key) => {
		const id = detailed.communities[key] ?? -1;
		const list = groups.get(id);
		if (list) list.push(key);
		else groups.set(id, [key]);
	});
	const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	const members = [...groups.values()].map((list) => list.sort(byKey));
	members.sort((a, b) => b.length - a.length || byKey(a[0] ?? '', b[0] ?? ''));
	const community = new Map<string, number>();
	members.forEach((list, index) => {
		for (const key of list) community.set(key, index);
	});
	return { community, members, modularity: detailed.modularity };
}

/**
 * The `n` highest scores as `[key, score]`, highest first; equal scores by key (UTF-16 code units). Non-finite
 * scores are left out.
 */
export function topEntities(scores: Scores, n: number): [string, number][] {
	return [...scores]
		.filter(([, score]) => Number.isFinite(score))
		.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
		.slice(0, Math.max(0, Math.floor(n)));
}

/** Degree, betweenness and Louvain community of every entity, and each community's size and hub. */
export function computeMetrics(graph: KnowledgeGraph): GraphMetrics {
	const keys = graph.nodes();
	const { neighbours } = degrees(graph);
	const between = betweenness(graph);
	const { community, members } = communities(graph);
	return {
		keys,
		degree: keys.map((key) => neighbours.get(key) ?? 0),
		betweenness: between && keys.map((key) => between.get(key) ?? 0),
		community: keys.map((key) => community.get(key) ?? 0),
		communities: members.map((group) => ({
			size: group.length,
			hub: topEntities(new Map(group.map((key) => [key, neighbours.get(key) ?? 0])), 1)[0]?.[0] ?? ''
		}))
	};
}

/** The `n` entities that score highest, as `[key, score]`, best first (ties by key). */
export function topOf(metrics: GraphMetrics, scores: readonly number[], n: number): [string, number][] {
	return topEntities(new Map(metrics.keys.map((key, i) => [key, scores[i] ?? 0])), n);
}
