/**
 * A big graph split for the browser (src/lib/graph/drawn-graph.ts): the graph built from its drawing file, with
 * the details of every shard added, is the graph it was written from; one entity's shard is enough for its whole
 * panel; search over the drawing and its texts finds what search over the graph finds; shards stay bounded.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KnowledgeGraph, exportGraph } from '../../../src/lib/graph/build';
import { dataColors, dataKey, dataSizes } from '../../../src/lib/graph/appearance';
import { dataKinds } from '../../../src/lib/graph/data-kinds';
import {
	DRAWN_DATA_KINDS,
	DrawingFileError,
	readDrawingFile,
	stampOf
} from '../../../src/lib/graph/drawing-file';
import {
	DETAILS_VERSION,
	MAX_SHARDS,
	addDetails,
	asDetailShard,
	asSearchTexts,
	detailShard,
	detailShardFor,
	detailShards,
	drawingOf,
	drawnCorpus,
	drawnGraphBuilder,
	searchTexts,
	shardCount,
	sliceDrawing
} from '../../../src/lib/graph/drawn-graph';
import { loadGraph } from '../../../src/lib/graph/load';
import { entityDetails } from '../../../src/lib/graph/query';
import { createSearchIndex, graphCorpus } from '../../../src/lib/graph/search';
import { parseViewOptions, visibleElements } from '../../../src/lib/graph/view';
import { allGraphs } from '../../../src/lib/server/graphs';

function fixture(file: string): KnowledgeGraph {
	const loaded = loadGraph(readFileSync(`tests/fixtures/${file}`), file.split('/').pop() as string);
	if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
	return loaded.graph;
}

/** The graph as the page builds it from `graph`'s drawing file, handed over in slices of `size`. */
function drawn(graph: KnowledgeGraph, size = 7): KnowledgeGraph {
	let builder: ReturnType<typeof drawnGraphBuilder> | null = null;
	for (const part of sliceDrawing(readDrawingFile(drawingOf(graph)), size)) {
		if ('head' in part) builder = drawnGraphBuilder(part.head);
		else if ('nodes' in part) builder?.addNodes(part.nodes);
		else builder?.addEdges(part.edges);
	}
	if (!builder) throw new Error('no head');
	return builder.graph;
}

/** `graph` as its file, with positions and sizes as the drawing file's 32-bit floats hold them. */
function asDrawn(graph: KnowledgeGraph) {
	const data = exportGraph(graph);
	for (const node of data.nodes) {
		node.attributes.x = Math.fround(node.attributes.x);
		node.attributes.y = Math.fround(node.attributes.y);
		if (node.attributes.size !== undefined) node.attributes.size = Math.fround(node.attributes.size);
	}
	return data;
}

const graphs = (): [string, KnowledgeGraph][] => [
	['the flagship', allGraphs().get('india-russia') as KnowledgeGraph],
	['the 150-entity fixture', fixture('graphs/big-synthetic.json')],
	['a GEXF from Gephi (undirected, colours, attributes)', fixture('graphs/les-miserables.gexf')],
	['a CSV graph', fixture('graphs/tea-routes.edges.csv')],
	['a survey GEXF (category attributes)', fixture('formats/gexf/polinode-survey.gexf')],
	['a GEXF of typed attributes', fixture('formats/gexf/typed-attributes.gexf')]
];

describe('a graph drawn from its drawing file', () => {
	it.each(graphs())('with every shard added is the graph it was written from: %s', (_, graph) => {
		const page = drawn(graph);
		const stamp = stampOf(drawingOf(graph));
		for (const shard of detailShards(graph, stamp))
			addDetails(page, asDetailShard(JSON.parse(JSON.stringify(shard)), stamp));
		expect(exportGraph(page)).toEqual(asDrawn(graph));
	});

	it.each(graphs())("shows an entity's whole panel from that entity's shard alone: %s", (_, graph) => {
		const shards = detailShards(graph, 0);
		for (const key of graph.nodes()) {
			const page = drawn(graph, 50);
			const shard = shards[detailShard(key, shards.length)];
			if (!shard) throw new Error(`no shard for ${key}`);
			addDetails(page, shard);
			const [expected, seen] = [entityDetails(graph, key), entityDetails(page, key)];
			// Positions are drawn as 32-bit floats; the panel shows none.
			expect(seen, key).toEqual(expected);
		}
	});

	it('before any shard, has the names, types and ends, and no description or claim', () => {
		const graph = allGraphs().get('india-russia') as KnowledgeGraph;
		const page = drawn(graph);
		expect(page.order).toBe(graph.order);
		expect(page.size).toBe(graph.size);
		const key = graph.nodes()[0] as string;
		expect(page.getNodeAttribute(key, 'label')).toBe(graph.getNodeAttribute(key, 'label'));
		expect(page.getNodeAttribute(key, 'description')).toBe('');
		page.forEachEdge((edge, attributes, source, target) => {
			expect(attributes.claim).toBeUndefined();
			expect([source, target]).toEqual(graph.extremities(edge));
			expect(attributes.modality).toBe(graph.getEdgeAttribute(edge, 'modality'));
		});
	});

	it.each(graphs())(
		'before any shard, colours, sizes and hides by data as the graph itself does: %s',
		(_, graph) => {
			const page = drawn(graph);
			for (const [name, kind] of dataKinds(graph).nodes) {
				if (!DRAWN_DATA_KINDS.includes(kind)) continue;
				expect(dataColors(page, name), name).toEqual(dataColors(graph, name));
				expect(dataSizes(page, name), name).toEqual(dataSizes(graph, name));
				const [first] = dataKey(graph, name);
				if (!first) continue;
				const params = new URLSearchParams({ color: `data:${name}`, hideVal: first.value });
				const [seen, expected] = [page, graph].map((g) =>
					visibleElements(g, parseViewOptions(params, g), null)
				);
				expect(seen?.nodes, name).toEqual(expected?.nodes);
			}
		}
	);

	it('holds the data attributes to colour, size and hide by of the fixtures that have them', () => {
		const drawnNames = (graph: KnowledgeGraph) =>
			readDrawingFile(drawingOf(graph)).data.map(({ name }) => name);
		expect(drawnNames(fixture('formats/gexf/polinode-survey.gexf'))).toEqual([
			'status',
			'list',
			'Gender',
			'Position'
		]);
		expect(drawnNames(fixture('graphs/les-miserables.gexf'))).toEqual(['modularity_class']);
	});

	it('is searched over its drawing and texts as the graph itself is', () => {
		for (const [name, graph] of graphs()) {
			const columns = readDrawingFile(drawingOf(graph));
			const texts = asSearchTexts(JSON.parse(JSON.stringify(searchTexts(graph, columns.stamp))), columns);
			const [ours, theirs] = [
				createSearchIndex(drawnCorpus(columns, texts)),
				createSearchIndex(graphCorpus(graph))
			];
			const names = createSearchIndex(drawnCorpus(columns));
			const queries = ['oil', 'india', 'moscow summit', 'valjean', 'tea', 'zzzz', 'Putin', 'defence'];
			for (const query of queries) {
				expect(ours.search(query, 20, 20), `${name}: ${query}`).toEqual(theirs.search(query, 20, 20));
				// Before the texts arrive, the names alone find entities the whole index finds too.
				const everything = theirs.search(query, 100, 0).entities.map((found) => found.key);
				for (const found of names.search(query, 20, 0).entities)
					expect(everything, `${name}: ${query}`).toContain(found.key);
			}
		}
	});
});

describe('detail shards', () => {
	it.each(graphs())('made one at a time, hold what the build writes into each: %s', (_, graph) => {
		const shards = detailShards(graph, 7);
		const byKey = <T>(entries: [string, T][]) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
		shards.forEach((shard, n) => {
			const keys = graph.filterNodes((key) => detailShard(key, shards.length) === n);
			const made = detailShardFor(graph, keys, 7);
			expect(byKey(made.entities), `shard ${n}`).toEqual(byKey(shard.entities));
			expect(byKey(made.relationships), `shard ${n}`).toEqual(byKey(shard.relationships));
			expect([made.version, made.stamp]).toEqual([shard.version, shard.stamp]);
		});
	});

	it('are at most MAX_SHARDS however big the graph, about 100 entities each below that', () => {
		expect(shardCount(0)).toBe(1);
		expect(shardCount(150)).toBe(2);
		expect(shardCount(100_000)).toBe(1000);
		expect(shardCount(5_000_000)).toBe(MAX_SHARDS);
	});

	it('place every key in a shard of the range, the same one every time', () => {
		fc.assert(
			fc.property(fc.string(), fc.integer({ min: 1, max: 5000 }), (key, shards) => {
				const shard = detailShard(key, shards);
				return Number.isInteger(shard) && shard >= 0 && shard < shards && shard === detailShard(key, shards);
			})
		);
	});

	it('spread the entities of a graph evenly', () => {
		const counts = new Array<number>(100).fill(0);
		for (let i = 0; i < 10_000; i++) {
			const shard = detailShard(`entity-${i}`, 100);
			counts[shard] = (counts[shard] ?? 0) + 1;
		}
		expect(Math.max(...counts)).toBeLessThan(160);
		expect(Math.min(...counts)).toBeGreaterThan(50);
	});

	it('of another version, or not shards, are refused with a message that says so', () => {
		const shard = detailShards(fixture('graphs/big-synthetic.json'), 7)[0];
		expect(() => asDetailShard({ ...shard, version: DETAILS_VERSION + 1 }, 7)).toThrow(DrawingFileError);
		expect(() => asDetailShard({ ...shard, version: DETAILS_VERSION + 1 }, 7)).toThrow(
			`of version ${DETAILS_VERSION + 1}; this explorer reads version ${DETAILS_VERSION}`
		);
		expect(() => asDetailShard([], 7)).toThrow(/not a detail shard/);
		expect(() => asDetailShard(null, 7)).toThrow(/not a detail shard/);
		const columns = { stamp: 7, keys: ['a', 'b', 'c'], edgeKeys: [] };
		expect(() =>
			asSearchTexts({ version: DETAILS_VERSION, stamp: 7, entities: [], relationships: [] }, columns)
		).toThrow(/another drawing/);
	});

	it("of another build than the page's drawing are refused, not added to the wrong entities", () => {
		const graph = fixture('graphs/big-synthetic.json');
		const [before, after] = [drawingOf(graph), drawingOf(fixture('graphs/tea-trade.json'))];
		expect(stampOf(before)).not.toBe(stampOf(after));
		expect(readDrawingFile(before).stamp).toBe(stampOf(before));
		const stale = detailShards(graph, stampOf(after))[0];
		expect(() => asDetailShard(stale, stampOf(before))).toThrow(/another build of the site/);
		const texts = searchTexts(graph, stampOf(after));
		expect(() => asSearchTexts(texts, readDrawingFile(before))).toThrow(/another drawing/);
	});

	it('take from a shard only the details it may carry, each of its kind', () => {
		const graph = fixture('graphs/big-synthetic.json');
		const page = drawn(graph);
		const [entity, edge] = [graph.nodes()[0] as string, graph.edges()[0] as string];
		const label = page.getNodeAttribute(entity, 'label');
		const hostile = JSON.parse(`{"version": ${DETAILS_VERSION}, "stamp": 0, "entities": [
			["${entity}", {"label": "Renamed", "x": 1e9, "hidden": true, "aliases": "not a list", "description": 7,
				"data": {"__proto__": {"polluted": true}}}],
			["${entity}", {"__proto__": {"hidden": true}, "description": "Kept"}],
			"not an entry", ["nowhere", {"description": "Lost"}]],
			"relationships": [["${edge}", {"claim": "A claim", "evidence": [{"source": 1}], "type": "other"}]]}`);
		addDetails(page, asDetailShard(hostile, 0));
		const attributes = page.getNodeAttributes(entity);
		expect(attributes.label).toBe(label);
		expect(attributes.description).toBe('Kept');
		expect(attributes.aliases).toEqual([]);
		expect(attributes.data).toBeUndefined();
		expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect('hidden' in attributes).toBe(false);
		expect(page.getEdgeAttribute(edge, 'claim')).toBe('A claim');
		expect(page.getEdgeAttribute(edge, 'evidence')).toBeUndefined();
		expect(page.getEdgeAttribute(edge, 'type')).toBe(graph.getEdgeAttribute(edge, 'type'));
	});
});
