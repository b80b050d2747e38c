/**
 * What a view shows: the view options that live in the URL (hidden node and relation types, depth around the
 * selected entity, what sizes and colours show, hidden values of the colour attribute), read leniently, and the
 * set of entities and relationships they leave visible. The canvas and the entity panel both draw from
 * `visibleElements`, so they always agree.
 */
import { COLOURING_KINDS, type DataKind, SIZING_KINDS, hasDataKind } from './data-kinds';
import type { KnowledgeGraph } from './build';

export const MAX_DEPTH = 3;

export interface ViewOptions {
	/** Node types not shown. */
	hiddenTypes: ReadonlySet<string>;
	/** Relation (edge) types not shown. */
	hiddenRelations: ReadonlySet<string>;
	/** Only entities within this many steps of the selected entity; null for all. */
	depth: number | null;
	/**
	 * What node size shows: the graph's own sizes (by relationship count), neighbours, betweenness, or a numeric
	 * data attribute (`data:<name>`).
	 */
	size: NodeSizing;
	/**
	 * What node colour shows: the entity type, the community (Louvain) the entity belongs to, or a category (or
	 * yes/no) data attribute (`data:<name>`).
	 */
	color: NodeColouring;
	/** Values of the colour's data attribute not shown (only when colouring by one). */
	hiddenValues: ReadonlySet<string>;
	/** Only the relationships the source states as fact (modality `stated`): none attributed, intended or possible. */
	statedOnly: boolean;
}

/** Sizing or colouring by the data attribute `<name>`. */
export type DataOption = `data:${string}`;
export const NODE_SIZINGS = ['relationships', 'degree', 'betweenness'] as const;
export type NodeSizing = (typeof NODE_SIZINGS)[number] | DataOption;
export const NODE_COLOURINGS = ['type', 'community'] as const;
export type NodeColouring = (typeof NODE_COLOURINGS)[number] | DataOption;

const DATA = 'data:';

/** The data attribute a size or colour option names (`data:<name>`), or null for the other options. */
export const dataAttribute = (option: string): string | null =>
	option.startsWith(DATA) ? option.slice(DATA.length) : null;

export const DEFAULT_VIEW: ViewOptions = {
	hiddenTypes: new Set(),
	hiddenRelations: new Set(),
	depth: null,
	size: 'relationships',
	color: 'type',
	hiddenValues: new Set(),
	statedOnly: false
};

/** `value` if it is one of `allowed`, else the first of them (the default). */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T {
	return allowed.find((option) => option === value) ?? (allowed[0] as T);
}

/** Longest query value read; anything longer is ignored rather than parsed. */
const MAX_PARAM_LENGTH = 2000;
/** Longest hidden value read. */
const LIMITS_VALUE = 200;

/** The entities' data column that `option` (`data:<name>`) names, if it is of one of `kinds`. */
function dataColumn(
	graph: KnowledgeGraph,
	option: string | null,
	kinds: readonly DataKind[]
): string | undefined {
	const name = option && option.length <= MAX_PARAM_LENGTH ? dataAttribute(option) : null;
	return name !== null && hasDataKind(graph, name, kinds) ? name : undefined;
}

/**
 * Reads view options from query parameters: `hide=type,type` (node types), `hideRel=type,type` (relation types),
 * `depth=1|2|3`, `size=degree|betweenness|data:<number attribute>`,
 * `color=community|data:<category or yes/no attribute>`, and with a colour attribute `hideVal=<value>`, once
 * per hidden value; `stated=1` for only what the source states as fact. Unknown types, attributes and values are
 * dropped, depth is clamped to 1–3, anything malformed is ignored.
 */
export function parseViewOptions(params: URLSearchParams, graph: KnowledgeGraph): ViewOptions {
	const { nodeTypes, edgeTypes } = graph.getAttributes();
	const list = (name: string, known: Record<string, unknown>) => {
		const value = params.get(name);
		if (!value || value.length > MAX_PARAM_LENGTH) return new Set<string>();
		return new Set(value.split(',').filter((type) => Object.hasOwn(known, type)));
	};
	const size = params.get('size');
	const color = params.get('color');
	// A number's values can be classes too (Gephi's modularity_class); the legend offers the few-valued ones.
	const colourColumn = dataColumn(graph, color, COLOURING_KINDS);
	return {
		hiddenTypes: list('hide', nodeTypes),
		hiddenRelations: list('hideRel', edgeTypes),
		depth: parseDepth(params.get('depth')),
		size: dataColumn(graph, size, SIZING_KINDS) ? (size as DataOption) : oneOf(NODE_SIZINGS, size),
		color: colourColumn ? (color as DataOption) : oneOf(NODE_COLOURINGS, color),
		// A value no entity has hides nothing; the list is bounded like the others.
		hiddenValues: new Set(
			colourColumn
				? params
						.getAll('hideVal')
						.filter((value) => value.length <= LIMITS_VALUE)
						.slice(0, 100)
				: []
		),
		statedOnly: params.get('stated') === '1'
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

/** The query parameters that view options use. */
export const VIEW_PARAMS = ['hide', 'hideRel', 'depth', 'size', 'color', 'hideVal', 'stated'] as const;

/**
 * The view parameters of `address` (an address's) over those of `defaults` (a step's own view): each parameter the
 * address gives replaces the step's; the rest of the step's stay.
 */
export function viewOver(defaults: string, address: URLSearchParams | string): URLSearchParams {
	const given = typeof address === 'string' ? new URLSearchParams(address) : address;
	const params = new URLSearchParams(defaults);
	for (const name of VIEW_PARAMS) {
		if (!given.has(name)) continue;
		params.delete(name);
		for (const value of given.getAll(name)) params.append(name, value);
	}
	return params;
}

/** `search` (a query string) with its view options replaced by `options`'s, other parameters kept. */
export function withViewOptions(search: string, options: ViewOptions): string {
	const params = new URLSearchParams(search);
	for (const name of VIEW_PARAMS) params.delete(name);
	for (const [name, value] of new URLSearchParams(viewQuery(options))) params.append(name, value);
	const query = readable(params);
	return query ? `?${query}` : '';
}

/** `href` (a path, perhaps with a query) with `options`'s view parameters in place of its own. */
export function hrefWithView(href: string, options: ViewOptions): string {
	const at = href.indexOf('?');
	return at < 0
		? href + withViewOptions('', options)
		: href.slice(0, at) + withViewOptions(href.slice(at), options);
}

/** The query string for `options` (without `?`), in a stable order; empty for the default view. */
export function viewQuery(options: ViewOptions): string {
	const params = new URLSearchParams();
	if (options.hiddenTypes.size > 0) params.set('hide', [...options.hiddenTypes].sort().join(','));
	if (options.hiddenRelations.size > 0) params.set('hideRel', [...options.hiddenRelations].sort().join(','));
	if (options.depth !== null) params.set('depth', String(options.depth));
	if (options.size !== DEFAULT_VIEW.size) params.set('size', options.size);
	if (options.color !== DEFAULT_VIEW.color) params.set('color', options.color);
	for (const value of [...hiddenValues(options)].sort()) params.append('hideVal', value);
	if (options.statedOnly) params.set('stated', '1');
	return readable(params);
}

/** `params` as a query string, with the commas and colons that separate and name values left as they are. */
const readable = (params: URLSearchParams): string =>
	params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');

/** The hidden values of the colour attribute; none unless the view colours by a data attribute. */
const hiddenValues = (options: ViewOptions): ReadonlySet<string> =>
	dataAttribute(options.color) === null ? DEFAULT_VIEW.hiddenValues : options.hiddenValues;

/** Whether `options` hide anything at all (when not, every entity and relationship is visible). */
export function hidesAnything(options: ViewOptions, selected: string | null): boolean {
	return (
		options.hiddenTypes.size > 0 ||
		options.hiddenRelations.size > 0 ||
		hiddenValues(options).size > 0 ||
		options.statedOnly ||
		(options.depth !== null && selected !== null)
	);
}

export interface VisibleElements {
	nodes: Set<string>;
	edges: Set<string>;
}

/**
 * The entities and relationships a view shows. Hidden types and values go first; depth then counts steps (in
 * either direction) over what is left, from `selected`. The selected entity itself is always shown.
 */
export function visibleElements(
	graph: KnowledgeGraph,
	options: ViewOptions,
	selected: string | null
): VisibleElements {
	const edgeShown = (edge: string) => {
		const { type, modality } = graph.getEdgeAttributes(edge);
		return !options.hiddenRelations.has(type) && (!options.statedOnly || (modality ?? 'stated') === 'stated');
	};
	const attribute = dataAttribute(options.color) ?? '';
	const values = hiddenValues(options);
	const valueShown = (node: string) => {
		const data = graph.getNodeAttribute(node, 'data');
		return !data || !Object.hasOwn(data, attribute) || !values.has(String(data[attribute]));
	};
	const nodeShown = (node: string) =>
		node === selected ||
		(!options.hiddenTypes.has(graph.getNodeAttribute(node, 'type')) &&
			(values.size === 0 || valueShown(node)));

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
