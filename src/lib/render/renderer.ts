/**
 * The renderer's lifecycle: creates sigma over the knowledge graph, takes the display state whole
 * (`setDisplay`), redraws what it changes, moves the camera as it asks, reports clicks and hovers, and releases
 * everything on `kill()`. How elements are drawn is in reducers.ts, labels in labels.ts, the hover box in
 * hover.ts, the camera in camera.ts, the lean drawing of big graphs in lean-drawing.ts, and everything that reads
 * sigma's private fields in sigma-internals.ts. Only src/lib/render imports sigma.
 * Import this module dynamically, on the client only: sigma needs WebGL at import time.
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { defaultNodeSize } from '../graph/geometry';
import type { KnowledgeGraph } from '../graph/build';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/schema';
import { cameraMove, moveCamera, targetOf, zoomStep } from './camera';
import { dashedPrograms } from './dashed';
import { type DisplayState, EMPTY_DISPLAY, changedFields } from './display';
import { drawHover } from './hover';
import { type LabelCandidate, drawLabels } from './labels';
import { parallelCurvatures } from './parallel';
import { framesChanged, leanEdgesOf, partialRefresh } from './redraw';
import { type DrawContext, type Theme, drawContext, edgeDisplay, nodeDisplay } from './reducers';
import { sigmaInternals } from './sigma-internals';
import { softwareWebGL } from './webgl';

export type { Theme };

export interface GraphRenderer {
	/**
	 * Shows `display`: in the next task, redraws what differs from the display drawn and moves the camera if it
	 * asks to (displays set in one task are drawn once).
	 */
	setDisplay(display: DisplayState): void;
	setTheme(theme: Theme): void;
	/**
	 * A big graph drawn without a graphics card: entities as points, relationships only those of the selected
	 * entity (and of highlighted paths), so that a frame stays short.
	 */
	readonly lean: boolean;
	/** Where an entity is drawn, in CSS pixels from the container's top-left corner. */
	viewportPosition(key: string): { x: number; y: number } | null;
	/** Whether an entity is drawn at all (filters hide the others). */
	isDrawn(key: string): boolean;
	/** Whether the camera is still animating, or may be about to (a display set but not drawn yet). */
	isMoving(): boolean;
	/** The entities whose labels are drawn now. */
	labelled(): string[];
	/** How an entity is drawn now (after highlights, fades and filters): colour, size, hidden; null if unknown. */
	nodeDisplay(key: string): { color: string; size: number; hidden: boolean } | null;
	/** Whether a relationship is drawn now (filters and the lean drawing of big graphs leave some out). */
	isEdgeDrawn(key: string): boolean;
	/** What the canvas draws now, as plain shapes (render/scene.ts, loaded on the first call). */
	scene(): Promise<import('./scene').CanvasScene>;
	/** Zooming with the mouse wheel; when off, wheel events pass to the page (and an embedding page) instead. */
	setWheelZoom(enabled: boolean): void;
	/** Zooms in or out one step, or back to the whole graph. */
	zoom(step: 'in' | 'out' | 'reset'): void;
	/**
	 * Frames what the view is about, as on its first frame: the entities a framing highlight holds (a story's
	 * step, the paths between two), else the selected entity's neighbourhood, else the whole graph.
	 */
	fit(): void;
	onNodeClick(handler: (key: string) => void): void;
	onNodeHover(handler: (key: string | null) => void): void;
	/** Resolves after the first frame is drawn. */
	ready: Promise<void>;
	kill(): void;
}

/**
 * Above this many relationships, drawing is kept cheap: thin straight edges (no arrowheads or curves), edges and
 * labels hidden while the camera moves, and no redraw of the whole graph for a hover, a selection or a search
 * (nothing fades for them; a selection redraws only the entities and relationships it changes). 20,000 unless
 * the build says otherwise.
 */
export const BIG_GRAPH_EDGES = __BIG_GRAPH_RELATIONSHIPS__;

/** The lean drawing's module (lean-drawing.ts), loaded only where a drawing is lean. */
export type LeanDrawing = typeof import('./lean-drawing');

/** How a graph is drawn here: the modules that big graphs and lean drawings need, loaded only for them. */
export interface Drawing {
	/** Thin straight lines, for graphs above BIG_GRAPH_EDGES relationships (big-drawing.ts); else null. */
	big: typeof import('./big-drawing') | null;
	/**
	 * The lean drawing, for big graphs where WebGL draws without a graphics card (docs/performance.md); else
	 * null.
	 */
	lean: LeanDrawing | null;
}

/** What `graph` is drawn with here; pass it to createRenderer. */
export async function drawingFor(graph: KnowledgeGraph): Promise<Drawing> {
	if (graph.size <= BIG_GRAPH_EDGES) return { big: null, lean: null };
	const [big, lean] = await Promise.all([
		import('./big-drawing'),
		softwareWebGL() ? import('./lean-drawing') : null
	]);
	return { big, lean };
}

/**
 * Draws `graph` into `container` (which must have a size) as `display` says, with `drawing` (see drawingFor).
 * Throws when sigma cannot draw (no WebGL) or lacks what sigma-internals.ts reads.
 */
export function createRenderer(
	container: HTMLElement,
	graph: KnowledgeGraph,
	initialTheme: Theme,
	display: DisplayState = EMPTY_DISPLAY,
	drawing: Drawing = { big: null, lean: null }
): GraphRenderer {
	const leanDrawing = drawing.lean;
	const ownSize = new Map<string, number>();
	graph.forEachNode((key, node) => ownSize.set(key, node.size ?? defaultNodeSize(graph.degree(key))));
	const big = drawing.big !== null;
	const lean = leanDrawing !== null;
	const base = {
		theme: initialTheme,
		typeColors: graph.getAttribute('nodeTypes'),
		ownSize,
		sizeScale: 1,
		// Big graphs draw straight lines only: no curvatures needed.
		curvatures: big ? new Map<string, number>() : parallelCurvatures(graph),
		big
	};
	/** What the entities' sizes are multiplied by: 1, or leanScale() of the sizes in use for a lean drawing. */
	const scaleSizes = (state: DisplayState) => {
		if (!leanDrawing) return;
		base.sizeScale = leanDrawing.leanScale(
			(state.appearance.sizes ?? ownSize).values(),
			Math.max(container.clientWidth * container.clientHeight, 320 * 240)
		);
	};
	scaleSizes(display);
	// The first render (in sigma's constructor) already shows the initial state: no second one.
	let context: DrawContext = drawContext(graph, display, base);
	/** The relationships a lean drawing shows: the selected entity's and the highlighted paths' (filters apply). */
	let leanEdges: string[] = leanEdgesOf(graph, display, lean);
	let candidates: LabelCandidate[] = [];
	/** The entities whose labels the last render drew. */
	let drawn: string[] = [];

	const font = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
	// A lean drawing draws relationships itself, on a 2D canvas: sigma sees none of them.
	const sigmaGraph = leanDrawing ? leanDrawing.nodesOnly(graph) : graph;
	const sigma = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(sigmaGraph, container, {
		itemSizesReference: 'screen',
		// Without a graphics card, sigma's discs cost far more than points (an instanced draw).
		defaultNodeType: lean ? 'point' : 'circle',
		nodeProgramClasses: (leanDrawing ? { point: leanDrawing.LeanNodeProgram } : {}) as unknown as Settings<
			NodeAttributes,
			EdgeAttributes
		>['nodeProgramClasses'],
		defaultEdgeType: 'arrow',
		// The programs are typed for any attributes; sigma's generics cannot see that ours are a special case.
		edgeProgramClasses: {
			arrow: EdgeArrowProgram,
			curved: EdgeCurvedArrowProgram,
			// Undirected relationships: without arrowheads (and straight: parallel undirected ones are rare).
			straight: EdgeRectangleProgram,
			// Relationships the source does not state as fact: the same, dashed (dashed.ts).
			...dashedPrograms(),
			...(drawing.big ? { line: drawing.big.EdgeLineProgram } : {})
		} as unknown as Settings<NodeAttributes, EdgeAttributes>['edgeProgramClasses'],
		// A big graph stays responsive while it moves; its labels also need bigger nodes to show.
		hideEdgesOnMove: big,
		hideLabelsOnMove: big,
		renderEdgeLabels: true,
		labelColor: { color: base.theme.label },
		edgeLabelColor: { color: base.theme.label },
		labelFont: font,
		edgeLabelFont: font,
		labelSize: 13,
		edgeLabelSize: 11,
		// sigma offers generous candidates; placeLabels() then draws only those that do not collide.
		labelDensity: 1,
		labelGridCellSize: 60,
		labelRenderedSizeThreshold: big ? 8 : 4,
		defaultDrawNodeLabel: (_context, data) => {
			candidates.push({
				key: (data as { key?: string }).key ?? '',
				label: data.label ?? '',
				x: data.x,
				y: data.y,
				size: data.size,
				forced: Boolean(data.forceLabel)
			});
		},
		zIndex: true,
		stagePadding: 40,
		minCameraRatio: 0.05,
		maxCameraRatio: 4,
		nodeReducer: (key, data) => nodeDisplay(key, data, context),
		edgeReducer: (key, data) => edgeDisplay(key, data, graph.source(key), graph.target(key), context),
		defaultDrawNodeHover: (target, data, settings) => drawHover(target, data, settings, base.theme)
	});
	// Fails here, loudly, if a sigma upgrade moved what the lean drawing relies on.
	sigmaInternals(sigma);
	/** The lean drawing's lines: the relationships it shows (leanEdges). */
	const lines = leanDrawing?.leanLines(graph, sigma);
	lines?.set(leanEdges);

	// sigma's mouse captor calls refresh() after every drag when edges hide while moving, which runs the reducers
	// over every entity and relationship again (seconds at 500,000 relationships); drawing again is all it needs.
	if (big) {
		const refresh = sigma.refresh.bind(sigma);
		sigma.refresh = (options) => (options ? refresh(options) : sigma.scheduleRender());
	}

	sigma.on('beforeRender', () => {
		candidates = [];
	});
	const afterRender = () => {
		// A lean drawing's relationships go on the 2D canvas under the entities (sigma's edge labels layer).
		const under = sigma.getCanvases().edgeLabels?.getContext('2d');
		if (lines && under) lines.draw(under, base.theme.edgeStrong);
		const labels = sigma.getCanvases().labels?.getContext('2d');
		if (!labels) return;
		const { labelSize, labelFont, labelWeight } = sigma.getSettings();
		drawn = drawLabels(
			labels,
			candidates,
			{ size: labelSize, family: labelFont, weight: labelWeight },
			base.theme
		);
	};
	sigma.on('afterRender', afterRender);
	// The constructor's render collected its candidates before these listeners existed: draw its labels now.
	afterRender();

	let nodeClick: (key: string) => void = () => {};
	let nodeHover: (key: string | null) => void = () => {};
	sigma.on('clickNode', ({ node }) => nodeClick(node));
	sigma.on('enterNode', ({ node }) => {
		container.style.cursor = 'pointer';
		nodeHover(node);
	});
	sigma.on('leaveNode', () => {
		container.style.cursor = '';
		nodeHover(null);
	});

	/**
	 * The display sigma was last refreshed for. Changes that come in one task (a search box cleared and the entity
	 * it opened selected; a page's render and the display it sets) are drawn together, once, in the task after
	 * it, from this display to the last one set: each draw of a big graph without a graphics card costs tens of
	 * milliseconds, and so does working out what a hub's selection changes.
	 */
	let shown = display;
	let timer: ReturnType<typeof setTimeout> | null = null;

	/** Derives what follows from the display set since `shown`, then redraws what changed and moves the camera. */
	function update(): void {
		const [previous, next] = [shown, display];
		shown = next;
		const changed = changedFields(previous, next);
		if (changed.length === 0) return;
		if (changed.includes('appearance')) scaleSizes(next);
		context = drawContext(graph, next, base);
		leanEdges = leanEdgesOf(graph, next, lean);
		lines?.set(leanEdges);
		if (changed.includes('appearance')) {
			// Sizes change what sigma indexes (hit areas, label grid): a full refresh.
			sigma.refresh({});
		} else if (big && !changed.includes('visible') && !framesChanged(previous, next)) {
			// On a big graph a hover, a selection or a search changes only a few entities: redraw those.
			const partial = partialRefresh(graph, previous, next);
			const edges = lean ? [] : partial.edges;
			if (partial.nodes.length > 0 || edges.length > 0)
				sigma.refresh({ partialGraph: { nodes: partial.nodes, edges }, skipIndexation: true });
		} else {
			sigma.refresh({ skipIndexation: true });
		}
		moveCamera(sigma, targetOf(sigma, graph, next, cameraMove(previous, next)), true);
	}

	/** The one way the display changes: it is drawn in the next task (`update`). */
	function setDisplay(next: DisplayState): void {
		if (changedFields(display, next).length === 0) return;
		display = next;
		timer ??= setTimeout(() => {
			timer = null;
			if (!killed) update();
		}, 0);
	}

	// sigma drew in its constructor; the next animation frame shows it (a hidden tab has no animation frames:
	// the timer settles it there).
	const ready = new Promise<void>((resolve) => {
		requestAnimationFrame(() => resolve());
		setTimeout(resolve, 250);
	});
	let killed = false;
	leanDrawing?.leanSigma(sigma, ready, () => !killed);
	moveCamera(sigma, targetOf(sigma, graph, display, cameraMove(null, display)), false);

	// sigma listens for wheel events on the container; stopping them on their way down (capture phase) keeps
	// them from sigma without cancelling them, so the page scrolls as if the canvas were not there.
	let wheelZoom = true;
	const blockWheel = (event: WheelEvent) => {
		if (!wheelZoom) event.stopPropagation();
	};
	container.addEventListener('wheel', blockWheel, { capture: true });

	return {
		ready,
		setDisplay,
		setTheme(next) {
			base.theme = next;
			// Of the display drawn: one set since is drawn, with this theme, by the update it waits for.
			context = drawContext(graph, shown, base);
			sigma.setSetting('labelColor', { color: next.label });
			sigma.setSetting('edgeLabelColor', { color: next.label });
		},
		viewportPosition(key) {
			if (!graph.hasNode(key)) return null;
			const { x, y } = graph.getNodeAttributes(key);
			return sigma.graphToViewport({ x, y });
		},
		isDrawn(key) {
			const data = sigma.getNodeDisplayData(key);
			return data !== undefined && !data.hidden;
		},
		// A display set but not drawn yet may move the camera: moving until its update has run.
		isMoving: () => timer !== null || sigma.getCamera().isAnimated(),
		labelled: () => [...drawn],
		lean,
		isEdgeDrawn(key) {
			if (lean) return leanEdges.includes(key);
			const data = sigma.getEdgeDisplayData(key);
			return data !== undefined && !data.hidden;
		},
		nodeDisplay(key) {
			const data = sigma.getNodeDisplayData(key);
			return data ? { color: data.color, size: data.size, hidden: Boolean(data.hidden) } : null;
		},
		setWheelZoom(enabled) {
			wheelZoom = enabled;
		},
		scene: () => import('./scene').then(({ sceneOf }) => sceneOf(sigma, graph, new Set(drawn))),
		zoom: (step) => zoomStep(sigma, step),
		fit: () =>
			moveCamera(
				sigma,
				targetOf(sigma, graph, display, cameraMove(null, display) ?? { show: 'entity', key: null }),
				true
			),
		onNodeClick(handler) {
			nodeClick = handler;
		},
		onNodeHover(handler) {
			nodeHover = handler;
		},
		kill() {
			if (killed) return;
			killed = true;
			if (timer !== null) clearTimeout(timer);
			container.removeEventListener('wheel', blockWheel, { capture: true });
			sigma.kill();
		}
	};
}
