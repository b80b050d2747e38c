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
	type Suggestions,
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
		searcher = {
			search: (query, limit, relationLimit) => index.search(query, limit, relationLimit),
			suggest: (query) => index.suggest(query)
		};
		local.set(graph, searcher);
	}
	return searcher;
}

/** One option of the search list: an entity (found, or suggested when nothing was) or a relationship. */
export type SearchOption =
	{ kind: 'entity'; entity: SearchResult } | { kind: 'relation'; relation: RelationResult };

/** A group of options, with its heading (null for the entities found, which need none). */
export interface OptionGroup {
	label: string | null;
	options: SearchOption[];
}

/** The options of an answer in groups, in order: entities, relationships; then suggestions, when there are any. */
export function optionGroups(
	{ entities, relations }: SearchAnswer,
	suggestions: Suggestions | null
): OptionGroup[] {
	const groups: OptionGroup[] = [];
	const add = (label: string | null, options: SearchOption[]) => {
		if (options.length > 0) groups.push({ label, options });
	};
	add(
		null,
		entities.map((entity) => ({ kind: 'entity', entity }))
	);
	add(
		'Relationships',
		relations.map((relation) => ({ kind: 'relation', relation }))
	);
	if (suggestions) {
		add(
			'Closest names',
			suggestions.names.map((entity) => ({ kind: 'entity', entity }))
		);
		const named = new Set(suggestions.names.map((entity) => entity.key));
		const type = suggestions.type;
		if (type) {
			add(
				`Most connected: ${type.label}`,
				type.entities.filter((entity) => !named.has(entity.key)).map((entity) => ({ kind: 'entity', entity }))
			);
		}
	}
	return groups;
}
