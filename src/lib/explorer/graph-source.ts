/**
 * The graphs the browser has loaded, one fetch per graph per page load: the explorer draws from it, and entity
 * pages of big graphs (which have no prerendered entity files) are built from it.
 */
import { resolve } from '$app/paths';
import { type KnowledgeGraph, buildGraph } from '$lib/graph/build';
import type { GraphFile } from '$lib/graph/schema';

const loaded = new Map<string, Promise<KnowledgeGraph>>();

/** The graph `id` from `/api/graphs/<id>.json`; a failed load is forgotten so that the next call retries. */
export function fetchGraph(id: string, fetcher: typeof fetch = fetch): Promise<KnowledgeGraph> {
	let graph = loaded.get(id);
	if (!graph) {
		graph = download(id, fetcher);
		loaded.set(id, graph);
		graph.catch(() => loaded.delete(id));
	}
	return graph;
}

async function download(id: string, fetcher: typeof fetch): Promise<KnowledgeGraph> {
	const url = resolve('/api/graphs/[graph].json', { graph: id });
	const response = await fetcher(url);
	if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
	const data = (await response.json()) as GraphFile;
	// "Data in hand": where the first-frame benchmark (tests/bench/first-frame.ts) starts its clock.
	performance.mark('kge:data');
	// The file was validated when the site was built: building it needs no validator in the page.
	return buildGraph(data);
}
