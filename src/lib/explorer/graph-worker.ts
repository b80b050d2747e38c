/**
 * A big graph's file, read off the main thread: the worker downloads and parses it, hands it to the page in
 * slices (each slice is one short task for the page to add to its graph, so the page keeps answering while a
 * file of hundreds of megabytes arrives), then keeps a search index of its entities and relationships and answers queries.
 * The protocol is `WorkerRequest` / `WorkerMessage` (src/lib/explorer/graph-source.ts).
 */
import { generatedKeysTaken } from '$lib/graph/build';
import type { GraphFile } from '$lib/graph/schema';
import { type SearchIndex, createSearchIndex, searchCorpus } from '$lib/graph/search';
import { asGraphLoadError, fetchFile, readJson } from './fetch-file';
import type { WorkerMessage, WorkerRequest } from './graph-source';

/** Entities or relationships a slice: small enough that the page adds one in a few milliseconds. */
const SLICE = 2_000;

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(message: WorkerMessage): void;
};

let index: SearchIndex | null = null;

scope.onmessage = (event) => {
	const request = event.data;
	if (request.type === 'load') void load(request.url);
	else
		scope.postMessage({
			type: 'results',
			id: request.id,
			answer: index
				? index.search(request.query, request.limit, request.relationLimit)
				: { entities: [], relations: [], suggestions: null }
		});
};

async function load(url: string): Promise<void> {
	try {
		const data = (await readJson(await fetchFile(url), url)) as GraphFile;
		scope.postMessage({
			type: 'head',
			attributes: data.attributes,
			taken: generatedKeysTaken(data.edges)
		});
		for (let i = 0; i < data.nodes.length; i += SLICE)
			scope.postMessage({ type: 'nodes', items: data.nodes.slice(i, i + SLICE) });
		for (let i = 0; i < data.edges.length; i += SLICE)
			scope.postMessage({ type: 'edges', items: data.edges.slice(i, i + SLICE) });
		scope.postMessage({ type: 'done' });
		// Queries that arrive meanwhile wait in the worker's queue and are answered from the finished index.
		// The index keeps what it reads of each entity and relationship; a lean copy lets the rest of the file
		// (positions, evidence, sources) be collected.
		const nodes = data.nodes.map(
			({ key, attributes: { label, type, aliases, description, data: values } }) => ({
				key,
				attributes: { label, type, aliases, description, data: values }
			})
		);
		const edges = data.edges.map(
			({ key, source, target, undirected, attributes: { label, type, claim, data: values } }) => ({
				key,
				source,
				target,
				undirected,
				attributes: { label, type, claim, data: values }
			})
		);
		index = createSearchIndex(searchCorpus(data.attributes, nodes, edges));
	} catch (error) {
		const failure = asGraphLoadError(error);
		scope.postMessage({
			type: 'error',
			kind: failure.kind,
			status: failure.status,
			message: failure.message
		});
	}
}
