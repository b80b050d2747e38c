/**
 * Search over a loaded graph, for the search boxes: the worker's index for a graph a worker read, else an index
 * built in the page on first use; and what the search box lists of an answer. Kept apart from graph-source.ts so
 * that pages without a search box (embeds) ship no search code, and loaded by the search box with its first query.
 */
import type { KnowledgeGraph } from '$lib/graph/build';
import {
	type RelationResult,
	type SearchAnswer,
	type SearchResult,
	createSearchIndex,
	graphCorpus
} from '$lib/graph/search';
import { type Searcher, remoteSearchers } from './graph-source';

const local = new WeakMap<KnowledgeGraph, Searcher>();

/** The search of a loaded graph (its index is built on first use, unless a worker holds it). */
export function searcherFor(graph: KnowledgeGraph): Searcher {
	let searcher = remoteSearchers.get(graph) ?? local.get(graph);
	if (!searcher) {
		const index = createSearchIndex(graphCorpus(graph));
		searcher = { search: (query, limit, relationLimit) => index.search(query, limit, relationLimit) };
		local.set(graph, searcher);
	}
	return searcher;
}

/** One option of the search list: an entity (found, or suggested when nothing was) or a relationship. */
export type SearchOption =
	| { kind: 'entity'; entity: SearchResult; group: string | null }
	| { kind: 'relation'; relation: RelationResult; group: string | null };

/** The options of an answer in order, each with the heading of the group it opens (null: none). */
export function optionsOf({ entities, relations, suggestions }: SearchAnswer): SearchOption[] {
	const list: SearchOption[] = entities.map((entity) => ({ kind: 'entity', entity, group: null }));
	relations.forEach((relation, i) =>
		list.push({ kind: 'relation', relation, group: i === 0 ? 'Relationships' : null })
	);
	if (suggestions) {
		suggestions.names.forEach((entity, i) =>
			list.push({ kind: 'entity', entity, group: i === 0 ? 'Closest names' : null })
		);
		const named = new Set(suggestions.names.map((entity) => entity.key));
		const type = suggestions.type;
		type?.entities
			.filter((entity) => !named.has(entity.key))
			.forEach((entity, i) =>
				list.push({ kind: 'entity', entity, group: i === 0 ? `Most connected: ${type.label}` : null })
			);
	}
	return list;
}

/**
 * The key of a relationship found: its own, or, where a worker read a file without edge keys, the graph's edge
 * between its entities with its label.
 */
export function relationEdge(graph: KnowledgeGraph, relation: RelationResult): string | undefined {
	if (relation.key !== undefined) return relation.key;
	const { source, target } = relation;
	if (!graph.hasNode(source.key) || !graph.hasNode(target.key)) return undefined;
	return graph
		.edges(source.key, target.key)
		.find((edge) => graph.getEdgeAttribute(edge, 'label') === relation.label);
}
