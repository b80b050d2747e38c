/**
 * "How are these two connected?": the shortest few chains of relationships between two entities, travelling
 * relationships in either direction, each step listing every relationship that links its two entities.
 *
 * How it works:
 * 1. A breadth-first search from `to`, following relationships either way (graphology-traversal), gives the
 *    distance to `to` of every entity within ⌈maxSteps / 2⌉ steps of it; any other entity is at least one step
 *    farther. Half the radius, because within `maxSteps` hops of a hub lies most of a big graph: on 100k
 *    entities / 500k relationships the full-radius search alone took 0.3–0.8 s, the half-radius one a few ms.
 * 2. For each path length L from that distance up to `maxSteps`, a best-first search from `from` grows partial
 *    paths, extending one only to an entity that is not on it yet and can still reach `to` in the steps left
 *    (distance, or its lower bound, ≤ steps left). Partial paths come out of a priority queue ordered by the
 *    tie-break below; the order never decreases as a path grows, so complete paths come out best first.
 *
 * Order of the paths: shorter first; among paths of one length, the one whose busiest intermediate entity has
 * the fewest relationships first (a path through a specific entity explains more than one through a hub such as
 * a country), then the smaller total of the intermediates' relationship counts, then the node keys compared
 * lexicographically (by UTF-16 code units, not locale). Relationship counts are those of the whole graph
 * (`degreeWithoutSelfLoops`, parallel relationships counted apiece), whatever `hidden` hides.
 *
 * Work cap: the search of step 2 stops once it has looked at MAX_RELATIONSHIP_VISITS relationships (each
 * expansion of a partial path looks at every relationship of its last entity; the expansion that crosses the cap
 * finishes). The paths found by then are still the best ones, in order, just possibly fewer, and `truncated`
 * says so; `none` with `truncated` means "none found within the budget", not "none".
 *
 * With `hidden`, a hidden relationship is never travelled nor listed in a step. The distances of step 1 are
 * computed with every relationship (the traversal walks neighbours, not relationships, so it cannot skip some):
 * they can only be shorter than the real ones, so the pruning stays sound, only looser.
 */
import { bfsFromNode } from 'graphology-traversal';
import type { KnowledgeGraph } from './build';

/** One relationship of a step, with its real direction: `forward` when it goes from `step.from` to `step.to`. */
export interface StepEdge {
	key: string;
	source: string;
	target: string;
	forward: boolean;
}

/** A step of a path: every visible relationship between its two entities, forward ones first, then by key. */
export interface ConnectionStep {
	from: string;
	to: string;
	edges: StepEdge[];
}

/** A simple path: `nodes` from `from` to `to`, no entity twice; `steps.length === nodes.length - 1`. */
export interface ConnectionPath {
	nodes: string[];
	steps: ConnectionStep[];
}

export type ConnectResult =
	/** Best first; at least one path. `truncated`: the work cap was reached, there may be more paths. */
	| { kind: 'paths'; paths: ConnectionPath[]; truncated: boolean }
	/** No connection within `maxSteps` (or, when `truncated`, none found within the work cap). */
	| { kind: 'none'; maxSteps: number; truncated: boolean }
	/** `from === to`. */
	| { kind: 'same' }
	/** Keys that are not in the graph, in the order from, to (each once). */
	| { kind: 'unknown'; missing: string[] };

export interface ConnectOptions {
	/** How many paths at most; default DEFAULT_MAX_PATHS. */
	maxPaths?: number;
	/** How many steps a path may have at most; default DEFAULT_MAX_STEPS. */
	maxSteps?: number;
	/** Relationships not to travel (filtered out of the view, say). */
	hidden?: (edgeKey: string) => boolean;
	/** The work cap: how many relationships the path search may look at; default MAX_RELATIONSHIP_VISITS. */
	maxVisits?: number;
}

export const DEFAULT_MAX_PATHS = 5;
export const DEFAULT_MAX_STEPS = 4;

/**
 * How many relationships one `connect` call may look at in its path search (the distance search is not counted:
 * it is one bounded breadth-first pass). On a synthetic graph of 100k entities / 500k relationships
 * (tests/bench/generate.ts), 2 cores, reaching the cap costs 0.1–0.4 s on top of the distance search; with the
 * defaults no random pair came near it (median 2–4 ms a call, slowest 77 ms; hub to hub 170 ms).
 */
export const MAX_RELATIONSHIP_VISITS = 200_000;

/** A partial path during the search, with its tie-break keys. */
interface Candidate {
	/** Node keys from `from` to the path's end. */
	nodes: string[];
	/** Highest and total relationship count of the intermediate entities so far. */
	max: number;
	sum: number;
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
	const length = Math.min(a.length, b.length);
	for (let i = 0; i < length; i++) {
		const [x = '', y = ''] = [a[i], b[i]];
		if (x !== y) return x < y ? -1 : 1;
	}
	return a.length - b.length;
}

function compareCandidates(a: Candidate, b: Candidate): number {
	return a.max - b.max || a.sum - b.sum || compareKeys(a.nodes, b.nodes);
}

/** A binary min-heap. */
class Heap<T> {
	private readonly items: T[] = [];

	constructor(private readonly compare: (a: T, b: T) => number) {}

	get size(): number {
		return this.items.length;
	}

	push(item: T): void {
		const items = this.items;
		let i = items.push(item) - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (this.compare(items[parent] as T, item) <= 0) break;
			items[i] = items[parent] as T;
			i = parent;
		}
		items[i] = item;
	}

	pop(): T | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length === 0 || last === undefined) return top;
		let i = 0;
		for (;;) {
			const left = 2 * i + 1;
			if (left >= items.length) break;
			const right = left + 1;
			const child =
				right < items.length && this.compare(items[right] as T, items[left] as T) < 0 ? right : left;
			if (this.compare(items[child] as T, last) >= 0) break;
			items[i] = items[child] as T;
			i = child;
		}
		items[i] = last;
		return top;
	}
}

/** Every visible relationship between `from` and `to` (not a self-loop), forward ones first, then by key. */
function stepBetween(
	graph: KnowledgeGraph,
	from: string,
	to: string,
	hidden: ((edgeKey: string) => boolean) | undefined
): ConnectionStep {
	// Not graph.edges(from, to): on a directed graph it returns the relationships of both directions.
	const edges: StepEdge[] = [];
	for (const key of graph.outEdges(from, to)) {
		if (!hidden?.(key)) edges.push({ key, source: from, target: to, forward: true });
	}
	for (const key of graph.outEdges(to, from)) {
		if (!hidden?.(key)) edges.push({ key, source: to, target: from, forward: false });
	}
	edges.sort((a, b) =>
		a.forward !== b.forward ? (a.forward ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0
	);
	return { from, to, edges };
}

/** Up to `maxPaths` shortest simple paths from `from` to `to`, best first; see the module comment. */
export function connect(
	graph: KnowledgeGraph,
	from: string,
	to: string,
	options: ConnectOptions = {}
): ConnectResult {
	const missing = [...new Set([from, to])].filter((key) => !graph.hasNode(key));
	if (missing.length > 0) return { kind: 'unknown', missing };
	if (from === to) return { kind: 'same' };

	const maxPaths = Math.max(0, Math.floor(options.maxPaths ?? DEFAULT_MAX_PATHS));
	const maxSteps = Math.max(0, Math.floor(options.maxSteps ?? DEFAULT_MAX_STEPS));
	const hidden = options.hidden;
	const maxVisits = options.maxVisits ?? MAX_RELATIONSHIP_VISITS;

	// Distance to `to` of every entity within `radius` of it, relationships taken either way; any other entity is
	// farther, so `radius + 1` is a lower bound of its distance.
	const radius = Math.ceil(maxSteps / 2);
	const distance = new Map<string, number>();
	if (maxSteps > 0) {
		bfsFromNode(
			graph,
			to,
			(node, _attributes, depth) => {
				distance.set(node, depth);
				return depth >= radius;
			},
			{ mode: 'directed' }
		);
	}
	const atLeast = (node: string) => distance.get(node) ?? radius + 1;

	const found: string[][] = [];
	let visits = 0;
	let truncated = false;
	if (maxSteps > 0 && maxPaths > 0) {
		for (let length = atLeast(from); length <= maxSteps && found.length < maxPaths && !truncated; length++) {
			const queue = new Heap<Candidate>(compareCandidates);
			queue.push({ nodes: [from], max: 0, sum: 0 });
			while (queue.size > 0 && found.length < maxPaths) {
				const candidate = queue.pop() as Candidate;
				const node = candidate.nodes[candidate.nodes.length - 1] as string;
				if (node === to) {
					found.push(candidate.nodes);
					continue;
				}
				if (visits >= maxVisits) {
					truncated = true;
					break;
				}
				// Steps left after the next one.
				const left = length - candidate.nodes.length;
				const reached = new Set<string>();
				graph.forEachEdge(node, (edge, _attributes, source, target) => {
					visits++;
					const next = source === node ? target : source;
					if (next === node || reached.has(next) || hidden?.(edge)) return;
					reached.add(next);
					if (next === to) {
						if (left === 0) queue.push({ ...candidate, nodes: [...candidate.nodes, next] });
						return;
					}
					if (atLeast(next) > left || candidate.nodes.includes(next)) return;
					const degree = graph.degreeWithoutSelfLoops(next);
					queue.push({
						nodes: [...candidate.nodes, next],
						max: Math.max(candidate.max, degree),
						sum: candidate.sum + degree
					});
				});
			}
		}
	}

	if (found.length === 0) return { kind: 'none', maxSteps, truncated };
	return {
		kind: 'paths',
		truncated,
		paths: found.map((nodes) => ({
			nodes,
			steps: nodes.slice(1).map((node, i) => stepBetween(graph, nodes[i] as string, node, hidden))
		}))
	};
}

/** Every entity and relationship on some of `paths`: what the canvas highlights. */
export function pathElements(paths: readonly ConnectionPath[]): { nodes: Set<string>; edges: Set<string> } {
	const nodes = new Set<string>();
	const edges = new Set<string>();
	for (const path of paths) {
		for (const node of path.nodes) nodes.add(node);
		for (const step of path.steps) for (const edge of step.edges) edges.add(edge.key);
	}
	return { nodes, edges };
}
