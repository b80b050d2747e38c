/**
 * How far the static build goes for big graphs. Every graph gets its overview page, its graph file and its
 * summary; entity pages and entity JSON files are prerendered only for graphs of at most
 * `maxPrerenderedEntities()` entities (PRERENDER_MAX_ENTITIES, default 5,000). Above that, the browser builds
 * entity pages from the graph file it loads for the explorer anyway (see docs/performance.md, "Big graphs").
 *
 * Why 5,000: measured on 2 cores, a 10k-entity / 50k-relationship graph prerenders in about 40 s into 30,000
 * files and 490 MB (an HTML page, a data file and a JSON file per entity); 100k would take minutes, gigabytes
 * and more files than common static hosts accept in one deploy (Cloudflare Pages: 20,000).
 */
import type { KnowledgeGraph } from '../graph/build';
import { allGraphs } from './graphs';

export const DEFAULT_MAX_PRERENDERED_ENTITIES = 5000;

/** The build setting `name` (a whole number of `what`), or `fallback` when it is unset; throws when it is not one. */
function countSetting(name: string, what: string, fallback: number): number {
	const value = process.env[name];
	if (value === undefined || value.trim() === '') return fallback;
	const limit = Number(value);
	if (!Number.isSafeInteger(limit) || limit < 0) {
		throw new Error(`${name} must be a whole number of ${what}, not “${value}”.`);
	}
	return limit;
}

/** The entity count up to which a graph's entity pages are prerendered, from PRERENDER_MAX_ENTITIES. */
export function maxPrerenderedEntities(): number {
	return countSetting('PRERENDER_MAX_ENTITIES', 'entities', DEFAULT_MAX_PRERENDERED_ENTITIES);
}

/** Whether the build writes a page and a JSON file for every entity of `graph`. */
export function hasEntityPages(graph: KnowledgeGraph): boolean {
	return graph.order <= maxPrerenderedEntities();
}

/** Default of DRAWING_FILE_RELATIONSHIPS: the same as the client's OFF_THREAD_RELATIONSHIPS (vite.config.ts). */
export const DEFAULT_DRAWING_FILE_RELATIONSHIPS = 100_000;

/**
 * The relationship count above which the build writes a graph's drawing file, detail shards and search texts
 * (graph/drawn-graph.ts), from DRAWING_FILE_RELATIONSHIPS; the page reads the same setting (vite.config.ts).
 */
export function drawingFileRelationships(): number {
	return countSetting('DRAWING_FILE_RELATIONSHIPS', 'relationships', DEFAULT_DRAWING_FILE_RELATIONSHIPS);
}

/** Whether the browser draws `graph` from a drawing file and fetches its details by shard. */
export function hasDrawingFile(graph: KnowledgeGraph): boolean {
	return graph.size > drawingFileRelationships();
}

/** `{graph}` of every graph drawn from a drawing file. */
export function drawnGraphEntries(): { graph: string }[] {
	return [...allGraphs()].filter(([, graph]) => hasDrawingFile(graph)).map(([graph]) => ({ graph }));
}

/** `{graph, entity}` for every prerendered entity page and entity JSON file. */
export function entityEntries(): { graph: string; entity: string }[] {
	return [...allGraphs()]
		.filter(([, graph]) => hasEntityPages(graph))
		.flatMap(([id, graph]) => graph.mapNodes((entity) => ({ graph: id, entity })));
}

/** `{graph, story, steps}` for every story of every graph: its overview and step pages are prerendered. */
export function storyEntries(): { graph: string; story: string; steps: number }[] {
	return [...allGraphs()].flatMap(([id, graph]) =>
		(graph.getAttribute('stories') ?? []).map((story) => ({
			graph: id,
			story: story.id,
			steps: story.steps.length
		}))
	);
}

/** `{graph, story, step}` for every step of every story: each step's page (explorer and embed) is prerendered. */
export function storyStepEntries(): { graph: string; story: string; step: string }[] {
	return storyEntries().flatMap(({ graph, story, steps }) =>
		Array.from({ length: steps }, (_, i) => ({ graph, story, step: String(i + 1) }))
	);
}
