/**
 * Node sizes and colours from the graph's metrics (src/lib/server/metrics.ts, served as metrics.json) or from
 * the entities' data attributes: sizes by neighbours, betweenness or a number, colours by community or by a
 * category. Plain data for the renderer; null keeps the graph's own look. Loaded only by views that ask for it.
 */
import type { KnowledgeGraph } from './build';
import { COLOURING_KINDS, SIZING_KINDS, hasDataKind } from './data-kinds';
import type { GraphMetrics } from './centrality';
import type { Data, DataValue } from './schema';
import { type NodeColouring, type NodeSizing, type ViewOptions, dataAttribute } from './view';

/** Per-entity sizes and colours that replace the graph's own (null keeps the graph's). */
export interface Appearance {
	sizes: ReadonlyMap<string, number> | null;
	colors: ReadonlyMap<string, string> | null;
}

/** Community colours: Okabe–Ito, then Paul Tol's muted scheme; communities past the palette share grey. */
export const COMMUNITY_PALETTE = [
	'#0072B2',
	'#E69F00',
	'#009E73',
	'#CC79A7',
	'#D55E00',
	'#56B4E9',
	'#882255',
	'#117733',
	'#999933',
	'#332288',
	'#AA4499',
	'#44AA99'
] as const;
export const OTHER_COMMUNITIES = '#9a9a9a';

const MIN_SIZE = 4;
const MAX_SIZE = 24;

/** The size for `share` (0 to 1) of the largest: the area grows with it. */
const sizeFor = (share: number): number => MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(share);

/** Sizes from 4 to 24 by the square root of the score (area grows with it); null for the graph's own sizes. */
export function nodeSizes(metrics: GraphMetrics, sizing: NodeSizing): Map<string, number> | null {
	const scores = sizing === 'degree' ? metrics.degree : sizing === 'betweenness' ? metrics.betweenness : null;
	if (!scores) return null;
	const max = Math.max(0, ...scores);
	return new Map(
		metrics.keys.map((key, i) => {
			return [key, sizeFor(max > 0 ? (scores[i] ?? 0) / max : 0)];
		})
	);
}

export const communityColor = (community: number): string =>
	COMMUNITY_PALETTE[community] ?? OTHER_COMMUNITIES;

/** Colours by community; null for colours by type. */
export function nodeColors(metrics: GraphMetrics, colouring: NodeColouring): Map<string, string> | null {
	if (colouring !== 'community') return null;
	return new Map(metrics.keys.map((key, i) => [key, communityColor(metrics.community[i] ?? -1)]));
}

/** The sizes and colours a view asks for; `metrics` null while they are not loaded (or not needed). */
export function viewAppearance(
	graph: KnowledgeGraph,
	metrics: GraphMetrics | null,
	options: Pick<ViewOptions, 'size' | 'color'>
): Appearance {
	const sizeAttribute = dataAttribute(options.size);
	const colourAttribute = dataAttribute(options.color);
	return {
		sizes:
			sizeAttribute !== null ? dataSizes(graph, sizeAttribute) : metrics && nodeSizes(metrics, options.size),
		colors:
			colourAttribute !== null
				? dataColors(graph, colourAttribute)
				: metrics && nodeColors(metrics, options.color)
	};
}

/** The value of data attribute `name` in `data`; undefined for none. */
const valueOf = (data: Data | undefined, name: string): DataValue | undefined =>
	data && Object.hasOwn(data, name) ? data[name] : undefined;

/** The value as text, the way categories count it (attributes.ts); undefined for none. */
const textOf = (data: Data | undefined, name: string): string | undefined => {
	const value = valueOf(data, name);
	return value === undefined ? undefined : String(value);
};

/** One row of the key of a colour attribute: a value, its colour and how many entities have it. */
export interface DataKeyRow {
	value: string;
	color: string;
	count: number;
}

/**
 * The key of colouring by the category (or yes/no) attribute `name`: its values commonest first, each with a
 * palette colour (values past the palette share grey); empty when `name` is no such attribute.
 */
export function dataKey(graph: KnowledgeGraph, name: string): DataKeyRow[] {
	if (!hasDataKind(graph, name, COLOURING_KINDS)) return [];
	const counts = new Map<string, number>();
	graph.forEachNode((_key, attributes) => {
		const value = textOf(attributes.data, name);
		if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
	});
	return [...counts]
		.map(([value, count]) => ({ value, count }))
		.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'en'))
		.map(({ value, count }, i) => ({ value, count, color: communityColor(i) }));
}

/** Colours by the category (or yes/no) attribute `name` (grey for entities without it); null if no such one. */
export function dataColors(graph: KnowledgeGraph, name: string): Map<string, string> | null {
	const key = dataKey(graph, name);
	if (key.length === 0) return null;
	const colours = new Map(key.map((row) => [row.value, row.color]));
	return new Map(
		graph.mapNodes((node, attributes) => {
			const value = textOf(attributes.data, name);
			return [node, (value !== undefined && colours.get(value)) || OTHER_COMMUNITIES];
		})
	);
}

/**
 * Sizes from 4 to 24 by the square root of the numeric attribute `name`, scaled between its smallest and its
 * largest value (all the largest when every value is the same); entities without it get the smallest size. Null
 * if `name` is no numeric attribute.
 */
export function dataSizes(graph: KnowledgeGraph, name: string): Map<string, number> | null {
	if (!hasDataKind(graph, name, SIZING_KINDS)) return null;
	let [min, max] = [Infinity, -Infinity];
	graph.forEachNode((_key, attributes) => {
		const value = valueOf(attributes.data, name);
		if (typeof value === 'number') [min, max] = [Math.min(min, value), Math.max(max, value)];
	});
	const range = max - min;
	return new Map(
		graph.mapNodes((node, attributes) => {
			const value = valueOf(attributes.data, name);
			return [node, typeof value === 'number' ? sizeFor(range > 0 ? (value - min) / range : 1) : MIN_SIZE];
		})
	);
}
