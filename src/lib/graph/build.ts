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
	const builder = graphBuilder(data.attributes, generatedKeysTaken(data.edges));
	builder.addNodes(data.nodes);
	builder.addEdges(data.edges);
	return builder.graph;
}

/**
 * The keys of `edges` that look like the keys graphology generates for key-less edges (`geid_<graph>_<n>`): an
 * exported graph has such keys, and a key-less edge must not be given one that a later edge of the file carries.
 */
export function generatedKeysTaken(edges: GraphFile['edges']): string[] {
	const taken: string[] = [];
	for (const edge of edges) if (edge.key?.startsWith('geid_')) taken.push(edge.key);
	return taken;
}

/**
 * Builds a graph a part at a time (all the nodes before any edge), for data that arrives in pieces.
 * `taken`: `generatedKeysTaken` of all the file's edges.
 */
export function graphBuilder(
	attributes: GraphAttributes,
	taken: readonly string[]
): {
	graph: KnowledgeGraph;
	addNodes(nodes: GraphFile['nodes']): void;
	addEdges(edges: GraphFile['edges']): void;
} {
	const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true });
	graph.replaceAttributes(attributes);
	const reserved = new Set(taken);
	return {
		graph,
		addNodes(nodes) {
			for (const node of nodes) graph.addNode(node.key, node.attributes);
		},
		addEdges(edges) {
			for (const edge of edges) {
				if (edge.key === undefined) {
					let key = graph.addDirectedEdge(edge.source, edge.target, edge.attributes);
					while (reserved.has(key)) {
						graph.dropEdge(key);
						key = graph.addDirectedEdge(edge.source, edge.target, edge.attributes);
					}
				} else graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
			}
		}
	};
}
