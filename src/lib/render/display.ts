/**
 * What the canvas shows, as one value: the display state. The explorer derives it from the address and what the
 * page adds (src/lib/explorer/explorer.svelte.ts) and hands it to the renderer whole; the reducers, the camera
 * and the lean drawing all read it from here. Plain data, no sigma: node tests import it.
 */
import type { Appearance } from '../graph/appearance';
import type { VisibleElements } from '../graph/view';

/** Entities and relationships that stand out on the canvas. */
export interface Highlight {
	nodes: ReadonlySet<string>;
	edges: ReadonlySet<string>;
	/**
	 * Whether the camera moves to show the highlighted entities when the highlight appears, and the rest of the
	 * graph fades even on a big graph (the paths between two entities). A highlight that does not frame (the
	 * entities a search matches) marks its entities without moving the camera.
	 */
	frame: boolean;
}

export interface DisplayState {
	/** The selected entity: its neighbourhood stands out. */
	selected: string | null;
	/** The entity under the pointer: on graphs that are not big, its neighbourhood stands out while it is. */
	hovered: string | null;
	/** What filters leave visible; null shows everything. */
	visible: VisibleElements | null;
	/** What the page highlights (every highlight the page added, merged); null for none. */
	highlight: Highlight | null;
	/** Sizes and colours other than the graph's own (by centrality, by community). */
	appearance: Appearance;
}

/** The graph's own sizes and colours. */
export const OWN_APPEARANCE: Appearance = { sizes: null, colors: null };

export const EMPTY_DISPLAY: DisplayState = {
	selected: null,
	hovered: null,
	visible: null,
	highlight: null,
	appearance: OWN_APPEARANCE
};

/** Several highlights as one: every entity and relationship of any of them; it frames if any of them does. */
export function mergeHighlights(highlights: readonly Highlight[]): Highlight | null {
	if (highlights.length === 0) return null;
	if (highlights.length === 1) return highlights[0] ?? null;
	const nodes = new Set<string>();
	const edges = new Set<string>();
	for (const highlight of highlights) {
		for (const node of highlight.nodes) nodes.add(node);
		for (const edge of highlight.edges) edges.add(edge);
	}
	return { nodes, edges, frame: highlights.some((highlight) => highlight.frame) };
}

/** Whether two highlights show the same entities and relationships the same way. */
export function sameHighlight(a: Highlight | null, b: Highlight | null): boolean {
	if (a === b) return true;
	if (!a || !b || a.frame !== b.frame) return false;
	return sameSet(a.nodes, b.nodes) && sameSet(a.edges, b.edges);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
	if (a.size !== b.size) return false;
	for (const value of a) if (!b.has(value)) return false;
	return true;
}

/** The fields of `next` that differ from `previous` (by identity; highlights by content). */
export function changedFields(previous: DisplayState, next: DisplayState): (keyof DisplayState)[] {
	const changed: (keyof DisplayState)[] = [];
	if (previous.selected !== next.selected) changed.push('selected');
	if (previous.hovered !== next.hovered) changed.push('hovered');
	if (previous.visible !== next.visible) changed.push('visible');
	if (!sameHighlight(previous.highlight, next.highlight)) changed.push('highlight');
	if (
		previous.appearance.sizes !== next.appearance.sizes ||
		previous.appearance.colors !== next.appearance.colors
	)
		changed.push('appearance');
	return changed;
}
