/**
 * A big graph read off the main thread (graph-source.ts loads this module only for such graphs): a worker
 * (graph-worker.ts) downloads the graph's file, or its drawing file above DRAWING_FILE_RELATIONSHIPS, and hands it
 * over in slices, each one short task for the page to add to its graph; then it answers the graph's searches.
 * A drawn graph's details are fetched here by shard when an entity is opened, and its neighbours' when the page
 * is idle.
 */
import { type KnowledgeGraph, graphBuilder } from '$lib/graph/build';
import { DrawingFileError } from '$lib/graph/drawing-file';
import {
	type DetailShard,
	addDetails,
	asDetailShard,
	detailShard,
	drawnGraphBuilder
} from '$lib/graph/drawn-graph';
import { NO_ANSWER, NO_SUGGESTIONS, type SearchAnswer, type Suggestions } from '$lib/graph/search';
import { detailShardHref, drawingHref, graphFileHref, searchTextsHref } from '$lib/links';
import { GraphLoadError, asGraphLoadError, fetchFile, readJson, refusedFile } from './fetch-file';
import {
	type DetailsSource,
	type WorkerMessage,
	type WorkerRequest,
	detailSources,
	remoteSearchers
} from './graph-source';

/** Shards fetched ahead for an opened entity's neighbours, at most; and shards fetched at once for an export. */
const PREFETCH_SHARDS = 6;

/** Graph `id`, read by a worker: from its drawing file when `drawn`, else from its graph file. */
export function readOffThread(id: string, drawn: boolean): Promise<KnowledgeGraph> {
	const absolute = (href: string) => new URL(href, location.href).href;
	const url = absolute(drawn ? drawingHref(id) : graphFileHref(id));
	return new Promise((done, fail) => {
		const worker = new Worker(new URL('./graph-worker.ts', import.meta.url), { type: 'module' });
		/** The graph being built, and how a slice of entities or relationships is added to it. */
		type Add = (slice: unknown) => void;
		let builder: { graph: KnowledgeGraph; addNodes: Add; addEdges: Add } | null = null;
		let shards = 0;
		let stamp = 0;
		let nextId = 0;
		/** Each query's answer or suggestions, by id, while the worker works on it, and what to answer without it. */
		const waiting = new Map<number, { reply: (reply: unknown) => void; none: unknown }>();
		/** Who is told when the worker's index has grown (SearchBox asks its query again). */
		const listeners = new Set<() => void>();
		/** Whether the worker stopped (after the graph was in: out of memory, say); queries then find nothing. */
		let stopped = false;
		const ask = <T>(request: (id: number) => WorkerRequest, none: T) =>
			new Promise<T>((reply) => {
				if (stopped) return reply(none);
				const id = nextId++;
				waiting.set(id, { reply: reply as (reply: unknown) => void, none });
				post(request(id));
			});
		const post = (request: WorkerRequest) => worker.postMessage(request);
		worker.onerror = (event) => {
			event.preventDefault();
			worker.terminate();
			stopped = true;
			for (const { reply, none } of waiting.values()) reply(none);
			waiting.clear();
			// The worker's script did not arrive or did not start (or, once the graph is in, the worker stopped).
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
					// "Data in hand": where the first-frame benchmark (tests/bench/first-frame.ts) starts its clock.
					performance.mark('kge:data');
					builder = graphBuilder(message.attributes, message.taken) as typeof builder;
					break;
				case 'drawing':
					performance.mark('kge:data');
					builder = drawnGraphBuilder(message.head) as typeof builder;
					({ shards, stamp } = message.head);
					break;
				case 'nodes':
					builder?.addNodes(message.items);
					break;
				case 'edges':
					builder?.addEdges(message.items);
					break;
				case 'drawn-nodes':
					builder?.addNodes(message.slice);
					break;
				case 'drawn-edges':
					builder?.addEdges(message.slice);
					break;
				case 'done':
					if (!builder) return;
					remoteSearchers.set(builder.graph, {
						search: (query, limit, relationLimit) =>
							ask<SearchAnswer>((id) => ({ type: 'search', id, query, limit, relationLimit }), NO_ANSWER),
						suggest: (query) => ask<Suggestions>((id) => ({ type: 'suggest', id, query }), NO_SUGGESTIONS),
						onchange(listener) {
							listeners.add(listener);
							return () => listeners.delete(listener);
						}
					});
					if (drawn) detailSources.set(builder.graph, shardedDetails(id, builder.graph, shards, stamp));
					done(builder.graph);
					break;
				case 'indexed':
					for (const listener of listeners) listener();
					break;
				case 'error':
					worker.terminate();
					fail(new GraphLoadError(message.kind, message.message, message.status));
					break;
				case 'results':
				case 'suggestions':
					waiting.get(message.id)?.reply(message.type === 'results' ? message.answer : message.suggestions);
					waiting.delete(message.id);
					break;
			}
		};
		post(drawn ? { type: 'draw', url, texts: absolute(searchTextsHref(id)) } : { type: 'load', url });
	});
}

/**
 * The details of drawn graph `id`, in `shards` shards of the drawing file of `stamp`: each fetched once, a failed
 * one again when asked again.
 */
function shardedDetails(id: string, graph: KnowledgeGraph, shards: number, stamp: number): DetailsSource {
	const fetched = new Map<number, Promise<void>>();
	const fetchShard = (shard: number): Promise<void> => {
		let done = fetched.get(shard);
		if (!done) {
			const url = detailShardHref(id, shard);
			done = fetchFile(url)
				.then((response) => readJson(response, url))
				.then((value) => {
					let details: DetailShard;
					try {
						details = asDetailShard(value, stamp);
					} catch (error) {
						if (!(error instanceof DrawingFileError)) throw error;
						throw refusedFile(url, error);
					}
					addDetails(graph, details);
				});
			fetched.set(shard, done);
			done.catch(() => fetched.delete(shard));
		}
		return done;
	};
	const idle = (run: () => void) =>
		typeof requestIdleCallback === 'function' ? requestIdleCallback(run) : setTimeout(run, 200);
	return {
		fetch: (key) => fetchShard(detailShard(key, shards)),
		prefetch(keys) {
			const ahead = new Set<number>();
			for (const key of keys) {
				const shard = detailShard(key, shards);
				if (!fetched.has(shard)) ahead.add(shard);
				if (ahead.size === PREFETCH_SHARDS) break;
			}
			for (const shard of ahead) idle(() => void fetchShard(shard).catch(() => {}));
		},
		async fetchAll(keys) {
			const queue = [...new Set(Array.from(keys, (key) => detailShard(key, shards)))];
			const next = async (): Promise<void> => {
				for (let shard = queue.pop(); shard !== undefined; shard = queue.pop()) await fetchShard(shard);
			};
			await Promise.all(Array.from({ length: PREFETCH_SHARDS }, next));
		}
	};
}
