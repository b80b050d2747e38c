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

/** The graphs readyForEdges readied: once is enough (their entities are all in). */
const readied = new WeakSet<KnowledgeGraph>();

/**
 * Readies a graph whose entities are all in for many relationships (once; later calls do nothing). graphology keeps each entity's neighbours in
 * two plain objects keyed by the neighbours' keys (`in`, `out`), and V8 gives such an object a new hidden class
 * for every key added to it: at 100,000 entities and 500,000 relationships that is most of the time it takes to
 * add them (2.5 s in node). An object that had a property deleted keeps its properties in a dictionary instead,
 * which halves it (1.4 s, and 0.3 s for this). Nothing changes but how V8 stores them (keys keep their order);
 * if graphology ever keeps its entities otherwise, this does nothing.
 */
export function readyForEdges(graph: KnowledgeGraph): void {
	if (readied.has(graph)) return;
	readied.add(graph);
	const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
	if (!(nodes instanceof Map)) return;
	for (const data of nodes.values() as Iterable<Record<string, unknown>>) {
		for (const side of [data.in, data.out] as Record<string, unknown>[]) {
			if (typeof side !== 'object' || side === null) continue;
			side[' a'] = side[' b'] = 0;
			delete side[' a'];
			delete side[' b'];
		}
	}
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
			readyForEdges(graph);
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
