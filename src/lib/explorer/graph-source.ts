/**
 * The graphs the browser has loaded, one fetch per graph per page load: the explorer draws from it, and entity
 * pages of big graphs (which have no prerendered entity files) are built from it.
 *
 * A graph of more than `OFF_THREAD_RELATIONSHIPS` relationships is downloaded and parsed by a worker
 * (graph-worker.ts) and built a slice at a time, so that the page stays responsive; its search index lives
 * in the worker too (`remoteSearchers`; search-source.ts). That code is off-thread.ts, loaded only for such graphs.
 * Above `DRAWING_FILE_RELATIONSHIPS` the worker reads the graph's drawing file instead of its whole file, and an
 * entity's details (descriptions, claims …) are fetched when it is opened (`fetchDetails`; graph/drawn-graph.ts).
 * A graph opened in the browser above that threshold is held whole by a worker of its own, and drawn the same way
 * (open-file.ts; `provideGraph`).
 */
import { type KnowledgeGraph, buildGraph } from '$lib/graph/build';
import type { DetailShard, DrawingHead, DrawnEdges, DrawnNodes } from '$lib/graph/drawn-graph';
import { graphFileHref, metricsHref } from '$lib/links';
import type { GraphMetrics } from '$lib/graph/centrality';
import type { GraphAttributes, GraphFile } from '$lib/graph/schema';
import type { SearchAnswer, Suggestions } from '$lib/graph/search';
import { type EntityDetails, entityDetails } from '$lib/graph/query';
import type { KeptNote } from './local-graphs';
import {
	type GraphLoadErrorKind,
	asGraphLoadError,
	describeLoadError,
	fetchFile,
	readJson
} from './fetch-file';

/** Above this many relationships a graph is read off the main thread (100,000 unless the build says otherwise). */
export const OFF_THREAD_RELATIONSHIPS = __OFF_THREAD_RELATIONSHIPS__;
/** Above this many relationships a graph is drawn from its drawing file (100,000 unless the build says otherwise). */
export const DRAWING_FILE_RELATIONSHIPS = __DRAWING_FILE_RELATIONSHIPS__;

export type WorkerRequest =
	| { type: 'load'; url: string }
	| { type: 'draw'; url: string; texts: string }
	| { type: 'read-kept'; name: string }
	| { type: 'shard'; id: number; shard: number }
	| { type: 'search'; id: number; query: string; limit: number; relationLimit: number }
	| { type: 'suggest'; id: number; query: string };

export type WorkerMessage =
	| { type: 'head'; attributes: GraphAttributes; taken: string[] }
	| { type: 'nodes'; items: GraphFile['nodes'] }
	| { type: 'edges'; items: GraphFile['edges'] }
	| { type: 'drawing'; head: DrawingHead }
	| { type: 'drawn-nodes'; slice: DrawnNodes }
	| { type: 'drawn-edges'; slice: DrawnEdges }
	| { type: 'done' }
	| { type: 'indexed' }
	| { type: 'error'; kind: GraphLoadErrorKind; status?: number; message: string }
	| { type: 'results'; id: number; answer: SearchAnswer }
	| { type: 'suggestions'; id: number; suggestions: Suggestions }
	| { type: 'kept'; note: KeptNote; whyNot: string | null; metrics?: GraphMetrics }
	| { type: 'shard'; id: number; shard: DetailShard | null; why?: string };

/** Search over a loaded graph: at once for a graph indexed in the page, by message for one indexed in a worker. */
export interface Searcher {
	search(query: string, limit: number, relationLimit: number): SearchAnswer | Promise<SearchAnswer>;
	/** What to offer when a query found nothing (asked once the reader pauses). */
	suggest(query: string): Suggestions | Promise<Suggestions>;
	/**
	 * Calls `listener` when the same query may now find more (a big graph's texts indexed after its names);
	 * returns how to stop. Absent where answers never change.
	 */
	onchange?(listener: () => void): () => void;
}

/** A drawn graph's details, fetched by shard (off-thread.ts). */
export interface DetailsSource {
	/** Adds the details of entity `key` and of its relationships to the graph; rejects with a GraphLoadError. */
	fetch(key: string): Promise<void>;
	/** Starts fetching the details of `keys` (an opened entity's neighbours) when the page is idle. */
	prefetch(keys: readonly string[]): void;
	/** Adds the details of every entity of `keys` and of their relationships (for an export). */
	fetchAll(keys: Iterable<string>): Promise<void>;
	/** Lets go of a graph a worker of its own holds (a big graph opened in the browser): stops the worker. */
	release?(): void;
}

const loaded = new Map<string, Promise<KnowledgeGraph>>();
/** The searches of graphs that a worker read (and indexed). */
export const remoteSearchers = new WeakMap<KnowledgeGraph, Searcher>();
/** The details of graphs drawn from a drawing file. */
export const detailSources = new WeakMap<KnowledgeGraph, DetailsSource>();

/**
 * Brings the details of the entities `keys` of `graph`, and of their relationships, into it where they are fetched
 * apart (a drawn graph), so that a file made of them holds everything; rejects with a GraphLoadError.
 */
export async function fetchAllDetails(graph: KnowledgeGraph, keys: Iterable<string>): Promise<void> {
	await detailSources.get(graph)?.fetchAll(keys);
}

/** Above this many relationships an entity's page renders in a task after the one that gathered its details. */
const HUB_RELATIONSHIPS = 1000;

/**
 * Starts fetching the details of entity `key` when the page is idle, where a drawn graph fetches them apart (an
 * entity about to be opened: the search's result that Enter would open). Nothing for other graphs.
 */
export function prefetchDetails(graph: KnowledgeGraph, key: string): void {
	if (graph.hasNode(key)) detailSources.get(graph)?.prefetch([key]);
}

/**
 * Entity `key` of a loaded graph with its details: for a drawn graph, fetched first (and its neighbours' soon
 * after), or if they cannot be, the entity as drawn, saying why its details are missing. Null for no such entity.
 */
export async function detailedEntity(graph: KnowledgeGraph, key: string): Promise<EntityDetails | null> {
	const source = detailSources.get(graph);
	let detailsMissing: string | undefined;
	if (source && graph.hasNode(key)) {
		try {
			await source.fetch(key);
			source.prefetch(graph.neighbors(key));
		} catch (failure) {
			detailsMissing = describeLoadError(asGraphLoadError(failure));
		}
	}
	const details = entityDetails(graph, key);
	// A hub's details take tens of milliseconds to gather (40 ms for 4,861 relationships), and the page that shows
	// them as long to render: rendering starts in a task of its own, so that neither makes the other longer. Other
	// entities are shown in the same task, before the canvas draws its next frame.
	if (source && (details?.degree ?? 0) > HUB_RELATIONSHIPS)
		await new Promise((resolve) => setTimeout(resolve, 0));
	return details && detailsMissing ? { ...details, detailsMissing } : details;
}

/**
 * The graph `id` from `/api/graphs/<id>.json`; a failed load is forgotten so that the next call retries.
 * `relationships`: how many the graph has (from its about.json), when known; big graphs load in a worker.
 */
export function fetchGraph(
	id: string,
	fetcher: typeof fetch = fetch,
	relationships = 0
): Promise<KnowledgeGraph> {
	let graph = loaded.get(id);
	if (!graph) {
		// A graph with a drawing file is read by the worker, whichever threshold is lower.
		const drawn = relationships > DRAWING_FILE_RELATIONSHIPS;
		graph =
			(drawn || relationships > OFF_THREAD_RELATIONSHIPS) && typeof Worker !== 'undefined'
				? import('./off-thread').then((module) => module.readOffThread({ id, drawn }))
				: download(graphFileHref(id), fetcher);
		loaded.set(id, graph);
		graph.catch(() => loaded.delete(id));
	}
	return graph;
}

/** Metrics handed over with a graph (`provideGraph`), or the promise of them. */
const givenMetrics = new Map<string, GraphMetrics | Promise<GraphMetrics | null>>();

/**
 * Hands over a graph that is not downloaded (one the reader opened in the browser, read from where it is kept, or
 * drawn by the worker that holds it), or the promise of it: `fetchGraph` and `fetchMetrics` answer with it from now
 * on. A graph it replaces is forgotten first (`forgetGraph`), and one that fails to arrive too.
 */
export function provideGraph(
	id: string,
	graph: KnowledgeGraph | Promise<KnowledgeGraph>,
	metrics: GraphMetrics | null | Promise<GraphMetrics | null>
): void {
	loaded.set(id, Promise.resolve(graph));
	if (metrics) givenMetrics.set(id, metrics);
	else givenMetrics.delete(id);
}

/** Whether the page holds the graph `id` already (downloaded, being downloaded, or handed over). */
export const hasGraph = (id: string): boolean => loaded.has(id);

/** Forgets a graph handed over (it was removed), so that it is looked for again. */
export function forgetGraph(id: string): void {
	// A graph a worker holds: stop the worker.
	void loaded.get(id)?.then(
		(graph) => detailSources.get(graph)?.release?.(),
		() => {}
	);
	loaded.delete(id);
	givenMetrics.delete(id);
}

/** The metrics of a graph: handed over with it, or from the site's JSON API; null when there are none. */
export async function fetchMetrics(id: string, fetcher: typeof fetch = fetch): Promise<GraphMetrics | null> {
	const given = givenMetrics.get(id);
	if (given) return given;
	const response = await fetcher(metricsHref(id)).catch(() => null);
	return response?.ok ? ((await response.json()) as GraphMetrics) : null;
}

async function download(url: string, fetcher: typeof fetch): Promise<KnowledgeGraph> {
	const data = (await readJson(await fetchFile(url, fetcher), url)) as GraphFile;
	// "Data in hand": where the first-frame benchmark (tests/bench/first-frame.ts) starts its clock.
	performance.mark('kge:data');
	// The file was validated when the site was built: building it needs no validator in the page.
	return buildGraph(data);
}
