/**
 * The baseline of the first-frame benchmark: sigma and graphology alone, given the same graph file and the same
 * sigma settings as the explorer (src/lib/render/renderer.ts), with the least mapping sigma needs (node size and
 * colour from the file's types; sigma reads a `type` attribute as the name of a drawing program).
 * Marks `kge:data` when the parsed file is in hand and `kge:first-frame` at the animation frame after sigma's first
 * render, as the app does.
 */
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import Sigma from 'sigma';
import { EdgeArrowProgram } from 'sigma/rendering';
import { defaultNodeSize } from '../../../src/lib/graph/geometry';
import type { GraphFile } from '../../../src/lib/graph/schema';

const url = new URLSearchParams(location.search).get('graph') ?? '';
const data = (await (await fetch(url)).json()) as GraphFile;
performance.mark('kge:data');

const graph = new MultiDirectedGraph({ allowSelfLoops: true });
graph.import(data as unknown as SerializedGraph);
const { nodeTypes } = data.attributes;
graph.updateEachNodeAttributes((key, attributes) => ({
	x: attributes.x,
	y: attributes.y,
	label: attributes.label,
	size: attributes.size ?? defaultNodeSize(graph.degree(key)),
	color: nodeTypes[attributes.type]?.color ?? '#999999'
}));
graph.updateEachEdgeAttributes((_key, attributes) => ({ label: attributes.label, size: 1.5, type: 'arrow' }));

const container = document.getElementById('graph') as HTMLElement;
const sigma = new Sigma(graph, container, {
	itemSizesReference: 'screen',
	defaultEdgeType: 'arrow',
	edgeProgramClasses: { arrow: EdgeArrowProgram },
	renderEdgeLabels: true,
	labelSize: 13,
	edgeLabelSize: 11,
	labelDensity: 1,
	labelGridCellSize: 60,
	labelRenderedSizeThreshold: 4,
	zIndex: true,
	stagePadding: 40,
	minCameraRatio: 0.05,
	maxCameraRatio: 4
});
// sigma draws synchronously in its constructor: the next animation frame shows it (as in the explorer).
void sigma;
requestAnimationFrame(() => performance.mark('kge:first-frame'));
