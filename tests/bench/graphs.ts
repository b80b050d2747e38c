/**
 * The synthetic graphs the benchmark suite runs on, generated deterministically (tests/bench/generate.ts, fixed
 * seed) and written as `<graph id>.json` to a folder, as the app reads them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateGraph } from './generate';

/** The seed of every benchmark graph: the same bytes on every run and every machine. */
export const BENCH_SEED = 1;

/** One size of graph. */
export interface GraphSize {
	/** `10k/50k`: entities/relationships. */
	label: string;
	nodes: number;
	edges: number;
}

export const SIZES = {
	small: { label: '1k/5k', nodes: 1_000, edges: 5_000 },
	medium: { label: '10k/50k', nodes: 10_000, edges: 50_000 },
	large: { label: '100k/500k', nodes: 100_000, edges: 500_000 }
} as const satisfies Record<string, GraphSize>;

/** A generated graph on disk. */
export interface BenchGraph extends GraphSize {
	/** The graph id (`bench-10k`); the file is `<id>.json`. */
	id: string;
	/** Absolute path of the file. */
	file: string;
	/** Size of the file in bytes. */
	bytes: number;
	/** How long generating and writing it took, in ms. */
	generateMs: number;
}

/** Generates the graph of `size` and writes it to `dir/<id>.json`. */
export function writeBenchGraph(size: GraphSize, dir: string): BenchGraph {
	const started = performance.now();
	const id = `bench-${size.nodes >= 1000 ? `${size.nodes / 1000}k` : size.nodes}`;
	const json = JSON.stringify(generateGraph({ nodes: size.nodes, edges: size.edges, seed: BENCH_SEED, id }));
	const file = join(dir, `${id}.json`);
	writeFileSync(file, json);
	return { ...size, id, file, bytes: Buffer.byteLength(json), generateMs: performance.now() - started };
}
