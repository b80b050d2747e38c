/**
 * Node sizes and colours from the graph's metrics (src/lib/server/metrics.ts, served as metrics.json): sizes by
 * neighbours or betweenness, colours by community. Plain data for the renderer; null keeps the graph's own look.
 */
import type { GraphMetrics } from './centrality';
import type { NodeColouring, NodeSizing } from './view';

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

/** Sizes from 4 to 24 by the square root of the score (area grows with it); null for the graph's own sizes. */
export function nodeSizes(metrics: GraphMetrics, sizing: NodeSizing): Map<string, number> | null {
	const scores = sizing === 'degree' ? metrics.degree : sizing === 'betweenness' ? metrics.betweenness : null;
	if (!scores) return null;
	const max = Math.max(0, ...scores);
	return new Map(
		metrics.keys.map((key, i) => {
			const share = max > 0 ? Math.sqrt((scores[i] ?? 0) / max) : 0;
			return [key, MIN_SIZE + (MAX_SIZE - MIN_SIZE) * share];
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
