/**
 * Curvatures for parallel relationships (several between the same two entities), so that each stays visible:
 * the indexing of @sigma/edge-curve's `indexParallelEdgesIndex`, computed into a map in one pass instead of
 * written into a copy of the graph. Relationships alone between their two entities are not in the map (drawn
 * straight), nor is the middle one of an odd number in the same direction.
 */
import type { KnowledgeGraph } from '../graph/build';

/** @sigma/edge-curve's DEFAULT_EDGE_CURVATURE (this module stays free of sigma so that it runs in node). */
export const EDGE_CURVATURE = 0.25;

/** Curvature of the i-th of several parallel edges (after the sigma parallel-edges example). */
export function curvature(index: number, maxIndex: number): number {
	if (maxIndex <= 0) return 0;
	if (index < 0) return -curvature(-index, maxIndex);
	const amplitude = 3.5;
	const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * EDGE_CURVATURE;
	return (maxCurvature * index) / maxIndex;
}

export function parallelCurvatures(graph: KnowledgeGraph): Map<string, number> {
	const directed = new Map<string, string[]>();
	const pairs = new Map<string, number>();
	graph.forEachEdge((edge, _attributes, source, target) => {
		const id = `${source}\u0000${target}`;
		const list = directed.get(id);
		if (list) list.push(edge);
		else directed.set(id, [edge]);
		const pair = source < target ? id : `${target}\u0000${source}`;
		pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
	});
	const curvatures = new Map<string, number>();
	for (const [id, edges] of directed) {
		const [source = '', target = ''] = id.split('\u0000');
		const both = pairs.get(source < target ? id : `${target}\u0000${source}`) ?? edges.length;
		const count = edges.length;
		if (count === 1 && both === 1) continue;
		edges.forEach((edge, i) => {
			// One direction only: spread around the straight line; both directions: each side curves its own way.
			const [index, max] = count === both ? [i - (count - 1) / 2, (count - 1) / 2] : [i + 1, count];
			if (index !== 0) curvatures.set(edge, curvature(index, max));
		});
	}
	return curvatures;
}
