/**
 * A big graph read off the main thread (graph-source.ts loads this module only for such graphs): a worker
 * (graph-worker.ts) downloads the graph's file, or its drawing file above DRAWING_FILE_RELATIONSHIPS, and hands it
 * over in slices, each one short task for the page to add to its graph; then it answers the graph's searches.
 * A drawn graph's details are fetched here by shard when an entity is opened, and its neighbours' when the page
 * is idle.
 *
 * A big graph opened in the browser is held whole by a worker (graph-worker.ts `holdGraph`): the one that opened it
 * (open-file.ts), or after a reload one that reads it from where the browser keeps it. It is drawn the same way, and
 * its detail shards are asked of that worker rather than fetched.
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
import type { GraphMetrics } from '$lib/graph/centrality';
import { GraphLoadError, asGraphLoadError, fetchFile, readJson, refusedFile } from './fetch-file';
import {
	type DetailsSource,
	type WorkerMessage,
	type WorkerRequest,
	detailSources,
	remoteSearchers
} from './graph-source';
import type { KeptNote, LocalGraphMeta } from './local-graphs';
import type { OpenRequest } from './open-file';

/** Shards fetched ahead for an opened entity's neighbours, at most; and shards fetched at once for an export. */
const PREFETCH_SHARDS = 6;

/**
 * What a worker reads a graph from: the site's graph `id`, from its drawing file when `drawn`, else from its graph
 * file; or a big graph opened in the browser: from where the browser keeps it (`kept`, its name; `onKept` is told
 * what its page says of it and its metrics, before it is drawn), or held by the `worker` that opened it, which keeps
 * it as `meta` says once it is drawn (`onKept` is told when, or why the browser could not).
 */
export type OffThreadSource =
	| { id: string; drawn: boolean }
	| ({ kept: string } & KeptBy)
	| ({ worker: Worker; meta: LocalGraphMeta } & KeptBy);

/**
 * Told what a kept graph's page says of it, why the browser could not keep it (or null), and its metrics; or, if the
 * worker stopped after handing the graph over but before it said, why (`onLost`; null when the page let go of the
 * graph itself).
 */
interface KeptBy {
	onKept(note: KeptNote, whyNot: string | null, metrics?: GraphMetrics): void;
	onLost?(why: string | null): void;
}

/** A graph read by a worker (see OffThreadSource). */
export function readOffThread(source: OffThreadSource): Promise<KnowledgeGraph> {
	const absolute = (href: string) => new URL(href, location.href).href;
	const site = 'id' in source ? source : null;
	const drawn = site ? site.drawn : true;
	const url = site
		? absolute(site.drawn ? drawingHref(site.id) : graphFileHref(site.id))
		: 'kept' in source
			? `the graph “${source.kept}” kept in this browser`
			: 'the graph opened';
	return new Promise((done, fail) => {
		const worker =
			'worker' in source
				? source.worker
				: new Worker(new URL('./graph-worker.ts', import.meta.url), { type: 'module' });
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
		/** Whether the graph was handed over; and whether the worker said whether it kept the graph it holds. */
		let delivered = false;
		let keptSaid = false;
		/** Stops the worker (`why` it stopped, or null when the page lets go of the graph): queries find nothing. */
		const stop = (why: string | null) => {
			if (stopped) return;
			worker.terminate();
			stopped = true;
			for (const { reply, none } of waiting.values()) reply(none);
			waiting.clear();
			// Before the graph is handed over, the failure is the reading's (the promise is rejected).
			if (delivered && !keptSaid && 'onKept' in source) source.onLost?.(why);
		};
		const ask = <T>(request: (id: number) => WorkerRequest, none: T) =>
			new Promise<T>((reply) => {
				if (stopped) return reply(none);
				const id = nextId++;
				waiting.set(id, { reply: reply as (reply: unknown) => void, none });
				post(request(id));
			});
		const post = (request: WorkerRequest) => worker.postMessage(request);
		/** The worker failed: its script did not arrive or start, or (once the graph is in) it stopped. */
		const failed = (why: string) => {
			stop(why);
			fail(new GraphLoadError(site ? 'network' : 'stopped', `${url} could not be read: ${why}`));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			failed(event.message || 'the worker failed, perhaps for lack of memory');
		};
		worker.onmessageerror = () => failed('the worker sent what the page cannot read');
		worker.onmessage = ({ data: message }: MessageEvent<WorkerMessage>) => {
			try {
				receive(message);
			} catch (error) {
				stop(String(error));
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
					if (drawn)
						detailSources.set(builder.graph, {
							...shardedDetails(builder.graph, shards, stamp, site ? shardFiles(site.id) : askShard),
							// A graph opened in the browser is let go of with its worker.
							...(site ? {} : { release: () => stop(null) })
						});
					delivered = true;
					done(builder.graph);
					break;
				case 'indexed':
					for (const listener of listeners) listener();
					break;
				case 'error':
					stop(message.message);
					fail(new GraphLoadError(message.kind, message.message, message.status));
					break;
				case 'kept':
					keptSaid = true;
					if ('onKept' in source) source.onKept(message.note, message.whyNot, message.metrics);
					break;
				case 'results':
				case 'suggestions':
				case 'shard':
					waiting.get(message.id)?.reply(replyOf(message));
					waiting.delete(message.id);
					break;
			}
		};
		/** The detail shards of a graph the worker holds whole, asked of it. */
		const askShard: ShardReader = {
			read: (shard) =>
				ask<ShardReply | null>((id) => ({ type: 'shard', id, shard }), null).then((reply) => {
					if (!reply) throw new GraphLoadError('stopped', `${url}: its worker stopped`);
					if (!reply.shard) throw new GraphLoadError('parse', `${url}: ${reply.why ?? 'no such details'}`);
					return reply.shard;
				}),
			name: (shard) => `${url}, details ${shard}`
		};
		if ('worker' in source) worker.postMessage({ type: 'hold', meta: source.meta } satisfies OpenRequest);
		else if ('kept' in source) post({ type: 'read-kept', name: source.kept });
		else if (source.drawn) post({ type: 'draw', url, texts: absolute(searchTextsHref(source.id)) });
		else post({ type: 'load', url });
	});
}

/** What a worker's reply to a query holds. */
function replyOf(message: Extract<WorkerMessage, { id: number }>): unknown {
	switch (message.type) {
		case 'results':
			return message.answer;
		case 'suggestions':
			return message.suggestions;
		case 'shard':
			return { shard: message.shard, why: message.why } satisfies ShardReply;
	}
}

/** A worker's answer for a detail shard of the graph it holds: the shard, or why it has none. */
type ShardReply = Pick<Extract<WorkerMessage, { type: 'shard' }>, 'shard' | 'why'>;

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
