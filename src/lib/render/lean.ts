/**
 * Sizes for the lean drawing of big graphs without a graphics card (lean-drawing.ts re-exports them). Apart from
 * it so that node can test them: sigma, which lean-drawing.ts imports, needs WebGL at import time.
 */

/**
 * Entities of a lean drawing are smaller: without a graphics card every pixel of every disc costs. On a plain
 * WebGL page at 1280×800, SwiftShader drew 100,000 discs 12 px wide (covering the page eleven times over) in
 * ~150 ms a frame, and 4 px wide (about once over) in ~75 ms. So the discs together cover at most LEAN_COVER
 * times the drawing's area when the whole graph is in view; each stays between a tenth and half its own size.
 * At 100k/500k, panning's longest frame went from 74–88 ms to 68–73 ms when this went from 1.5 to 1.0.
 */
export const LEAN_COVER = 1.0;

/** The factor for the sizes of a lean drawing's entities (sigma's size is a disc's radius in pixels). */
export function leanScale(sizes: Iterable<number>, area: number): number {
	let discs = 0;
	for (const size of sizes) discs += Math.PI * size * size;
	if (!(discs > 0) || !(area > 0)) return 0.5;
	return Math.min(0.5, Math.max(0.1, Math.sqrt((LEAN_COVER * area) / discs)));
}
