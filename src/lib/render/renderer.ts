/**
 * The only module that touches sigma and WebGL. It draws a knowledge graph from a separate display graph (the
 * data graph is never changed for display), derives every highlight, fade and filter from a small display state
 * through sigma's reducers, moves the camera, and releases everything on `kill()`.
 * Import it dynamically, on the client only: sigma needs WebGL at import time.
 */
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { EdgeArrowProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { EdgeCurvedArrowProgram, DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from '@sigma/edge-curve';
import { defaultNodeSize } from '../graph/geometry';
import type { KnowledgeGraph } from '../graph/build';
import type { VisibleElements } from '../graph/view';
import { type LabelCandidate, placeLabels } from './labels';

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

interface DisplayNode {
	x: number;
	y: number;
	size: number;
	color: string;
	label: string;
}

interface DisplayEdge {
	size: number;
	color: string;
	label: string;
	type: 'arrow' | 'curved';
	curvature: number;
	parallelIndex?: number | null;
	parallelMaxIndex?: number | null;
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
	/** Where an entity is drawn, in CSS pixels from the container's top-left corner. */
	viewportPosition(key: string): { x: number; y: number } | null;
	/** Whether an entity is drawn at all (filters hide the others). */
	isDrawn(key: string): boolean;
	/** Whether the camera is still animating. */
	isMoving(): boolean;
	/** How an entity is drawn now (after highlights, fades and filters): colour, size, hidden; null if unknown. */
	nodeDisplay(key: string): { color: string; size: number; hidden: boolean } | null;
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

/** Curvature of the i-th of several parallel edges (after the sigma parallel-edges example). */
function curvature(index: number, maxIndex: number): number {
	if (maxIndex <= 0) return 0;
	if (index < 0) return -curvature(-index, -maxIndex);
	const amplitude = 3.5;
	const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
	return (maxCurvature * index) / maxIndex;
}

function displayGraph(graph: KnowledgeGraph): MultiDirectedGraph<DisplayNode, DisplayEdge> {
	const { nodeTypes } = graph.getAttributes();
	const display = new MultiDirectedGraph<DisplayNode, DisplayEdge>({ allowSelfLoops: true });
	graph.forEachNode((key, node) => {
		display.addNode(key, {
			x: node.x,
			y: node.y,
			size: node.size ?? defaultNodeSize(graph.degree(key)),
			color: nodeTypes[node.type]?.color ?? '#999999',
			label: node.label
		});
	});
	graph.forEachEdge((key, edge, source, target) => {
		display.addDirectedEdgeWithKey(key, source, target, {
			size: 1.5,
			color: '',
			label: edge.label,
			type: 'arrow',
			curvature: 0
		});
	});
	indexParallelEdgesIndex(display, {
		edgeIndexAttribute: 'parallelIndex',
		edgeMaxIndexAttribute: 'parallelMaxIndex'
	});
	display.updateEachEdgeAttributes((_key, edge) => {
		const { parallelIndex, parallelMaxIndex } = edge;
		if (typeof parallelIndex === 'number' && typeof parallelMaxIndex === 'number' && parallelIndex !== 0) {
			return { ...edge, type: 'curved', curvature: curvature(parallelIndex, parallelMaxIndex) };
		}
		return edge;
	});
	return display;
}

/** Draws `graph` into `container` (which must have a size). */
export function createRenderer(
	container: HTMLElement,
	graph: KnowledgeGraph,
	initialTheme: Theme
): GraphRenderer {
	const display = displayGraph(graph);
	let state: DisplayState = { selected: null, hovered: null, visible: null, highlight: null };
	const ownLook = new Map(
		display.mapNodes((key, node) => [key, { size: node.size, color: node.color }] as const)
	);
	let theme = initialTheme;
	let hoodOfHovered: Set<string> | null = null;
	// A hub's edge labels would pile up into an unreadable knot; the panel lists them all anyway.
	let labelFocusEdges = false;
	const MAX_EDGE_LABELS = 12;
	const updateEdgeLabelling = () => {
		const focus = state.hovered ?? state.selected;
		if (!focus || !display.hasNode(focus)) {
			labelFocusEdges = false;
			return;
		}
		const drawn = display.edges(focus).filter((edge) => !state.visible || state.visible.edges.has(edge));
		labelFocusEdges = drawn.length <= MAX_EDGE_LABELS;
	};

	const nodeReducer = (key: string, data: DisplayNode): Partial<NodeDisplayData> => {
		const shown: Partial<NodeDisplayData> = { ...data };
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

	const edgeReducer = (key: string, data: DisplayEdge): Partial<EdgeDisplayData> => {
		const shown: Partial<EdgeDisplayData> & { curvature?: number } = {
			...data,
			color: theme.edge,
			label: ''
		};
		if (state.visible && !state.visible.edges.has(key)) return { ...shown, hidden: true };
		const [source, target] = display.extremities(key);
		const focus = state.hovered ?? state.selected;
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

	let candidates: LabelCandidate[] = [];

	const sigma = new Sigma(display, container, {
		itemSizesReference: 'screen',
		defaultEdgeType: 'arrow',
		// The programs are typed for any attributes; sigma's generics cannot see that ours are a special case.
		edgeProgramClasses: { arrow: EdgeArrowProgram, curved: EdgeCurvedArrowProgram } as unknown as Settings<
			DisplayNode,
			DisplayEdge
		>['edgeProgramClasses'],
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
		labelRenderedSizeThreshold: 4,
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

	sigma.on('beforeRender', () => {
		candidates = [];
	});
	sigma.on('afterRender', () => drawLabels(sigma.getCanvases().labels?.getContext('2d')));

	function drawLabels(context: CanvasRenderingContext2D | null | undefined): void {
		if (!context) return;
		const { labelSize, labelFont, labelWeight } = sigma.getSettings();
		context.font = `${labelWeight} ${labelSize}px ${labelFont}`;
		const placed = placeLabels(candidates, (label) => context.measureText(label).width, labelSize);
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
		setHovered(node);
		container.style.cursor = 'pointer';
		nodeHover(node);
	});
	sigma.on('leaveNode', () => {
		setHovered(null);
		container.style.cursor = '';
		nodeHover(null);
	});

	/** The one way display state changes: derived values follow, then sigma redraws. */
	function update(next: Partial<DisplayState>): void {
		state = { ...state, ...next };
		const hovered = state.hovered;
		hoodOfHovered =
			hovered && display.hasNode(hovered) ? new Set([hovered, ...display.neighbors(hovered)]) : null;
		updateEdgeLabelling();
		sigma.refresh({ skipIndexation: true });
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
		for (const neighbour of display.neighbors(key)) {
			if (state.visible && !state.visible.nodes.has(neighbour)) continue;
			const data = sigma.getNodeDisplayData(neighbour);
			if (data) reach = Math.max(reach, Math.abs(data.x - centre.x), Math.abs(data.y - centre.y));
		}
		return Math.min(1, Math.max(0.2, reach * 4));
	}

	const ready = new Promise<void>((resolve) => sigma.once('afterRender', () => resolve()));
	let killed = false;

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
			const data = key && display.hasNode(key) ? sigma.getNodeDisplayData(key) : undefined;
			const target =
				data && key ? { x: data.x, y: data.y, ratio: neighbourhoodRatio(key) } : { x: 0.5, y: 0.5, ratio: 1 };
			if (options) camera.animate(target, options);
			else camera.setState(target);
		},
		viewportPosition(key) {
			if (!display.hasNode(key)) return null;
			const { x, y } = display.getNodeAttributes(key);
			return sigma.graphToViewport({ x, y });
		},
		isDrawn(key) {
			const data = sigma.getNodeDisplayData(key);
			return data !== undefined && !data.hidden;
		},
		isMoving: () => sigma.getCamera().isAnimated(),
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
		setAppearance({ sizes, colors }) {
			display.updateEachNodeAttributes((key, node) => ({
				...node,
				size: sizes?.get(key) ?? ownLook.get(key)?.size ?? node.size,
				color: colors?.get(key) ?? ownLook.get(key)?.color ?? node.color
			}));
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
