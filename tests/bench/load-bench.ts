/**
 * Load: the app's `loadGraph` (read the file, decode, parse, validate, build the graphology graph) against the
 * baseline `JSON.parse` + graphology `MultiDirectedGraph.import` of the same file, interleaved A/B in one run.
 * Both sides read the file from disk on every run.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { type KnowledgeGraph, loadGraph } from '../../src/lib/graph/load';
import type { BenchGraph } from './graphs';
import { collectGarbage, median } from './stats';

export interface LoadTimes {
	/** Median ms of `loadGraph`. */
	loadMs: number;
	/** Median ms of the baseline. */
	baselineMs: number;
	runs: number;
}

/** The app's path: bytes from disk -> `loadGraph`. Throws if the graph does not load. */
export function appLoad(graph: BenchGraph): KnowledgeGraph {
	const result = loadGraph(readFileSync(graph.file), basename(graph.file));
	if (!result.ok) {
		const first = result.problems[0];
		throw new Error(
			`${graph.file} does not load: ${first?.where ?? ''} ${first?.field ?? ''} ${first?.message}`
		);
	}
	return result.graph;
}

/** The baseline: text from disk -> JSON.parse -> graphology import. */
export function baselineLoad(graph: BenchGraph): MultiDirectedGraph {
	const imported = new MultiDirectedGraph({ allowSelfLoops: true });
	imported.import(JSON.parse(readFileSync(graph.file, 'utf8')));
	return imported;
}

function time(run: () => unknown): number {
	collectGarbage();
	const started = performance.now();
	run();
	return performance.now() - started;
}

/**
 * `runs` timed runs of each side, alternating which goes first (A B, B A, …) so that neither always runs on a
 * warmer or fuller heap; `warmups` untimed runs of each before. Medians.
 */
export function benchLoad(graph: BenchGraph, runs: number, warmups = 1): LoadTimes {
	for (let i = 0; i < warmups; i++) {
		appLoad(graph);
		baselineLoad(graph);
	}
	const app: number[] = [];
	const baseline: number[] = [];
	for (let i = 0; i < runs; i++) {
		if (i % 2 === 0) {
			app.push(time(() => appLoad(graph)));
			baseline.push(time(() => baselineLoad(graph)));
		} else {
			baseline.push(time(() => baselineLoad(graph)));
			app.push(time(() => appLoad(graph)));
		}
	}
	return { loadMs: median(app), baselineMs: median(baseline), runs };
}
