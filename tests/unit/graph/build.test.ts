/**
 * Building graphs from validated data (src/lib/graph/build.ts): `readyForEdges`, which changes only how V8 stores
 * graphology's neighbour objects, leaves every graph as graphology alone builds it: the same entities,
 * relationships, neighbours and orders, and no stray key.
 */
import { readFileSync } from 'node:fs';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { type KnowledgeGraph, buildGraph, exportGraph, readyForEdges } from '../../../src/lib/graph/build';
import { loadGraph } from '../../../src/lib/graph/load';
import { allGraphs } from '../../../src/lib/server/graphs';

function fixture(file: string): KnowledgeGraph {
	const loaded = loadGraph(readFileSync(`tests/fixtures/graphs/${file}`), file);
	if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
	return loaded.graph;
}

/** What graphology alone makes of the same data. */
function plain(graph: KnowledgeGraph): KnowledgeGraph {
	const copy: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true });
	copy.import(graph.export());
	return copy;
}

describe('building a graph', () => {
	it.each([
		['the flagship', () => allGraphs().get('india-russia') as KnowledgeGraph],
		['the 150-entity fixture', () => fixture('big-synthetic.json')],
		['a GEXF from Gephi', () => fixture('les-miserables.gexf')]
	])('gives what graphology alone gives, neighbours in the same order: %s', (_, graphOf) => {
		const graph = graphOf();
		const rebuilt = buildGraph(exportGraph(graph));
		const reference = plain(graph);
		expect(rebuilt.export()).toEqual(reference.export());
		rebuilt.forEachNode((key) => {
			expect(rebuilt.outNeighbors(key), key).toEqual(reference.outNeighbors(key));
			expect(rebuilt.inNeighbors(key), key).toEqual(reference.inNeighbors(key));
			expect(rebuilt.edges(key), key).toEqual(reference.edges(key));
		});
	});

	it('readies a graph for many relationships without adding or losing any neighbour', () => {
		const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true });
		for (const key of ['a', 'b', 'c'])
			graph.addNode(key, { label: key, type: 't', x: 0, y: 0, description: '', aliases: [] });
		readyForEdges(graph);
		expect(graph.neighbors('a')).toEqual([]);
		graph.addDirectedEdgeWithKey('e0', 'a', 'b', { type: 't', label: 'l' });
		graph.addDirectedEdgeWithKey('e1', 'a', 'b', { type: 't', label: 'l' });
		graph.addDirectedEdgeWithKey('e2', 'c', 'a', { type: 't', label: 'l' });
		expect(graph.outNeighbors('a')).toEqual(['b']);
		expect(graph.inNeighbors('a')).toEqual(['c']);
		expect(graph.degree('a')).toBe(3);
		expect(graph.edges('a', 'b')).toEqual(['e1', 'e0']);
	});
});
