/**
 * Search over a loaded graph, for the search boxes: the worker's index for a graph a worker read, else an index
 * built in the page on first use. Kept apart from graph-source.ts so that pages without a search box (embeds)
 * ship no search code.
 */
import type { KnowledgeGraph } from '$lib/graph/build';
import { createSearchIndex, searchEntries } from '$lib/graph/search';
import { type Searcher, remoteSearchers } from './graph-source';

const local = new WeakMap<KnowledgeGraph, Searcher>();

/** The search of a loaded graph (its index is built on first use, unless a worker holds it). */
export function searcherFor(graph: KnowledgeGraph): Searcher {
	let searcher = remoteSearchers.get(graph) ?? local.get(graph);
	if (!searcher) {
		const index = createSearchIndex(searchEntries(graph));
		searcher = { search: (query, limit) => index.search(query, limit) };
		local.set(graph, searcher);
	}
	return searcher;
}
