/**
 * Graphs from other tools (issue 17): reading a GEXF and a CSV pair of 10k entities / 50k relationships with the
 * app's `loadGraph` (decode, parse, import, validate, build) against the format's parser alone (graphology-gexf's
 * `parse`, papaparse's `parse` of both tables), interleaved A/B in one run; and the layout of a graph whose file
 * gives no positions, timed. The files are made from the generated benchmark graph (graphs.ts): positions,
 * sizes, colours, a category, a number and a URL per entity, a weight per relationship, as Gephi writes them.
 *
 * papaparse builds no graph, where graphology-gexf's `parse` does; so CSV is also measured against the least any
 * reader that hands over a graph must do: papaparse's parse of both tables (its own typing of the cells) and a
 * graphology graph of their rows (`csvGraphFloor`). That floor takes 2.4–3.1× papaparse's time here, which is why
 * no reader of the explorer's can be within 1.3× of papaparse alone (issue 17).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Graph, { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf, write as writeGexf } from 'graphology-gexf';
import Papa from 'papaparse';
import { loadGraph, readGraphData } from '../../src/lib/graph/load';
import type { BenchGraph } from './graphs';
import { collectGarbage, median } from './stats';

export interface FormatFiles {
	gexf: string;
	edgesCsv: string;
	nodesCsv: string;
	/** The GEXF without positions, for the layout. */
	unpositioned: string;
}

const COUNTRIES = ['Kenya', 'India', 'Sri Lanka', 'China', 'Japan', 'Germany', 'Brazil', 'Peru'];

/** Writes `graph` (a generated benchmark graph) as a GEXF, a CSV pair and a GEXF without positions into `dir`. */
export function writeFormatFiles(graph: BenchGraph, dir: string): FormatFiles {
	const data = JSON.parse(readFileSync(graph.file, 'utf8')) as {
		nodes: { key: string; attributes: { label: string; type: string; x: number; y: number } }[];
		edges: { source: string; target: string; attributes: { type: string; label: string } }[];
	};
	const tool = new Graph({ multi: true, type: 'directed' });
	data.nodes.forEach(({ key, attributes }, i) => {
		tool.addNode(key, {
			label: attributes.label,
			x: attributes.x,
			y: attributes.y,
			size: 5 + (i % 20),
			color: `rgb(${i % 256},${(i * 7) % 256},${(i * 13) % 256})`,
			category: attributes.type,
			country: COUNTRIES[i % COUNTRIES.length] as string,
			score: (i * 37) % 1000,
			homepage: `https://example.org/${key}`
		});
	});
	data.edges.forEach(({ source, target, attributes }, i) =>
		tool.addEdgeWithKey(`r${i}`, source, target, { label: attributes.label, weight: 1 + (i % 5) })
	);
	const gexf = join(dir, `${graph.id}-tool.gexf`);
	writeFileSync(gexf, writeGexf(tool));
	const edgesCsv = join(dir, `${graph.id}-tool.edges.csv`);
	writeFileSync(
		edgesCsv,
		Papa.unparse(
			tool.mapEdges((key, attributes, source, target) => ({
				Id: key,
				Source: source,
				Target: target,
				Type: 'Directed',
				Label: attributes.label,
				Weight: attributes.weight
			}))
		)
	);
	const nodesCsv = join(dir, `${graph.id}-tool.nodes.csv`);
	writeFileSync(
		nodesCsv,
		Papa.unparse(
			tool.mapNodes((key, a) => ({
				Id: key,
				Label: a.label,
				Category: a.category,
				Country: a.country,
				Score: a.score,
				Homepage: a.homepage,
				X: a.x,
				Y: a.y
			}))
		)
	);
	const bare = tool.copy();
	bare.updateEachNodeAttributes((_key, { label, category }) => ({ label, category }));
	const unpositioned = join(dir, `${graph.id}-unpositioned.gexf`);
	writeFileSync(unpositioned, writeGexf(bare));
	return { gexf, edgesCsv, nodesCsv, unpositioned };
}

function companionOf(file: string) {
	return (name: string) => {
		try {
			return readFileSync(join(file, '..', basename(name)));
		} catch {
			return undefined;
		}
	};
}

/** The app's path for a file (with its companion, for CSV); throws if the graph does not load. */
function appRead(file: string): number {
	const result = loadGraph(readFileSync(file), basename(file), companionOf(file));
	if (!result.ok) throw new Error(`${file} does not load: ${result.problems[0]?.message}`);
	return result.graph.order;
}

/** The format's reader alone (formats/), without import, validation and building. */
function readerOnly(file: string): unknown {
	const read = readGraphData(readFileSync(file), basename(file), companionOf(file));
	if (!read.ok) throw new Error(`${file} cannot be read: ${read.problems[0]?.message}`);
	return read.value;
}

function gexfBaseline(file: string): number {
	return parseGexf(Graph, readFileSync(file, 'utf8')).order;
}

function csvBaseline(edges: string, nodes: string): number {
	const options = { header: true, skipEmptyLines: true } as const;
	Papa.parse(readFileSync(edges, 'utf8'), options);
	return Papa.parse(readFileSync(nodes, 'utf8'), options).data.length;
}

/**
 * papaparse's parse of both tables (typing the cells itself), then a graphology graph of their rows, each row's
 * cells its attributes: the floor of a CSV reader that hands over a graph, with none of the checks, keys, types
 * or warnings of the app's path.
 */
function csvGraphFloor(edges: string, nodes: string): number {
	const options = { header: true, skipEmptyLines: true, dynamicTyping: true } as const;
	type Row = Record<string, string | number | boolean | null>;
	const graph = new MultiDirectedGraph();
	for (const row of Papa.parse<Row>(readFileSync(nodes, 'utf8'), options).data) {
		graph.addNode(String(row.Id), row);
	}
	for (const row of Papa.parse<Row>(readFileSync(edges, 'utf8'), options).data) {
		graph.addEdgeWithKey(String(row.Id), String(row.Source), String(row.Target), row);
	}
	return graph.order;
}

function time(run: () => unknown): number {
	collectGarbage();
	const started = performance.now();
	run();
	return performance.now() - started;
}

/** Medians of `runs` interleaved runs of `app` and `baseline` (alternating which goes first), after one warm-up. */
function interleaved(app: () => unknown, baseline: () => unknown, runs: number) {
	app();
	baseline();
	const a: number[] = [];
	const b: number[] = [];
	for (let i = 0; i < runs; i++) {
		if (i % 2 === 0) {
			a.push(time(app));
			b.push(time(baseline));
		} else {
			b.push(time(baseline));
			a.push(time(app));
		}
	}
	return { appMs: median(a), baselineMs: median(b) };
}

export function benchFormats(files: FormatFiles, runs: number) {
	return {
		gexf: interleaved(
			() => appRead(files.gexf),
			() => gexfBaseline(files.gexf),
			runs
		),
		csv: interleaved(
			() => appRead(files.edgesCsv),
			() => csvBaseline(files.edgesCsv, files.nodesCsv),
			runs
		),
		csvFloor: interleaved(
			() => appRead(files.edgesCsv),
			() => csvGraphFloor(files.edgesCsv, files.nodesCsv),
			runs
		),
		gexfReader: interleaved(
			() => readerOnly(files.gexf),
			() => gexfBaseline(files.gexf),
			runs
		),
		csvReader: interleaved(
			() => readerOnly(files.edgesCsv),
			() => csvBaseline(files.edgesCsv, files.nodesCsv),
			runs
		),
		layoutMs: median(
			Array.from({ length: Math.max(1, Math.floor(runs / 3)) }, () => time(() => appRead(files.unpositioned)))
		)
	};
}
