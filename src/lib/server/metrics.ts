/**
 * Centrality and communities of each graph, computed once per build: the overview lists what matters most, and
 * `/api/graphs/<graph>/metrics.json` gives the browser node sizes and colours without shipping the algorithms.
 */
import { type GraphMetrics, computeMetrics } from '../graph/centrality';
import { findGraph } from './graphs';

const computed = new Map<string, GraphMetrics>();

export function graphMetrics(id: string): GraphMetrics | undefined {
	const graph = findGraph(id);
	if (!graph) return undefined;
	let metrics = computed.get(id);
	if (!metrics) {
		metrics = computeMetrics(graph);
		computed.set(id, metrics);
	}
	return metrics;
}
