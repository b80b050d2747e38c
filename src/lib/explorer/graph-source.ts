/**
 * The graphs the browser has loaded, one fetch per graph per page load: the explorer draws from it, and entity
 * pages of big graphs (which have no prerendered entity files) are built from it.
 *
 * A graph of more than `OFF_THREAD_RELATIONSHIPS` relationships is downloaded and parsed by a worker
 * (graph-worker.ts) and built here a slice at a time, so that the page stays responsive; its search index lives
 * in the worker too (`remoteSearchers`; search-source.ts).
 */
import { type KnowledgeGraph, buildGraph, graphBuilder } from '$lib/graph/build';
import { graphFileHref, metricsHref } from '$lib/links';
import type { GraphMetrics } from '$lib/graph/centrality';
import type { GraphAttributes, GraphFile } from '$lib/graph/schema';
import type { SearchAnswer, Suggestions } from '$lib/graph/search';
import { GraphLoadError, type GraphLoadErrorKind, asGraphLoadError, fetchFile, readJson } from './fetch-file';

/** Above this many relationships a graph is read off the main thread (100,000 unless the build says otherwise). */
export const OFF_THREAD_RELATIONSHIPS = __OFF_THREAD_RELATIONSHIPS__;

export type WorkerRequest =
	| { type: 'load'; url: string }
	| { type: 'search'; id: number; query: string; limit: number; relationLimit: number }
	| { type: 'suggest'; id: number; query: string };

export type WorkerMessage =
	| { type: 'head'; attributes: GraphAttributes; taken: string[] }
	| { type: 'nodes'; items: GraphFile['nodes'] }
	| { type: 'edges'; items: GraphFile['edges'] }
	| { type: 'done' }
	| { type: 'error'; kind: GraphLoadErrorKind; status?: number; message: string }
	| { type: 'results'; id: number; answer: SearchAnswer }
	| { type: 'suggestions'; id: number; suggestions: Suggestions };

/** Search over a loaded graph: at once for a graph indexed in the page, by message for one indexed in a worker. */
export interface Searcher {
	search(query: string, limit: number, relationLimit: number): SearchAnswer | Promise<SearchAnswer>;
	/** What to offer when a query found nothing (asked once the reader pauses). */
	suggest(query: string): Suggestions | Promise<Suggestions>;
}

const loaded = new Map<string, Promise<KnowledgeGraph>>();
/** The searches of graphs that a worker read (and indexed). */
export const remoteSearchers = new WeakMap<KnowledgeGraph, Searcher>();

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
		const url = graphFileHref(id);
		graph =
			relationships > OFF_THREAD_RELATIONSHIPS && typeof Worker !== 'undefined'
				? downloadOffThread(url)
				: download(url, fetcher);
		loaded.set(id, graph);
		graph.catch(() => loaded.delete(id));
	}
	return graph;
}

/** Metrics handed over with a graph (`provideGraph`). */
const givenMetrics = new Map<string, GraphMetrics>();

/**
 * Hands over a graph that is not downloaded (one the reader opened in the browser, read from where it is kept):
 * `fetchGraph` and `fetchMetrics` answer with it from now on.
 */
export function provideGraph(id: string, graph: KnowledgeGraph, metrics: GraphMetrics | null): void {
	loaded.set(id, Promise.resolve(graph));
	if (metrics) givenMetrics.set(id, metrics);
	else givenMetrics.delete(id);
}

/** Whether the page holds the graph `id` already (downloaded, being downloaded, or handed over). */
export const hasGraph = (id: string): boolean => loaded.has(id);

/** Forgets a graph handed over (it was removed), so that it is looked for again. */
export function forgetGraph(id: string): void {
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

function downloadOffThread(url: string): Promise<KnowledgeGraph> {
	return new Promise((done, fail) => {
		const worker = new Worker(new URL('./graph-worker.ts', import.meta.url), { type: 'module' });
		let builder: ReturnType<typeof graphBuilder> | null = null;
		let nextId = 0;
		/** Each query's answer or suggestions, by id, while the worker works on it. */
		const waiting = new Map<number, (reply: unknown) => void>();
		const ask = <T>(request: (id: number) => WorkerRequest) =>
			new Promise<T>((reply) => {
				const id = nextId++;
				waiting.set(id, reply as (reply: unknown) => void);
				post(request(id));
			});
		const post = (request: WorkerRequest) => worker.postMessage(request);
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			// The worker's script did not arrive or did not start.
			fail(
				new GraphLoadError('network', `${url} could not be read: ${event.message || 'the worker failed'}`)
			);
		};
		worker.onmessage = ({ data: message }: MessageEvent<WorkerMessage>) => {
			try {
				receive(message);
			} catch (error) {
				worker.terminate();
				fail(asGraphLoadError(error));
			}
		};
		const receive = (message: WorkerMessage) => {
			switch (message.type) {
				case 'head':
					performance.mark('kge:data');
					builder = graphBuilder(message.attributes, message.taken);
					break;
				case 'nodes':
					builder?.addNodes(message.items);
					break;
				case 'edges':
					builder?.addEdges(message.items);
					break;
				case 'done':
					if (!builder) return;
					remoteSearchers.set(builder.graph, {
						search: (query, limit, relationLimit) =>
							ask<SearchAnswer>((id) => ({ type: 'search', id, query, limit, relationLimit })),
						suggest: (query) => ask<Suggestions>((id) => ({ type: 'suggest', id, query }))
					});
					done(builder.graph);
					break;
				case 'error':
					worker.terminate();
					fail(new GraphLoadError(message.kind, message.message, message.status));
					break;
				case 'results':
				case 'suggestions':
					waiting.get(message.id)?.(message.type === 'results' ? message.answer : message.suggestions);
					waiting.delete(message.id);
					break;
			}
		};
		post({ type: 'load', url: new URL(url, location.href).href });
	});
}
