/**
 * The drawing file, detail shards and search texts of the graphs drawn from a drawing file (prerender.ts
 * `hasDrawingFile`), each made once per build; the shards and search texts carry the drawing file's stamp.
 */
import { stampOf } from '../graph/drawing-file';
import {
	type DetailShard,
	type SearchTexts,
	detailShards,
	drawingOf,
	searchTexts
} from '../graph/drawn-graph';
import { findGraph } from './graphs';
import { hasDrawingFile } from './prerender';

const drawings = new Map<string, Uint8Array<ArrayBuffer>>();
const shards = new Map<string, DetailShard[]>();

/** The graph `id` if it is drawn from a drawing file; undefined for none or a graph that is not. */
function drawnGraph(id: string) {
	const graph = findGraph(id);
	return graph && hasDrawingFile(graph) ? graph : undefined;
}

/** The drawing file of graph `id`; undefined when it has none. */
export function drawingFile(id: string): Uint8Array<ArrayBuffer> | undefined {
	const graph = drawnGraph(id);
	if (!graph) return undefined;
	let bytes = drawings.get(id);
	if (!bytes) drawings.set(id, (bytes = drawingOf(graph)));
	return bytes;
}

/** Every detail shard of graph `id`; empty when it is not drawn from a drawing file. */
export function shardsOf(id: string): readonly DetailShard[] {
	const graph = drawnGraph(id);
	const drawing = drawingFile(id);
	if (!graph || !drawing) return [];
	let all = shards.get(id);
	if (!all) shards.set(id, (all = detailShards(graph, stampOf(drawing))));
	return all;
}

/** Detail shard `shard` (its number, as the address writes it) of graph `id`; undefined when there is none. */
export function detailShardOf(id: string, shard: string): DetailShard | undefined {
	return /^(0|[1-9]\d*)$/.test(shard) ? shardsOf(id)[Number(shard)] : undefined;
}

/** The search texts of graph `id`; undefined when it is not drawn from a drawing file. */
export function searchTextsOf(id: string): SearchTexts | undefined {
	const graph = drawnGraph(id);
	const drawing = drawingFile(id);
	return graph && drawing && searchTexts(graph, stampOf(drawing));
}
