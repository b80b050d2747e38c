/**
 * Opens a graph file a reader chose, off the page's thread: read it (any format of src/lib/graph/formats),
 * check and import it, lay it out when it has no positions, compute its metrics; report each stage as it
 * starts. The page cancels by terminating the worker. The protocol is `OpenRequest` / `OpenMessage`
 * (open-file.ts).
 *
 * A small graph is handed to the page whole. A big one (above DRAWING_FILE_RELATIONSHIPS relationships) stays here:
 * asked to, this worker holds it for the page as a graph worker does (graph-worker.ts `holdGraph`: its drawing, its
 * details, its searches), then keeps it in the browser (IndexedDB), so that its data never reaches the page.
 */
import { z } from 'zod';
import { type KnowledgeGraph, buildGraph, exportGraph } from '$lib/graph/build';
import { type GraphMetrics, computeMetrics } from '$lib/graph/centrality';
import { FORMATS, describeFormats, formatOf } from '$lib/graph/formats/catalogue';
import type { GraphReader } from '$lib/graph/formats/reader';
import { isImportedGraphData } from '$lib/graph/import';
import { withDataKinds } from '$lib/graph/attributes';
import { validateGraphData } from '$lib/graph/validate';
import { type Problem, fileProblem } from '$lib/graph/problems';
import { DRAWING_FILE_RELATIONSHIPS, type WorkerMessage } from './graph-source';
import { type LocalGraphMeta, LocalStoreError, storeLocalGraph } from './local-graphs';
import type { OpenMessage, OpenRequest } from './open-file';

// zod would probe for `new Function`, which the Content-Security-Policy forbids (src/lib/server/csp.js).
z.config({ jitless: true });

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<OpenRequest>) => void) | null;
	postMessage(message: OpenMessage | WorkerMessage): void;
};

/** A big graph read here, until the page asks to hold it: with what keeping it needs. */
let toHold: { graph: KnowledgeGraph; metrics: GraphMetrics; warnings: Problem[] } | null = null;

scope.onmessage = async ({ data: request }) => {
	try {
		if (request.type === 'read') scope.postMessage(await open(request));
		else if (toHold) await hold(request.meta, toHold);
		else throw new Error('it holds no graph');
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		// Asked to hold its graph, the worker speaks as a graph worker: the page hears why it could not.
		if (request.type === 'hold')
			scope.postMessage({
				type: 'error',
				kind: 'parse',
				message: `The graph could not be drawn: ${message}`
			});
		else
			scope.postMessage({
				type: 'problems',
				problems: [
					fileProblem(
						request.file.name,
						'internal.bug',
						`could not be opened (this is a bug, please report it): ${message}`
					)
				]
			});
	}
};

/**
 * Holds the big graph read here for the page (graph-worker.ts `holdGraph`: from here on that module answers this
 * worker's messages), then keeps it in the browser as `meta` says, and tells the page so, or why it could not.
 */
async function hold(
	meta: LocalGraphMeta,
	{ graph, metrics, warnings }: NonNullable<typeof toHold>
): Promise<void> {
	toHold = null;
	const { holdGraph } = await import('./graph-worker');
	const drawing = holdGraph(graph);
	let whyNot: string | null = null;
	try {
		await storeLocalGraph({ meta, data: exportGraph(graph), metrics, warnings }, drawing);
	} catch (error) {
		whyNot = error instanceof LocalStoreError ? error.message : String(error);
	}
	scope.postMessage({ type: 'kept', note: { meta, warnings }, whyNot });
}

/** Each format's reader, loaded only for a file of its format (the XML and RDF parsers are most of the weight). */
const READERS: Record<keyof typeof FORMATS, () => Promise<GraphReader>> = {
	json: () => import('$lib/graph/formats/json').then((module) => module.jsonReader),
	gexf: () => import('$lib/graph/formats/gexf').then((module) => module.gexfReader),
	graphml: () => import('$lib/graph/formats/graphml').then((module) => module.graphmlReader),
	csv: () => import('$lib/graph/formats/csv').then((module) => module.csvReader),
	rdf: () => import('$lib/graph/formats/rdf').then((module) => module.rdfReader)
};

const stage = (text: string) => scope.postMessage({ type: 'progress', stage: text });

async function open({ file, companions }: Extract<OpenRequest, { type: 'read' }>): Promise<OpenMessage> {
	stage('Reading the file');
	const companion = (name: string) => {
		const wanted = name.split(/[\\/]/).pop()?.toLowerCase();
		const bytes = companions.find((other) => other.name.toLowerCase() === wanted)?.bytes;
		return bytes && new Uint8Array(bytes);
	};
	const format = formatOf(file.name);
	const reader = format && (await READERS[format.id as keyof typeof READERS]?.());
	if (!format || !reader) {
		const message = `is not in a format the explorer reads; graph files end in ${describeFormats()}`;
		return { type: 'problems', problems: [fileProblem(file.name, 'file.unknown-format', message)] };
	}
	const read = reader.read(new Uint8Array(file.bytes), file.name, companion);
	if (!read.ok) return { type: 'problems', problems: read.problems };

	// Our curated format must carry its file's name as its id; a file the reader renamed (a download's
	// "graph (1).json") is checked under the name its id asks for, and its problems still name the file.
	const id = curatedId(read.value);
	const checkedAs = id ? `${id}.json` : file.name;
	stage(needsLayout(read.value) ? 'Checking it and laying it out' : 'Checking it');
	const checked = validateGraphData(read.value, checkedAs, format.name);
	const named = (problems: Problem[]) =>
		checkedAs === file.name ? problems : problems.map((problem) => ({ ...problem, file: file.name }));
	if (!checked.ok) return { type: 'problems', problems: named(checked.problems) };

	stage('Measuring it');
	const graph = withDataKinds(buildGraph(checked.data));
	const metrics = computeMetrics(graph);
	const { id: ownId, title } = graph.getAttributes();
	const opened = {
		summary: { id: ownId, title, nodes: graph.order, edges: graph.size },
		metrics,
		format: format.name,
		warnings: named([...(read.warnings ?? []), ...checked.warnings])
	};
	if (graph.size > DRAWING_FILE_RELATIONSHIPS) {
		toHold = { graph, metrics, warnings: opened.warnings };
		return { type: 'held', ...opened };
	}
	return { type: 'done', data: exportGraph(graph), ...opened };
}

/** The id a file of our curated format gives itself; null for anything else. */
function curatedId(value: unknown): string | null {
	if (isImportedGraphData(value)) return null;
	const id = (value as { attributes?: { id?: unknown } } | null)?.attributes?.id;
	return typeof id === 'string' ? id : null;
}

/** Whether no node of the read data has a position (the import then lays the graph out, which takes a while). */
function needsLayout(value: unknown): boolean {
	const nodes = (value as { nodes?: unknown } | null)?.nodes;
	if (!Array.isArray(nodes)) return false;
	return !nodes.some(
		(node: { attributes?: { x?: unknown } } | null) => typeof node?.attributes?.x === 'number'
	);
}
