/**
 * The only module that touches sigma and WebGL. It draws the knowledge graph itself, never changing it: every
 * size, colour, curve, highlight, fade and filter comes from sigma's reducers and a small display state (the
 * reducers also keep sigma from reading our `type` attributes as names of its drawing programs). It moves the
 * camera, and releases everything on `kill()`.
 * Import it dynamically, on the client only: sigma needs WebGL at import time.
 */
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { defaultNodeSize } from '../graph/geometry';
import type { KnowledgeGraph } from '../graph/build';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/schema';
import type { VisibleElements } from '../graph/view';
import { type LabelCandidate, placeLabels } from './labels';
import { parallelCurvatures } from './parallel';
import { softwareWebGL } from './webgl';

export interface Theme {
	label: string;
	background: string;
	edge: string;
	edgeStrong: string;
	faded: string;
}

export interface DisplayState {
	selected: string | null;
	hovered: string | null;
	/** What filters leave visible; null shows everything. */
	visible: VisibleElements | null;
	/** Entities and relationships to stand out (paths between two entities), the rest faded; null for none. */
	highlight: VisibleElements | null;
}

/** Per-entity sizes and colours that replace the graph's own (null keeps the graph's). */
export interface Appearance {
	sizes: ReadonlyMap<string, number> | null;
	colors: ReadonlyMap<string, string> | null;
}

export interface GraphRenderer {
	setState(state: Partial<DisplayState>): void;
	setTheme(theme: Theme): void;
	/** Moves the camera to an entity (or back to the whole graph for null). */
	focus(key: string | null, animate?: boolean): void;
	/** Moves the camera to show all of these entities. */
	fit(keys: readonly string[], animate?: boolean): void;
	/** Node sizes and colours other than the graph's own (by centrality, by community). */
	setAppearance(appearance: Appearance): void;
	/**
	 * A big graph drawn without a graphics card: entities as points, relationships only those of the selected
	 * entity (and of highlighted paths), so that a frame stays short.
	 */
	readonly lean: boolean;
	/** Where an entity is drawn, in CSS pixels from the container's top-left corner. */
	viewportPosition(key: string): { x: number; y: number } | null;
	/** Whether an entity is drawn at all (filters hide the others). */
	isDrawn(key: string): boolean;
	/** Whether the camera is still animating. */
	isMoving(): boolean;
	/** The entities whose labels are drawn now. */
	labelled(): string[];
	/** How an entity is drawn now (after highlights, fades and filters): colour, size, hidden; null if unknown. */
	nodeDisplay(key: string): { color: string; size: number; hidden: boolean } | null;
	/** Whether a relationship is drawn now (filters and the lean drawing of big graphs leave some out). */
	isEdgeDrawn(key: string): boolean;
	/** Zooming with the mouse wheel; when off, wheel events pass to the page (and an embedding page) instead. */
	setWheelZoom(enabled: boolean): void;
	/** Zooms in or out one step, or back to the whole graph. */
	zoom(step: 'in' | 'out' | 'reset'): void;
	onNodeClick(handler: (key: string) => void): void;
	onNodeHover(handler: (key: string | null) => void): void;
	/** Resolves after the first frame is drawn. */
	ready: Promise<void>;
	kill(): void;
}

/**
 * Above this many relationships, drawing is kept cheap: thin straight edges (no arrowheads or curves), edges and
 * labels hidden while the camera moves, and no redraw of the whole graph for a hover or a selection (hovering
 * fades nothing; a selection redraws only the entities and relationships it changes). 20,000 unless the build
 * says otherwise.
 */
export const BIG_GRAPH_EDGES = __BIG_GRAPH_RELATIONSHIPS__;

/** The lean drawing's module (lean-drawing.ts), loaded only where a drawing is lean. */
export type LeanDrawing = typeof import('./lean-drawing');

/**
 * What `graph` is to be drawn with here: the lean drawing when it has more than BIG_GRAPH_EDGES relationships and
 * WebGL draws without a graphics card (README, Performance), else null. Pass it to createRenderer.
 */
export async function leanDrawingFor(graph: KnowledgeGraph): Promise<LeanDrawing | null> {
	return graph.size > BIG_GRAPH_EDGES && softwareWebGL() ? await import('./lean-drawing') : null;
}

/** Draws `graph` into `container` (which must have a size), lean with `leanDrawing` (see leanDrawingFor). */
export function createRenderer(
	container: HTMLElement,
	graph: KnowledgeGraph,
	initialTheme: Theme,
	initial: { state?: Partial<DisplayState>; appearance?: Appearance } = {},
	leanDrawing: LeanDrawing | null = null
): GraphRenderer {
	// The first render (in sigma's constructor) already shows the initial state: no second one.
	let state: DisplayState = {
		selected: null,
		hovered: null,
		visible: null,
		highlight: null,
		...initial.state
	};
	let appearance: Appearance = initial.appearance ?? { sizes: null, colors: null };
	const { nodeTypes } = graph.getAttributes();
	const ownSize = new Map<string, number>();
	graph.forEachNode((key, node) => ownSize.set(key, node.size ?? defaultNodeSize(graph.degree(key))));
	const big = graph.size > BIG_GRAPH_EDGES;
	const lean = leanDrawing !== null;
	/** What the entities' sizes are multiplied by: 1, or leanScale() of the sizes in use for a lean drawing. */
	let sizeScale = 1;
	const scaleSizes = () => {
		if (!leanDrawing) return;
		const sizes = appearance.sizes ?? ownSize;
		sizeScale = leanDrawing.leanScale(
			sizes.values(),
			Math.max(container.clientWidth * container.clientHeight, 320 * 240)
		);
	};
	scaleSizes();
	// Big graphs draw straight lines only: no curvatures needed.
	const curvatures = big ? new Map<string, number>() : parallelCurvatures(graph);
	let theme = initialTheme;
	let hoodOfHovered: Set<string> | null = null;
	// A hub's edge labels would pile up into an unreadable knot; the panel lists them all anyway.
	let labelFocusEdges = false;
	const MAX_EDGE_LABELS = 12;
	const updateEdgeLabelling = () => {
		const focus = state.hovered ?? state.selected;
		if (!focus || !graph.hasNode(focus)) {
			labelFocusEdges = false;
			return;
		}
		const drawn = graph.edges(focus).filter((edge) => !state.visible || state.visible.edges.has(edge));
		labelFocusEdges = drawn.length <= MAX_EDGE_LABELS;
	};

	const nodeReducer = (key: string, data: NodeAttributes): Partial<NodeDisplayData> => {
		const shown: Partial<NodeDisplayData> = {
			x: data.x,
			y: data.y,
			label: data.label,
			size: (appearance.sizes?.get(key) ?? ownSize.get(key) ?? 1) * sizeScale,
			color: appearance.colors?.get(key) ?? nodeTypes[data.type]?.color ?? '#999999'
		};
		if (state.visible && !state.visible.nodes.has(key)) return { ...shown, hidden: true };
		if (key === state.selected) {
			shown.highlighted = true;
			shown.forceLabel = true;
			shown.zIndex = 2;
		}
		if (state.highlight && !hoodOfHovered) {
			if (state.highlight.nodes.has(key)) {
				shown.forceLabel = true;
				shown.zIndex = 1;
			} else {
				shown.color = theme.faded;
				shown.label = '';
				shown.zIndex = 0;
			}
		}
		if (hoodOfHovered && !hoodOfHovered.has(key)) {
			shown.color = theme.faded;
			shown.label = '';
			shown.zIndex = 0;
		} else if (hoodOfHovered) {
			shown.forceLabel = true;
			shown.zIndex = 1;
		}
		return shown;
	};

	const edgeReducer = (key: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
		const bend = curvatures.get(key);
		const shown: Partial<EdgeDisplayData> & { curvature?: number } = {
			size: 1.5,
			color: theme.edge,
			label: '',
			type: big ? 'line' : bend === undefined ? 'arrow' : 'curved',
			curvature: bend ?? 0
		};
		if (state.visible && !state.visible.edges.has(key)) return { ...shown, hidden: true };
		if (lean) return { ...shown, type: 'none' };
		const focus = state.hovered ?? state.selected;
		if (!focus && !state.highlight) return shown;
		const source = graph.source(key);
		const target = graph.target(key);
		if (state.highlight && !state.hovered) {
			return state.highlight.edges.has(key)
				? { ...shown, color: theme.edgeStrong, size: 2.5, label: data.label, forceLabel: true, zIndex: 1 }
				: { ...shown, color: theme.faded, zIndex: 0 };
		}
		if (state.hovered && source !== state.hovered && target !== state.hovered) {
			return { ...shown, color: theme.faded, zIndex: 0 };
		}
		if (focus && (source === focus || target === focus)) {
			const label = labelFocusEdges ? data.label : '';
			return { ...shown, color: theme.edgeStrong, size: 2.5, label, forceLabel: labelFocusEdges, zIndex: 1 };
		}
		return shown;
	};

	/** The relationships a lean drawing shows: the selected entity's and the highlighted paths' (filters apply). */
	let leanEdges: string[] = [];

	let candidates: LabelCandidate[] = [];
	/** The entities whose labels the last render drew. */
	let drawn: string[] = [];

	deriveFromState();
	const sigma = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, {
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
			line: EdgeLineProgram,
			...(leanDrawing ? { none: leanDrawing.NoEdgeProgram } : {})
		} as unknown as Settings<NodeAttributes, EdgeAttributes>['edgeProgramClasses'],
		// A big graph stays responsive while it moves; its labels also need bigger nodes to show.
		hideEdgesOnMove: big,
		hideLabelsOnMove: big,
		renderEdgeLabels: true,
		labelColor: { color: theme.label },
		edgeLabelColor: { color: theme.label },
		labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
		edgeLabelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
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
		nodeReducer,
		edgeReducer,
		defaultDrawNodeHover: drawHover
	});

	/** Hover label: a rounded box in the page's own colours (sigma's default is always white). */
	function drawHover(
		context: CanvasRenderingContext2D,
		data: { x: number; y: number; size: number; label?: string | null; color: string },
		settings: { labelSize: number; labelFont: string; labelWeight: string }
	): void {
		const size = settings.labelSize;
		context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
		const label = data.label ?? '';
		const width = label ? context.measureText(label).width + 10 : 0;
		const height = size + 8;
		context.fillStyle = theme.background;
		context.shadowBlur = 6;
		context.shadowColor = 'rgba(0, 0, 0, 0.35)';
		context.beginPath();
		context.roundRect(
			data.x - data.size - 3,
			data.y - height / 2,
			data.size * 2 + 6 + width,
			height,
			height / 2
		);
		context.fill();
		context.shadowBlur = 0;
		context.beginPath();
		context.arc(data.x, data.y, data.size, 0, Math.PI * 2);
		context.fillStyle = data.color;
		context.fill();
		if (label) {
			context.fillStyle = theme.label;
			context.fillText(label, data.x + data.size + 5, data.y + size / 3);
		}
	}

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
		const lines = sigma.getCanvases().edgeLabels?.getContext('2d');
		if (leanDrawing && lines && leanEdges.length > 0) {
			const ends = leanEdges.map((edge): [string, string] => [graph.source(edge), graph.target(edge)]);
			leanDrawing.drawLines(lines, sigma, ends, theme.edgeStrong);
		}
		drawLabels(sigma.getCanvases().labels?.getContext('2d'));
	};
	sigma.on('afterRender', afterRender);
	// The constructor's render collected its candidates before these listeners existed: draw its labels now.
	afterRender();

	function drawLabels(context: CanvasRenderingContext2D | null | undefined): void {
		if (!context) return;
		const { labelSize, labelFont, labelWeight } = sigma.getSettings();
		context.font = `${labelWeight} ${labelSize}px ${labelFont}`;
		const placed = placeLabels(candidates, (label) => context.measureText(label).width, labelSize);
		drawn = placed.map((candidate) => candidate.key);
		context.lineJoin = 'round';
		context.lineWidth = 3;
		context.strokeStyle = theme.background;
		context.fillStyle = theme.label;
		for (const { label, x, y, size } of placed) {
			context.strokeText(label, x + size + 3, y + labelSize / 3);
			context.fillText(label, x + size + 3, y + labelSize / 3);
		}
	}

	let nodeClick: (key: string) => void = () => {};
	let nodeHover: (key: string | null) => void = () => {};
	sigma.on('clickNode', ({ node }) => nodeClick(node));
	sigma.on('enterNode', ({ node }) => {
		// Fading all but a neighbourhood redraws every entity and relationship: too slow for a hover on a big graph.
		if (!big) setHovered(node);
		container.style.cursor = 'pointer';
		nodeHover(node);
	});
	sigma.on('leaveNode', () => {
		if (!big) setHovered(null);
		container.style.cursor = '';
		nodeHover(null);
	});

	/** The one way display state changes: derived values follow, then sigma redraws (only if anything changed). */
	function update(next: Partial<DisplayState>): void {
		const merged = { ...state, ...next };
		const changed = (Object.keys(merged) as (keyof DisplayState)[]).filter(
			(key) => merged[key] !== state[key]
		);
		if (changed.length === 0) return;
		const before = state;
		state = merged;
		deriveFromState();
		if (big && changed.every((key) => key === 'selected' || key === 'hovered')) {
			// Only the entities that were or are selected and their relationships look different.
			const nodes = [before.selected, state.selected].filter(
				(key): key is string => key !== null && graph.hasNode(key)
			);
			const edges = nodes.flatMap((key) => graph.edges(key));
			sigma.refresh({ partialGraph: { nodes, edges }, skipIndexation: true });
			return;
		}
		sigma.refresh({ skipIndexation: true });
	}

	function deriveFromState(): void {
		const hovered = state.hovered;
		hoodOfHovered =
			hovered && graph.hasNode(hovered) ? new Set([hovered, ...graph.neighbors(hovered)]) : null;
		updateEdgeLabelling();
		if (lean) {
			const shown = new Set(state.highlight?.edges);
			if (state.selected && graph.hasNode(state.selected))
				for (const edge of graph.edges(state.selected)) shown.add(edge);
			leanEdges = [...shown].filter((edge) => !state.visible || state.visible.edges.has(edge));
		}
	}

	const setHovered = (key: string | null) => update({ hovered: key });

	/**
	 * The camera ratio that shows an entity's visible neighbours around it, with the entity at the centre (1 is
	 * the whole graph; sigma's framed coordinates span 0–1).
	 */
	function neighbourhoodRatio(key: string): number {
		const centre = sigma.getNodeDisplayData(key);
		if (!centre) return 1;
		let reach = 0;
		for (const neighbour of graph.neighbors(key)) {
			if (state.visible && !state.visible.nodes.has(neighbour)) continue;
			const data = sigma.getNodeDisplayData(neighbour);
			if (data) reach = Math.max(reach, Math.abs(data.x - centre.x), Math.abs(data.y - centre.y));
		}
		return Math.min(1, Math.max(0.2, reach * 4));
	}

	// sigma drew in its constructor; the next animation frame shows it (a hidden tab has no animation frames:
	// the timer settles it there).
	const ready = new Promise<void>((resolve) => {
		requestAnimationFrame(() => resolve());
		setTimeout(resolve, 250);
	});
	let killed = false;
	leanDrawing?.leanSigma(sigma, ready, () => !killed);

	// sigma listens for wheel events on the container; stopping them on their way down (capture phase) keeps
	// them from sigma without cancelling them, so the page scrolls as if the canvas were not there.
	let wheelZoom = true;
	const blockWheel = (event: WheelEvent) => {
		if (!wheelZoom) event.stopPropagation();
	};
	container.addEventListener('wheel', blockWheel, { capture: true });

	return {
		ready,
		setState: update,
		setTheme(next) {
			theme = next;
			sigma.setSetting('labelColor', { color: theme.label });
			sigma.setSetting('edgeLabelColor', { color: theme.label });
		},
		focus(key, animate = true) {
			const camera = sigma.getCamera();
			const options = animate ? { duration: 450 } : undefined;
			const data = key && graph.hasNode(key) ? sigma.getNodeDisplayData(key) : undefined;
			const target =
				data && key ? { x: data.x, y: data.y, ratio: neighbourhoodRatio(key) } : { x: 0.5, y: 0.5, ratio: 1 };
			const now = camera.getState();
			if (now.x === target.x && now.y === target.y && now.ratio === target.ratio) return;
			if (options) camera.animate(target, options);
			else camera.setState(target);
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
		isMoving: () => sigma.getCamera().isAnimated(),
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
		fit(keys, animate = true) {
			const points = keys.flatMap((key) => sigma.getNodeDisplayData(key) ?? []);
			if (points.length === 0) return;
			const xs = points.map((p) => p.x);
			const ys = points.map((p) => p.y);
			const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
			const target = {
				x: (minX + maxX) / 2,
				y: (minY + maxY) / 2,
				ratio: Math.min(1, Math.max(0.2, Math.max(maxX - minX, maxY - minY) * 2))
			};
			const camera = sigma.getCamera();
			if (animate) camera.animate(target, { duration: 450 });
			else camera.setState(target);
		},
		setAppearance(next) {
			if (next.sizes === appearance.sizes && next.colors === appearance.colors) return;
			appearance = next;
			scaleSizes();
			// Sizes change what sigma indexes (hit areas, label grid): a full refresh.
			sigma.refresh({});
		},
		setWheelZoom(enabled) {
			wheelZoom = enabled;
		},
		zoom(step) {
			const camera = sigma.getCamera();
			const options = { duration: 250 };
			if (step === 'in') camera.animatedZoom(options);
			else if (step === 'out') camera.animatedUnzoom(options);
			else camera.animatedReset(options);
		},
		onNodeClick(handler) {
			nodeClick = handler;
		},
		onNodeHover(handler) {
			nodeHover = handler;
		},
		kill() {
			if (killed) return;
			killed = true;
			container.removeEventListener('wheel', blockWheel, { capture: true });
			sigma.kill();
		}
	};
}
