/**
 * How each entity and relationship is drawn, as pure functions of the display state (sigma's node and edge
 * reducers call them). The knowledge graph itself is never changed: sizes, colours, curves, highlights, fades and
 * filters all come from here. Also keeps sigma from reading our `type` attributes as names of its programs.
 *
 * What stands out, first rule that applies:
 * - the neighbourhood of the entity under the pointer (graphs that are not big);
 * - what the page highlights (paths between two entities, the entities a search matches);
 * - the neighbourhood of the selected entity (graphs that are not big).
 * Everything else fades. On a big graph only a highlight that frames (paths) fades the rest: fading touches every
 * entity and relationship, which a hover, a selection or a keystroke cannot afford there.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { KnowledgeGraph, RelationshipAttributes } from '../graph/build';
import type { NodeAttributes } from '../graph/schema';
import type { DisplayState } from './display';

export interface Theme {
	label: string;
	background: string;
	edge: string;
	edgeStrong: string;
	faded: string;
}

/** What the reducers read besides the element itself: the display state and what follows from it. */
export interface DrawContext {
	state: DisplayState;
	theme: Theme;
	/** Colours of entity types. */
	typeColors: Readonly<Record<string, { color: string }>>;
	/** The graph's own sizes (sizes from the appearance win). */
	ownSize: ReadonlyMap<string, number>;
	/** What sizes are multiplied by (lean drawings draw smaller). */
	sizeScale: number;
	/** Curvature of parallel relationships; absent ones are straight. */
	curvatures: ReadonlyMap<string, number>;
	/** A big graph: straight thin lines, and no fading for hover or selection. */
	big: boolean;
	/** The entity whose relationships stand out: the hovered one (not on big graphs), else the selected one. */
	focus: string | null;
	/** The neighbourhood that stands out while everything else fades (hover or selection); null for none. */
	hood: ReadonlySet<string> | null;
	/** Whether the page's highlight stands out over a faded rest (it marks its entities in any case). */
	fadeOutsideHighlight: boolean;
	/** Whether the focus entity's relationships show their labels (a hub's would pile into a knot). */
	labelFocusEdges: boolean;
}

/** A hub's edge labels would pile up into an unreadable knot; the panel lists them all anyway. */
export const MAX_EDGE_LABELS = 12;

/** The context the reducers need for `state`; `base` holds what does not depend on the state. */
export function drawContext(
	graph: KnowledgeGraph,
	state: DisplayState,
	base: Omit<DrawContext, 'state' | 'focus' | 'hood' | 'fadeOutsideHighlight' | 'labelFocusEdges'>
): DrawContext {
	const known = (key: string | null) => (key !== null && graph.hasNode(key) ? key : null);
	const hovered = base.big ? null : known(state.hovered);
	const selected = known(state.selected);
	const focus = hovered ?? selected;
	let hood: Set<string> | null = null;
	if (hovered) hood = neighbourhood(graph, hovered, state);
	else if (selected && !state.highlight && !base.big) hood = neighbourhood(graph, selected, state);
	let labelFocusEdges = false;
	if (focus) {
		let shown = 0;
		graph.forEachEdge(focus, (edge) => {
			if (!state.visible || state.visible.edges.has(edge)) shown++;
		});
		labelFocusEdges = shown <= MAX_EDGE_LABELS;
	}
	const fadeOutsideHighlight = Boolean(state.highlight && (!base.big || state.highlight.frame));
	return { ...base, state, focus, hood, fadeOutsideHighlight, labelFocusEdges };
}

/** An entity and its neighbours that the filters leave visible. */
function neighbourhood(graph: KnowledgeGraph, key: string, state: DisplayState): Set<string> {
	const hood = new Set([key]);
	for (const neighbour of graph.neighbors(key))
		if (!state.visible || state.visible.nodes.has(neighbour)) hood.add(neighbour);
	return hood;
}

/** How entity `key` is drawn. */
export function nodeDisplay(
	key: string,
	data: NodeAttributes,
	context: DrawContext
): Partial<NodeDisplayData> {
	const { state, theme } = context;
	const shown: Partial<NodeDisplayData> = {
		x: data.x,
		y: data.y,
		label: data.label,
		size: (state.appearance.sizes?.get(key) ?? context.ownSize.get(key) ?? 1) * context.sizeScale,
		color:
			state.appearance.colors?.get(key) ?? data.color ?? context.typeColors[data.type]?.color ?? '#999999'
	};
	if (state.visible && !state.visible.nodes.has(key)) return { ...shown, hidden: true };
	const faded = () => ({ ...shown, color: theme.faded, label: '', zIndex: 0 });
	if (key === state.selected) {
		shown.highlighted = true;
		shown.forceLabel = true;
		shown.zIndex = 2;
	}
	if (context.hood) {
		if (!context.hood.has(key)) return faded();
		shown.forceLabel = true;
		shown.zIndex = Math.max(shown.zIndex ?? 0, 1);
		return shown;
	}
	if (state.highlight) {
		if (state.highlight.nodes.has(key)) {
			shown.forceLabel = true;
			shown.zIndex = Math.max(shown.zIndex ?? 0, 1);
		} else if (context.fadeOutsideHighlight) return faded();
	}
	return shown;
}

/**
 * The program that draws a relationship (renderer.ts): without an arrowhead when undirected, curved beside a
 * parallel one (`bend`), dashed when the source does not state it as fact (attributed, intended, possible).
 */
function edgeProgram(data: RelationshipAttributes, bend: number | undefined): string {
	const shape = data.undirected ? 'straight' : bend === undefined ? 'arrow' : 'curved';
	if (data.modality === undefined || data.modality === 'stated') return shape;
	return `dashed${shape[0]?.toUpperCase()}${shape.slice(1)}`;
}

/** How relationship `key` (from `source` to `target`) is drawn. */
export function edgeDisplay(
	key: string,
	data: RelationshipAttributes,
	source: string,
	target: string,
	context: DrawContext
): Partial<EdgeDisplayData> & { curvature?: number } {
	const { state, theme } = context;
	const bend = context.curvatures.get(key);
	const shown: Partial<EdgeDisplayData> & { curvature?: number } = {
		size: 1.5,
		color: theme.edge,
		label: '',
		type: context.big ? 'line' : edgeProgram(data, bend),
		curvature: bend ?? 0
	};
	if (state.visible && !state.visible.edges.has(key)) return { ...shown, hidden: true };
	const strong = (label: boolean) => ({
		...shown,
		color: theme.edgeStrong,
		size: 2.5,
		label: label ? data.label : '',
		forceLabel: label,
		zIndex: 1
	});
	const faded = () => ({ ...shown, color: theme.faded, zIndex: 0 });
	const hovering = !context.big && state.hovered !== null && context.focus === state.hovered;
	if (state.highlight && !hovering) {
		if (state.highlight.edges.has(key)) return strong(true);
		if (context.fadeOutsideHighlight) return faded();
	}
	const focus = context.focus;
	if (focus && (source === focus || target === focus)) return strong(context.labelFocusEdges);
	if (context.hood) return faded();
	return shown;
}
