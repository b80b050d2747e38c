/**
 * What a change of the display state makes sigma redraw, as pure functions (node tests): on a big graph, a
 * selection, a hover or a search redraws only the entities and relationships it changes; a lean drawing draws
 * only some relationships, on its own canvas.
 */
import type { KnowledgeGraph } from '../graph/build';
import type { DisplayState } from './display';

/** Whether a highlight that fades the whole graph (one that frames) came, went or changed. */
export function framesChanged(previous: DisplayState, next: DisplayState): boolean {
	return (
		(Boolean(previous.highlight?.frame) || Boolean(next.highlight?.frame)) &&
		previous.highlight !== next.highlight
	);
}

/**
 * The entities and relationships that look different on a big graph between two displays that differ only in
 * selection, hover or a highlight that does not frame: the selected entities (before and after) with their
 * relationships, and the entities and relationships that entered or left the highlight.
 */
export function partialRefresh(
	graph: KnowledgeGraph,
	previous: DisplayState,
	next: DisplayState
): { nodes: string[]; edges: string[] } {
	const nodes = new Set<string>();
	const edges = new Set<string>();
	if (previous.selected !== next.selected) {
		for (const key of [previous.selected, next.selected]) {
			if (key === null || !graph.hasNode(key)) continue;
			nodes.add(key);
			for (const edge of graph.edges(key)) edges.add(edge);
		}
	}
	const before = previous.highlight;
	const after = next.highlight;
	for (const [from, to] of [
		[before, after],
		[after, before]
	] as const) {
		for (const key of from?.nodes ?? []) if (!to?.nodes.has(key) && graph.hasNode(key)) nodes.add(key);
		for (const key of from?.edges ?? []) if (!to?.edges.has(key) && graph.hasEdge(key)) edges.add(key);
	}
	return { nodes: [...nodes], edges: [...edges] };
}

/** The relationships a lean drawing shows for `state`: the selected entity's and the highlighted ones. */
export function leanEdgesOf(graph: KnowledgeGraph, state: DisplayState, lean: boolean): string[] {
	if (!lean) return [];
	const shown = new Set(state.highlight?.edges);
	if (state.selected && graph.hasNode(state.selected))
		for (const edge of graph.edges(state.selected)) shown.add(edge);
	return [...shown].filter((edge) => !state.visible || state.visible.edges.has(edge));
}
