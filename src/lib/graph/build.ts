/**
 * Graph data -> graphology graph, with no validation: for data that was validated already (at build time, by
 * `validateGraphData`). Kept apart from the validator so that pages which only draw a graph ship no zod.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, GraphFile, NodeAttributes } from './schema';

/**
 * A relationship as the graph holds it: an undirected one (from a graph of another tool) is an edge from its
 * source to its target like any other, marked `undirected`: drawn without an arrow, read both ways.
 */
export type RelationshipAttributes = EdgeAttributes & { undirected?: true };

/** A knowledge graph as the app uses it: directed, with parallel edges and self-loops allowed. */
export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, RelationshipAttributes, GraphAttributes>;

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
				const attributes: RelationshipAttributes = edge.undirected
					? { ...edge.attributes, undirected: true }
					: edge.attributes;
				if (edge.key === undefined) {
					let key = graph.addDirectedEdge(edge.source, edge.target, attributes);
					while (reserved.has(key)) {
						graph.dropEdge(key);
						key = graph.addDirectedEdge(edge.source, edge.target, attributes);
					}
				} else graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
			}
		}
	};
}

/**
 * The graph as data of the file format, the inverse of `buildGraph`: graphology's export, with each undirected
 * relationship written as the format writes it (`"undirected": true` on the edge, not among its attributes).
 */
export function exportGraph(graph: KnowledgeGraph): GraphFile {
	const data = graph.export();
	return {
		attributes: data.attributes as GraphAttributes,
		options: data.options,
		nodes: data.nodes as GraphFile['nodes'],
		edges: data.edges.map((edge) => {
			const attributes = edge.attributes as RelationshipAttributes;
			if (!attributes.undirected) return edge as GraphFile['edges'][number];
			const { undirected: _undirected, ...rest } = attributes;
			return { ...edge, undirected: true, attributes: rest };
		})
	};
}
