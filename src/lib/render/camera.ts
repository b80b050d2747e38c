/**
 * The camera follows the display state: a new selection brings its neighbourhood into view (a deep link and a
 * click give the same view), a highlight that frames (paths between two entities) brings all its entities into
 * view. The decision and the targets are pure (node tests); moving sigma's camera is the small part at the end.
 */
import type { Camera } from 'sigma';
import type { NodeDisplayData } from 'sigma/types';
import type { KnowledgeGraph } from '../graph/build';
import type { DisplayState } from './display';
import { sameHighlight } from './display';

/** Where the camera goes: centre in sigma's framed coordinates (0–1) and ratio (1 shows the whole graph). */
export interface CameraTarget {
	x: number;
	y: number;
	ratio: number;
}

export type CameraMove = { show: 'entity'; key: string | null } | { show: 'entities'; keys: string[] } | null;

/** The closest the camera comes to an entity or a group of them, and the whole graph. */
export const MIN_RATIO = 0.15;
export const MAX_RATIO = 1;
/** How much room the framed entities get: 1 would touch the edges of the canvas. */
const MARGIN = 1.25;

/**
 * What the camera does when the display goes from `previous` (null: the first frame) to `next`: show a new
 * highlight that frames, else a new selection (or the whole graph when the selection goes), else stay.
 */
export function cameraMove(previous: DisplayState | null, next: DisplayState): CameraMove {
	const highlight = next.highlight;
	if (highlight?.frame && highlight.nodes.size > 0 && !sameHighlight(previous?.highlight ?? null, highlight))
		return { show: 'entities', keys: [...highlight.nodes] };
	if (previous === null) return next.selected !== null ? { show: 'entity', key: next.selected } : null;
	if (previous.selected !== next.selected) return { show: 'entity', key: next.selected };
	return null;
}

const clampRatio = (ratio: number) => Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));

/** The camera on `centre`, close enough that every point of `around` is in view. */
export function neighbourhoodTarget(
	centre: { x: number; y: number },
	around: readonly { x: number; y: number }[]
): CameraTarget {
	let reach = 0;
	for (const point of around)
		reach = Math.max(reach, Math.abs(point.x - centre.x), Math.abs(point.y - centre.y));
	return { x: centre.x, y: centre.y, ratio: reach > 0 ? clampRatio(reach * 2 * MARGIN) : MAX_RATIO };
}

/** The camera on the middle of `points`, with all of them in view; null for no points. */
export function boundsTarget(points: readonly { x: number; y: number }[]): CameraTarget | null {
	if (points.length === 0) return null;
	let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
	for (const { x, y } of points) {
		minX = Math.min(minX, x);
		maxX = Math.max(maxX, x);
		minY = Math.min(minY, y);
		maxY = Math.max(maxY, y);
	}
	const extent = Math.max(maxX - minX, maxY - minY);
	return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: clampRatio(extent * MARGIN) };
}

/** What the camera needs of sigma (any sigma: its attribute types do not matter here). */
interface Drawing {
	getCamera(): Camera;
	getNodeDisplayData(key: string): NodeDisplayData | undefined;
}

export const WHOLE_GRAPH: CameraTarget = { x: 0.5, y: 0.5, ratio: 1 };

/** Where `move` takes the camera of `sigma` over `graph` (drawn as `state` says); null to stay. */
export function targetOf(
	sigma: Drawing,
	graph: KnowledgeGraph,
	state: DisplayState,
	move: CameraMove
): CameraTarget | null {
	if (!move) return null;
	const at = (key: string) => sigma.getNodeDisplayData(key);
	if (move.show === 'entities') return boundsTarget(move.keys.flatMap((key) => at(key) ?? []));
	const centre = move.key !== null && graph.hasNode(move.key) ? at(move.key) : undefined;
	if (!move.key || !centre) return WHOLE_GRAPH;
	const around = graph
		.neighbors(move.key)
		.filter((neighbour) => !state.visible || state.visible.nodes.has(neighbour))
		.flatMap((neighbour) => at(neighbour) ?? []);
	return neighbourhoodTarget(centre, around);
}

/** Moves the camera to `target` (animated unless `animate` is false); nothing if it is there already. */
export function moveCamera(sigma: Drawing, target: CameraTarget | null, animate: boolean): void {
	if (!target) return;
	const camera = sigma.getCamera();
	const now = camera.getState();
	if (now.x === target.x && now.y === target.y && now.ratio === target.ratio) return;
	if (animate) camera.animate(target, { duration: 450 });
	else camera.setState(target);
}

/** One step of the zoom buttons: in, out, or back to the whole graph. */
export function zoomStep(sigma: Drawing, step: 'in' | 'out' | 'reset'): void {
	const camera = sigma.getCamera();
	const options = { duration: 250 };
	if (step === 'in') camera.animatedZoom(options);
	else if (step === 'out') camera.animatedUnzoom(options);
	else camera.animatedReset(options);
}
