/**
 * The graphs the site is built from: every file of the graph data folder, read and validated once per build.
 * An invalid file stops the build with every problem listed.
 */
import type { KnowledgeGraph } from '../graph/load';
import { GraphDataError, type Problem } from '../graph/problems';
import { graphDataDir, listGraphFiles, readGraphFile } from './graph-files';

let cache: Map<string, KnowledgeGraph> | undefined;

/** Every graph by id, in file-name order. Throws GraphDataError when any file is invalid. */
export function allGraphs(): Map<string, KnowledgeGraph> {
	if (cache) return cache;
	const graphs = new Map<string, KnowledgeGraph>();
	const problems: Problem[] = [];
	for (const file of listGraphFiles(graphDataDir())) {
		const result = readGraphFile(file);
		if (result.ok) graphs.set(result.graph.getAttribute('id'), result.graph);
		else problems.push(...result.problems);
	}
	if (problems.length > 0) throw new GraphDataError(problems);
	cache = graphs;
	return graphs;
}

/** The graph `id`, or undefined. */
export function findGraph(id: string): KnowledgeGraph | undefined {
	return allGraphs().get(id);
}
