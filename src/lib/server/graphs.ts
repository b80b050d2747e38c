/**
 * The graphs the site is built from: every file of the graph data folder, read and validated once per build.
 * An invalid file stops the build with every problem listed.
 */
import type { KnowledgeGraph } from '../graph/load';
import { stepOr404, storyOr404 } from '../api/story-lookup';
import type { StoryDetails } from '../graph/story-query';
import { GraphDataError, type Problem, fileProblem } from '../graph/problems';
import { graphDataFiles, readGraphFile } from './graph-files';

let cache: Map<string, KnowledgeGraph> | undefined;

/** Every graph by id, in file-name order. Throws GraphDataError when any file is invalid. */
export function allGraphs(): Map<string, KnowledgeGraph> {
	if (cache) return cache;
	const graphs = new Map<string, KnowledgeGraph>();
	const problems: Problem[] = [];
	const fileOf = new Map<string, string>();
	for (const file of graphDataFiles()) {
		const result = readGraphFile(file);
		if (!result.ok) {
			problems.push(...result.problems);
			continue;
		}
		const id = result.graph.getAttribute('id');
		const earlier = fileOf.get(id);
		if (earlier) {
			problems.push(
				fileProblem(file, 'graph.duplicate-id', `defines graph "${id}" again; ${earlier} defines it first`)
			);
			continue;
		}
		fileOf.set(id, file);
		graphs.set(id, result.graph);
	}
	if (problems.length > 0) throw new GraphDataError(problems);
	cache = graphs;
	return graphs;
}

/** The graph `id`, or undefined. */
export function findGraph(id: string): KnowledgeGraph | undefined {
	return allGraphs().get(id);
}

/** Story `story` of graph `graph`, its steps read (story-query.ts storyDetails); a 404 for either unknown. */
export function findStory(graph: string, story: string): StoryDetails {
	return storyOr404(findGraph(graph), story);
}

/**
 * Step `step` (its address segment: 1 for the first) of story `story` of graph `graph`, or a 404; with the view
 * the step starts from and the entity it focuses, which the explorer's canvas follows (kit-navigator.svelte.ts).
 */
export function findStoryStep(graph: string, story: string, step: string): ReturnType<typeof stepOr404> {
	return stepOr404(findStory(graph, story), step);
}
