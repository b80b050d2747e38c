/**
 * Deterministic positions for a graph: seeded start, ForceAtlas2, then noverlap with the sizes nodes are drawn
 * at. The same graph and seed always give the same positions, whatever positions the file had before.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { LAYOUT_RADIUS, defaultNodeSize } from './geometry';
import { seededRandom } from './random';

export interface LayoutOptions {
	/** Seed of the starting positions. */
	seed?: number;
	/** ForceAtlas2 iterations (default: by the graph's size, `effort`). */
	iterations?: number;
}

export type Positions = Map<string, { x: number; y: number }>;

/** The graph a layout reads: nodes with an optional size, and edges (any graphology graph). */
interface Layable {
	forEachNode(callback: (key: string, attributes: { size?: number }) => void): void;
	forEachEdge(callback: (edge: string, attributes: unknown, source: string, target: string) => void): void;
	degree(node: string): number;
}

/** Computes positions without touching `graph`. */
export function computeLayout(graph: Layable, { seed = 1, iterations }: LayoutOptions = {}): Positions {
	const random = seededRandom(seed);
	const work = new Graph({ multi: true, allowSelfLoops: false });
	graph.forEachNode((key, attributes) => {
		work.addNode(key, {
			x: random() * 2 - 1,
			y: random() * 2 - 1,
			size: attributes.size ?? defaultNodeSize(graph.degree(key))
		});
	});
	graph.forEachEdge((_edge, _attributes, source, target) => {
		if (source !== target) work.addEdge(source, target);
	});

	const plan = effort(work.order);
	forceAtlas2.assign(work, {
		iterations: iterations ?? plan.iterations,
		settings: { ...forceAtlas2.inferSettings(work), gravity: 1, scalingRatio: 8, adjustSizes: false }
	});
	scaleInto(work, LAYOUT_RADIUS);
	noverlap.assign(work, {
		maxIterations: plan.overlapIterations,
		settings: { margin: 14, ratio: 1.15, expansion: 1.1 }
	});
	scaleInto(work, LAYOUT_RADIUS);

	const positions: Positions = new Map();
	work.forEachNode((key, { x, y }) => positions.set(key, { x: round(x), y: round(y) }));
	return positions;
}

/**
 * How much work a layout of `order` nodes does. Measured on 10k nodes / 50k edges (2 cores, 2026-12-01):
 * ForceAtlas2 (Barnes-Hut) about 47 ms an iteration, noverlap about 300 ms an iteration; so big graphs get
 * fewer iterations of both, lest an unpositioned 10k graph take minutes to build.
 */
export function effort(order: number): { iterations: number; overlapIterations: number } {
	if (order > 20_000) return { iterations: 100, overlapIterations: 10 };
	if (order > 5_000) return { iterations: 150, overlapIterations: 30 };
	return { iterations: 600, overlapIterations: 400 };
}

/** Centres the layout on (0, 0) and scales it so that its larger half-extent is `radius`. */
function scaleInto(work: Graph, radius: number): void {
	let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
	work.forEachNode((_key, { x, y }) => {
		[minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
	});
	const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
	const half = Math.max(maxX - minX, maxY - minY) / 2;
	const factor = half > 0 ? radius / half : 1;
	work.updateEachNodeAttributes((_key, attributes) => ({
		...attributes,
		x: (attributes.x - cx) * factor,
		y: (attributes.y - cy) * factor
	}));
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}
