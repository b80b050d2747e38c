/**
 * Sizes shared by the layout (node, build time) and the renderer (browser). Kept apart from layout.ts so that
 * the browser bundle does not take in the layout algorithms.
 */

/** Half the width of the box the layout is scaled into; about the pixels of half a canvas at the default zoom. */
export const LAYOUT_RADIUS = 500;

/** The size a node is drawn at when the data gives none: it grows with the number of relationships. */
export function defaultNodeSize(degree: number): number {
	return Math.min(24, 4 + 2.2 * Math.sqrt(degree));
}
