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
import type { GraphFile } from '$lib/graph/schema';
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

/**
 * What a worker reads a graph from: the site's graph `id`, from its drawing file when `drawn`, else from its graph
 * file; or the data of a big graph opened in the browser, drawn as a site's big graph is.
 */
export type OffThreadSource = { id: string; drawn: boolean } | { data: GraphFile };

/** A graph read by a worker (see OffThreadSource). */
export function readOffThread(source: OffThreadSource): Promise<KnowledgeGraph> {
	const absolute = (href: string) => new URL(href, location.href).href;
	const site = 'id' in source ? { id: source.id, drawn: source.drawn } : null;
	const drawn = site ? site.drawn : true;
	const url = site
		? absolute(site.drawn ? drawingHref(site.id) : graphFileHref(site.id))
		: 'the opened graph';
	// Let go of once posted: an opened graph's data lives in the worker, not also on the page.
	let request: WorkerRequest | null =
		'data' in source
			? { type: 'draw-graph', data: source.data }
			: source.drawn
				? { type: 'draw', url, texts: absolute(searchTextsHref(source.id)) }
				: { type: 'load', url };
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
				new GraphLoadError(
					site ? 'network' : 'stopped',
					`${url} could not be read: ${event.message || 'the worker failed'}`
				)
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
						suggest: (query) => ask<Suggestions>((id) => ({ type: 'suggest', id, query }), NO_SUGGESTIONS)
					});
					if (drawn)
						detailSources.set(
							builder.graph,
							shardedDetails(builder.graph, shards, stamp, site ? shardFiles(site.id) : askShard)
						);
					done(builder.graph);
					break;
				case 'error':
					worker.terminate();
					fail(new GraphLoadError(message.kind, message.message, message.status));
					break;
				case 'results':
				case 'suggestions':
				case 'shard':
					waiting
						.get(message.id)
						?.reply(
							message.type === 'results'
								? message.answer
								: message.type === 'suggestions'
									? message.suggestions
									: message.shard
						);
					waiting.delete(message.id);
					break;
			}
		};
		/** The detail shards of a graph the worker holds whole, asked of it. */
		const askShard: ShardReader = {
			read: (shard) =>
				ask<unknown>((id) => ({ type: 'shard', id, shard }), null).then((value) => {
					if (value === null) throw new GraphLoadError('stopped', `${url}: its worker stopped`);
					return value;
				}),
			name: (shard) => `${url}, details ${shard}`
		};
		if (request) post(request);
		request = null;
	});
}

/** Where a drawn graph's detail shards come from: each as it comes (shardedDetails checks it), and its name. */
interface ShardReader {
	read(shard: number): Promise<unknown>;
	name(shard: number): string;
}

/** The detail shards of the site's graph `id`, fetched as files. */
function shardFiles(id: string): ShardReader {
	return {
		read: async (shard) => readJson(await fetchFile(detailShardHref(id, shard)), detailShardHref(id, shard)),
		name: (shard) => detailShardHref(id, shard)
	};
}

/**
 * The details of a drawn graph, in `shards` shards of the drawing file of `stamp`: each read once, a failed one
 * again when asked again.
 */
function shardedDetails(
	graph: KnowledgeGraph,
	shards: number,
	stamp: number,
	reader: ShardReader
): DetailsSource {
	const fetched = new Map<number, Promise<void>>();
	const fetchShard = (shard: number): Promise<void> => {
		let done = fetched.get(shard);
		if (!done) {
			done = reader.read(shard).then((value) => {
				let details: DetailShard;
				try {
					details = asDetailShard(value, stamp);
				} catch (error) {
					if (!(error instanceof DrawingFileError)) throw error;
					throw refusedFile(reader.name(shard), error);
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
