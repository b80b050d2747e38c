/**
 * The lean drawing of big graphs without a graphics card (docs/performance.md). On software WebGL every frame
 * keeps the page waiting until the whole frame is drawn, so a lean drawing draws entities as small points with no
 * picking pass, hands sigma no relationship (nodesOnly), and draws the few relationships it shows on a 2D canvas.
 * renderer.ts loads this module only for such a drawing; other pages never download it.
 */
import type { AbstractGraph, Attributes, GraphEvents } from 'graphology-types';
import type Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import type { NodeDisplayData } from 'sigma/types';
import { PointGrid } from './point-grid';
import { sigmaInternals } from './sigma-internals';

export { leanScale } from './lean';

/** The graph events that concern relationships only: a view without relationships passes them by. */
const RELATIONSHIP_EVENTS = new Set<keyof GraphEvents>([
	'edgeAdded',
	'edgeDropped',
	'edgeAttributesUpdated',
	'eachEdgeAttributesUpdated',
	'edgesCleared'
]);

/**
 * `graph` as sigma sees it in a lean drawing: its entities without its relationships. sigma otherwise reduces,
 * keeps and processes every relationship, on the first frame and on every full redraw (about 0.7 s of a 1.4 s
 * first frame at 500,000 relationships), for a drawing that shows none of them (drawLines draws the few it
 * shows). Everything else reads `graph` itself, and so does sigma through this view for its entities: changes to
 * entities reach it as they reach the graph.
 */
export function nodesOnly<G extends AbstractGraph>(graph: G): G {
	const view: G = Object.create(graph);
	Object.defineProperties(view, {
		size: { value: 0 },
		edges: { value: () => [] },
		forEachEdge: { value: () => {} },
		// Listeners go on the graph itself (an emitter's bookkeeping is its own fields, which the view would shadow).
		on: {
			value: (event: keyof GraphEvents, listener: never) => {
				if (!RELATIONSHIP_EVENTS.has(event)) graph.on(event, listener);
				return view;
			}
		},
		removeListener: {
			value: (event: keyof GraphEvents, listener: never) => {
				graph.removeListener(event, listener);
				return view;
			}
		}
	});
	return view;
}

/**
 * The entities: points (sigma's discs are an instanced draw that software WebGL does slowly), without sigma's
 * picking pass (a second drawing of every entity, into the buffer that finds the entity under the pointer, on
 * every frame). leanSigma() finds it from positions instead.
 */
export class LeanNodeProgram extends NodePointProgram {
	constructor(gl: WebGLRenderingContext, _picking: WebGLFramebuffer | null, renderer: Sigma) {
		super(gl, null, renderer);
	}
}

/**
 * Makes `sigma` find the entity under the pointer from where entities are drawn instead of its picking pass, and
 * stops its search for relationship labels (a lean drawing has none; the search goes through every relationship
 * on every still frame, some 60 ms at 500,000). The index of positions is built once `ready` has resolved and
 * the page is idle (some 25 ms at 100,000 entities), or at the first pointer move if that comes first, and again
 * after sigma processes the whole graph.
 */
export function leanSigma<N extends Attributes, E extends Attributes, G extends Attributes>(
	sigma: Sigma<N, E, G>,
	ready: Promise<void>,
	alive: () => boolean
): void {
	const internals = sigmaInternals(sigma);
	internals.pickingLayers.clear();
	internals.renderEdgeLabels = () => sigma;
	let index: { grid: PointGrid; largest: number } | null = null;
	sigma.on('afterProcess', () => {
		index = null;
	});
	// Read anew each time: sigma replaces the object when it processes the whole graph.
	const drawn = () => internals.nodeDataCache;
	const indexOf = (nodes: Record<string, NodeDisplayData>) => {
		const keys = Object.keys(nodes);
		const xs = new Float64Array(keys.length);
		const ys = new Float64Array(keys.length).fill(Number.NaN);
		let largest = 0;
		keys.forEach((key, i) => {
			const data = nodes[key];
			if (!data) return;
			xs[i] = data.x;
			ys[i] = data.y;
			if (data.size > largest) largest = data.size;
		});
		return { grid: new PointGrid(keys, xs, ys), largest };
	};
	void ready.then(() => {
		const build = () => {
			if (alive()) index ??= indexOf(drawn());
		};
		if ('requestIdleCallback' in globalThis) requestIdleCallback(build, { timeout: 2000 });
		else setTimeout(build, 200);
	});

	// As sigma's picking pass finds it: the point is inside the entity's disc; of several, the one drawn on top
	// (highest z-index), then the nearest.
	internals.getNodeAtPosition = (position) => {
		const nodes = drawn();
		index ??= indexOf(nodes);
		const at = sigma.viewportToFramedGraph(position);
		const aside = sigma.viewportToFramedGraph({ x: position.x + 100, y: position.y });
		const perPixel = Math.hypot(aside.x - at.x, aside.y - at.y) / 100;
		let found: string | null = null;
		let foundZ = -Infinity;
		let foundDistance = Infinity;
		index.grid.near(at.x, at.y, sigma.scaleSize(index.largest) * perPixel, (key, distance) => {
			const data = nodes[key];
			if (!data || data.hidden || distance > sigma.scaleSize(data.size) * perPixel) return;
			const z = data.zIndex ?? 0;
			if (z > foundZ || (z === foundZ && distance < foundDistance)) {
				found = key;
				foundZ = z;
				foundDistance = distance;
			}
		});
		return found;
	};
}

/**
 * The relationships a lean drawing shows (the selected entity's, highlighted paths'), drawn after every frame as
 * straight lines between their entities on a 2D canvas (hidden ends skip them). Their ends are worked out when they
 * are set, not on every frame. Lines are one device pixel wide: the canvas draws such lines on its fast path for
 * hairlines. In headless Chromium at 1280×800, a hub's 4,861 lines took some 200 ms a frame 1.5 pixels wide and
 * 13 ms 1 pixel wide.
 */
export function leanLines<N extends Attributes, E extends Attributes, G extends Attributes>(
	graph: AbstractGraph<N, E, G>,
	sigma: Sigma<N, E, G>
) {
	let ends: (readonly [string, string])[] = [];
	return {
		set(edges: readonly string[]): void {
			ends = edges.map((edge) => [graph.source(edge), graph.target(edge)] as const);
		},
		draw(context: CanvasRenderingContext2D, color: string): void {
			if (ends.length === 0) return;
			// Read in place: getNodeDisplayData copies an entity's data on every call, twice a line a frame.
			const drawn = sigmaInternals(sigma).nodeDataCache;
			context.beginPath();
			for (const [source, target] of ends) {
				const from = drawn[source];
				const to = drawn[target];
				if (!from || !to || from.hidden || to.hidden) continue;
				const a = sigma.framedGraphToViewport(from);
				const b = sigma.framedGraphToViewport(to);
				context.moveTo(a.x, a.y);
				context.lineTo(b.x, b.y);
			}
			// sigma scales its 2D contexts by the pixel ratio: a device pixel is 1 / scale.
			context.lineWidth = 1 / (context.getTransform().a || 1);
			context.strokeStyle = color;
			context.stroke();
		}
	};
}
