/**
 * What the canvas draws now, as plain shapes in CSS pixels of the canvas (src/lib/graph/picture.ts turns them into
 * an SVG, and a PNG is that SVG rasterised): every entity and relationship the reducers leave shown, with the
 * colours, sizes and curves sigma draws them with, and the labels drawn. Loaded only when a picture is taken.
 */
import type Sigma from 'sigma';
import type { KnowledgeGraph } from '../graph/build';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/schema';
import type { SceneEdge, SceneNode } from '../graph/picture';

/** The drawing part of a picture's scene (its theme, background and caption are the picture's choice). */
export interface CanvasScene {
	width: number;
	height: number;
	nodes: SceneNode[];
	edges: SceneEdge[];
}

/** The shapes in the canvas's view (and those that cross its edges): what a reader sees, as they see it. */
export function sceneOf(
	sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>,
	graph: KnowledgeGraph,
	labelled: ReadonlySet<string>
): CanvasScene {
	const { width, height } = sigma.getDimensions();
	const nodes: SceneNode[] = [];
	const placed = new Map<string, SceneNode>();
	graph.forEachNode((key) => {
		const data = sigma.getNodeDisplayData(key);
		if (!data || data.hidden) return;
		const { x, y } = sigma.framedGraphToViewport(data);
		const node: SceneNode = {
			key,
			x,
			y,
			size: sigma.scaleSize(data.size),
			color: data.color,
			label: data.label ?? '',
			labelShown: labelled.has(key)
		};
		placed.set(key, node);
		if (x + node.size >= 0 && x - node.size <= width && y + node.size >= 0 && y - node.size <= height)
			nodes.push(node);
	});
	const inView = (a: SceneNode, b: SceneNode) =>
		Math.max(a.x, b.x) >= 0 &&
		Math.min(a.x, b.x) <= width &&
		Math.max(a.y, b.y) >= 0 &&
		Math.min(a.y, b.y) <= height;
	const edges: SceneEdge[] = [];
	graph.forEachEdge((key, { modality }, source, target) => {
		const data = sigma.getEdgeDisplayData(key) as
			(ReturnType<typeof sigma.getEdgeDisplayData> & { curvature?: number }) | undefined;
		const [from, to] = [placed.get(source), placed.get(target)];
		if (!data || data.hidden || !from || !to || !inView(from, to)) return;
		edges.push({
			source,
			target,
			color: data.color,
			size: Math.max(0.5, sigma.scaleSize(data.size)),
			arrow: /^(dashed)?(arrow|curved)$/i.test(data.type ?? ''),
			curvature: /curved$/i.test(data.type ?? '') ? (data.curvature ?? 0) : 0,
			// What the source does not state as fact (attributed, intended, possible) is dashed, as on the canvas.
			dashed: modality !== undefined && modality !== 'stated'
		});
	});
	// An edge's ends may lie outside the view: the picture needs them to draw it (clipped by its frame).
	const shown = new Set(nodes.map((node) => node.key));
	for (const edge of edges)
		for (const end of [edge.source, edge.target])
			if (!shown.has(end)) {
				shown.add(end);
				nodes.push({ ...(placed.get(end) as SceneNode), labelShown: false });
			}
	return { width, height, nodes, edges };
}
