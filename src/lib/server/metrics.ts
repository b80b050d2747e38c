/**
 * Centrality and communities of each graph, computed once per build: the overview lists what matters most, and
 * `/api/graphs/<graph>/metrics.json` gives the browser node sizes and colours without shipping the algorithms.
 */
import type { KnowledgeGraph } from '../graph/build';
import { type GraphMetrics, betweenness, communities, degrees, topEntities } from '../graph/centrality';
import { findGraph } from './graphs';

const computed = new Map<string, GraphMetrics>();

export function graphMetrics(id: string): GraphMetrics | undefined {
	const graph = findGraph(id);
	if (!graph) return undefined;
	let metrics = computed.get(id);
	if (!metrics) {
		metrics = compute(graph);
		computed.set(id, metrics);
	}
	return metrics;
}

function compute(graph: KnowledgeGraph): GraphMetrics {
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
