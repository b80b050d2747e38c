/**
 * What a view shows: the view options that live in the URL (hidden node and relation types, depth around the
 * selected entity), read leniently, and the set of entities and relationships they leave visible. The canvas
 * and the entity panel both draw from `visibleElements`, so they always agree.
 */
import type { KnowledgeGraph } from './build';

export const MAX_DEPTH = 3;

export interface ViewOptions {
	/** Node types not shown. */
	hiddenTypes: ReadonlySet<string>;
	/** Relation (edge) types not shown. */
	hiddenRelations: ReadonlySet<string>;
	/** Only entities within this many steps of the selected entity; null for all. */
	depth: number | null;
}

export const DEFAULT_VIEW: ViewOptions = { hiddenTypes: new Set(), hiddenRelations: new Set(), depth: null };

/** Longest query value read; anything longer is ignored rather than parsed. */
const MAX_PARAM_LENGTH = 2000;

/**
 * Reads view options from query parameters: `hide=type,type` (node types), `hideRel=type,type` (relation types),
 * `depth=1|2|3`. Unknown types are dropped, depth is clamped to 1–3, anything malformed is ignored.
 */
export function parseViewOptions(params: URLSearchParams, graph: KnowledgeGraph): ViewOptions {
	const { nodeTypes, edgeTypes } = graph.getAttributes();
	const list = (name: string, known: Record<string, unknown>) => {
		const value = params.get(name);
		if (!value || value.length > MAX_PARAM_LENGTH) return new Set<string>();
		return new Set(value.split(',').filter((type) => Object.hasOwn(known, type)));
	};
	return {
		hiddenTypes: list('hide', nodeTypes),
		hiddenRelations: list('hideRel', edgeTypes),
		depth: parseDepth(params.get('depth'))
	};
}

function parseDepth(value: string | null): number | null {
	if (value === null || !/^-?\d{1,6}$/.test(value.trim())) return null;
	const depth = Number(value);
	return Math.min(MAX_DEPTH, Math.max(1, depth));
}

/** A copy of `set` with `value` added, or removed if it was there. */
export function toggled(set: ReadonlySet<string>, value: string): Set<string> {
	const next = new Set(set);
	if (next.has(value)) next.delete(value);
	else next.add(value);
	return next;
}

/** The query string for `options` (without `?`), in a stable order; empty for the default view. */
export function viewQuery(options: ViewOptions): string {
	const params = new URLSearchParams();
	if (options.hiddenTypes.size > 0) params.set('hide', [...options.hiddenTypes].sort().join(','));
	if (options.hiddenRelations.size > 0) params.set('hideRel', [...options.hiddenRelations].sort().join(','));
	if (options.depth !== null) params.set('depth', String(options.depth));
	return params.toString().replaceAll('%2C', ',');
}

export interface VisibleElements {
	nodes: Set<string>;
	edges: Set<string>;
}

/**
 * The entities and relationships a view shows. Hidden types go first; depth then counts steps (in either
 * direction) over what is left, from `selected`. The selected entity itself is always shown.
 */
export function visibleElements(
	graph: KnowledgeGraph,
	options: ViewOptions,
	selected: string | null
): VisibleElements {
	const edgeShown = (edge: string) => !options.hiddenRelations.has(graph.getEdgeAttribute(edge, 'type'));
	const nodeShown = (node: string) =>
		node === selected || !options.hiddenTypes.has(graph.getNodeAttribute(node, 'type'));

	let nodes: Set<string>;
	if (options.depth !== null && selected !== null && graph.hasNode(selected)) {
		nodes = new Set([selected]);
		let frontier = [selected];
		for (let step = 0; step < options.depth && frontier.length > 0; step++) {
			const next: string[] = [];
			for (const node of frontier) {
				graph.forEachEdge(node, (edge, _attributes, source, target) => {
					const other = source === node ? target : source;
					if (nodes.has(other) || !edgeShown(edge) || !nodeShown(other)) return;
					nodes.add(other);
					next.push(other);
				});
			}
			frontier = next;
		}
	} else {
		nodes = new Set(graph.filterNodes((node) => nodeShown(node)));
	}
	const edges = new Set(
		graph.filterEdges(
			(edge, _attributes, source, target) => edgeShown(edge) && nodes.has(source) && nodes.has(target)
		)
	);
	return { nodes, edges };
}
