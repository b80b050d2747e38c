/**
 * Graph data -> graphology graph, with no validation: for data that was validated already (at build time, by
 * `validateGraphData`). Kept apart from the validator so that pages which only draw a graph ship no zod.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, GraphFile, NodeAttributes } from './schema';

/** A knowledge graph as the app uses it: directed, with parallel edges and self-loops allowed. */
export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Builds the graph from validated data. */
export function buildGraph(data: GraphFile): KnowledgeGraph {
	const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true });
	graph.replaceAttributes(data.attributes);
	for (const node of data.nodes) graph.addNode(node.key, node.attributes);
	// graphology names an edge without a key `geid_<graph>_<n>`; a later edge of the file may carry that very key
	// (an exported graph has such keys), so a generated key that a keyed edge will need is generated again.
	const reserved = new Set<string>();
	for (const edge of data.edges) if (edge.key?.startsWith('geid_')) reserved.add(edge.key);
	for (const edge of data.edges) {
		if (edge.key === undefined) {
			let key = graph.addDirectedEdge(edge.source, edge.target, edge.attributes);
			while (reserved.has(key)) {
				graph.dropEdge(key);
				key = graph.addDirectedEdge(edge.source, edge.target, edge.attributes);
			}
		} else graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
	}
	return graph;
}
