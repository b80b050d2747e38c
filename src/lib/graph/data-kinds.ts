/**
 * The kind of each data attribute of a graph, as the pages read it: inferred once, when the graph is loaded at
 * build time (attributes.ts), and carried in the graph's `dataKinds` attribute, so that the entity pages and the embed ship no
 * inference (the legend's colour key, loaded with the appearance code, counts values itself).
 */
import type { KnowledgeGraph } from './build';
import type { DataKind, DataKinds } from './schema';

export type { DataKind, DataKinds };

const NONE: DataKinds = { nodes: [], edges: [] };

/** The data attributes of the graph's entities and relationships with their kinds, in order of first appearance. */
export function dataKinds(graph: KnowledgeGraph): DataKinds {
	return graph.getAttribute('dataKinds') ?? NONE;
}

/** The kinds of entity attribute the view can colour by (a number's values as classes) and size by. */
export const COLOURING_KINDS: readonly DataKind[] = ['category', 'boolean', 'number'];
export const SIZING_KINDS: readonly DataKind[] = ['number'];

/** Whether the entities' data attribute `name` is of one of `kinds`. */
export function hasDataKind(graph: KnowledgeGraph, name: string, kinds: readonly DataKind[]): boolean {
	return dataKinds(graph).nodes.some(([column, kind]) => column === name && kinds.includes(kind));
}
