/**
 * The one place that reads sigma's private fields. Big graphs drawn without a graphics card replace some of
 * sigma's inner workings (lean-drawing.ts); those parts are private in sigma's types and read here as sigma 3.0.3
 * (pinned exactly in package.json) has them. Every renderer checks them when it starts, so that a sigma upgrade
 * that moves them fails at once, on every graph and in every browser test, with a message that names them, and
 * not later in a big-graph session.
 */
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import type { Coordinates, NodeDisplayData } from 'sigma/types';

export interface SigmaInternals {
	/** The layers whose picking texture sigma allocates again before every frame. */
	pickingLayers: Set<string>;
	/** Finds the entity under the pointer (with the picking pass). */
	getNodeAtPosition(position: Coordinates): string | null;
	/** Searches every relationship for labels to draw, on every still frame. */
	renderEdgeLabels(): unknown;
	/** What sigma draws for each entity (getNodeDisplayData copies it on every call). */
	nodeDataCache: Record<string, NodeDisplayData>;
}

/** The fields above and the type of each: the methods are functions, the rest objects (a Set, a record). */
const EXPECTED: [keyof SigmaInternals, 'function' | 'object'][] = [
	['pickingLayers', 'object'],
	['getNodeAtPosition', 'function'],
	['renderEdgeLabels', 'function'],
	['nodeDataCache', 'object']
];

/** The names of the private parts that `target` lacks (or has in another shape). */
export function missingInternals(target: object): string[] {
	const fields = target as Record<string, unknown>;
	return EXPECTED.filter(([name, type]) => typeof fields[name] !== type || fields[name] === null).map(
		([name]) => name
	);
}

/**
 * `sigma`'s private parts; throws when any of them is missing, with a message that names them (the renderer's
 * caller shows it where the graph would be: "The graph could not be drawn: …").
 */
export function sigmaInternals<N extends Attributes, E extends Attributes, G extends Attributes>(
	sigma: Sigma<N, E, G>
): SigmaInternals {
	const missing = missingInternals(sigma);
	if (missing.length > 0)
		throw new Error(
			`this sigma lacks ${missing.join(', ')} (src/lib/render/sigma-internals.ts reads them); pin sigma 3.0.3`
		);
	// Checked just above; sigma's types declare these private.
	return sigma as unknown as SigmaInternals;
}
