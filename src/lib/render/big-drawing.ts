/**
 * What only big graphs draw with: sigma's thin straight lines for relationships (no arrowheads, no curves).
 * renderer.ts loads this module only for a graph above BIG_GRAPH_EDGES relationships, so that other pages (and
 * embeds, within their weight budget) do not download the program.
 */
export { EdgeLineProgram } from 'sigma/rendering';
