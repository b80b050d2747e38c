/**
 * A big graph's file, read off the main thread: the worker downloads and parses it, hands it to the page in
 * slices (each slice is one short task for the page to add to its graph, so the page keeps answering while a
 * file of hundreds of megabytes arrives), then keeps a search index of its entities and relationships and answers queries.
 * The protocol is `WorkerRequest` / `WorkerMessage` (src/lib/explorer/graph-source.ts).
 */
import { generatedKeysTaken } from '$lib/graph/build';
import type { GraphFile } from '$lib/graph/schema';
import {
	NO_ANSWER,
	NO_SUGGESTIONS,
	type SearchIndex,
	createSearchIndex,
	fileCorpus
} from '$lib/graph/search';
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
	if (request.type === 'load') {
		void load(request.url);
		return;
	}
	// Every query gets an answer, so that no search box waits for ever.
	if (request.type === 'suggest') {
		let suggestions = NO_SUGGESTIONS;
		try {
			if (index) suggestions = index.suggest(request.query);
		} catch (error) {
			console.error(error);
		}
		scope.postMessage({ type: 'suggestions', id: request.id, suggestions });
		return;
	}
	let answer = NO_ANSWER;
	try {
		if (index) answer = index.search(request.query, request.limit, request.relationLimit);
	} catch (error) {
		console.error(error);
	}
	scope.postMessage({ type: 'results', id: request.id, answer });
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
		index = createSearchIndex(fileCorpus(data));
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
