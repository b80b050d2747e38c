/**
 * A big graph's file, read off the main thread: the worker downloads and parses it, hands it to the page in
 * slices (each slice is one short task for the page to add to its graph, so the page keeps answering while a
 * file of hundreds of megabytes arrives), then keeps a search index of its entities and relationships and answers queries.
 * The protocol is `WorkerRequest` / `WorkerMessage` (src/lib/explorer/graph-source.ts).
 *
 * The file is either the graph's JSON file (`load`) or, for a graph above DRAWING_FILE_RELATIONSHIPS, its drawing
 * file (`draw`, graph/drawn-graph.ts): then the index first knows the names the drawing holds, and the search's
 * other texts (descriptions, claims …) are fetched when the reader first searches.
 *
 * A big graph opened in the browser is held here whole (`holdGraph`): by the worker that opened it
 * (open-worker.ts, which loads this module once the graph is read, and this module then answers its messages), or
 * after a reload by a worker that reads it from where the browser keeps it (`read-kept`). It hands the page its
 * drawing as for a site's graph, through the drawing file the build would write, and answers for its detail shards
 * (`shard`), which a site's graph has as files. Its data never reaches the page.
 */
import { type KnowledgeGraph, buildGraph, generatedKeysTaken } from '$lib/graph/build';
import { DrawingFileError, type DrawingColumns, readDrawingFile } from '$lib/graph/drawing-file';
import {
	asSearchTexts,
	detailShard,
	detailShardFor,
	drawingOf,
	drawnCorpus,
	sliceDrawing
} from '$lib/graph/drawn-graph';
import type { GraphFile } from '$lib/graph/schema';
import {
	NO_ANSWER,
	NO_SUGGESTIONS,
	type SearchCorpus,
	type SearchIndex,
	createSearchIndex,
	createSearchIndexInSlices,
	fileCorpus,
	graphCorpus
} from '$lib/graph/search';
import { GraphLoadError, asGraphLoadError, fetchFile, readJson, refusedFile } from './fetch-file';
import type { WorkerMessage, WorkerRequest } from './graph-source';
import { keptMeta, readKeptDrawing, readLocalGraph, storeKeptDrawing } from './local-graphs';

/** Entities or relationships a slice: small enough that the page adds one in a few milliseconds. */
const SLICE = 2_000;

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
	postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
};

let index: SearchIndex | null = null;
/**
 * A drawn graph's columns and where its search texts are, until the index has those texts; `next`: when to fetch
 * them (again, after a failure).
 */
let drawing: { columns: DrawingColumns; texts: string; fetching: boolean; next: number } | null = null;
/** How long a failed fetch of the search texts waits before the next query tries again, in ms. */
const TEXTS_RETRY_MS = 10_000;
/** A graph opened in the browser, held whole once it is read: its entities by detail shard, its drawing's stamp. */
let held: Promise<{ graph: KnowledgeGraph; shards: string[][]; stamp: number }> | null = null;

scope.onmessage = (event) => {
	const request = event.data;
	if (request.type === 'load') {
		void load(request.url);
		return;
	}
	if (request.type === 'draw') {
		void draw(request.url, request.texts);
		return;
	}
	if (request.type === 'read-kept') {
		void readKept(request.name);
		return;
	}
	if (request.type === 'shard') {
		void answerShard(request.id, request.shard);
		return;
	}
	if (drawing && !drawing.fetching && Date.now() >= drawing.next) void addTexts(drawing);
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

/** Answers query `id` with the detail shard `shard` of the graph held, once it is read; or says why it cannot. */
async function answerShard(id: number, shard: number): Promise<void> {
	try {
		const whole = await held;
		const keys = whole?.shards[shard];
		if (!whole || !keys) throw new Error(`it holds no detail shard ${shard}`);
		scope.postMessage({ type: 'shard', id, shard: detailShardFor(whole.graph, keys, whole.stamp) });
	} catch (error) {
		const why = error instanceof Error ? error.message : String(error);
		scope.postMessage({ type: 'shard', id, shard: null, why: `its details could not be read (${why})` });
	}
}

/** Tells the page why its graph did not load. */
function fail(error: unknown): void {
	const failure = asGraphLoadError(error);
	scope.postMessage({
		type: 'error',
		kind: failure.kind,
		status: failure.status,
		message: failure.message
	});
}

async function draw(url: string, texts: string): Promise<void> {
	try {
		const response = await fetchFile(url);
		let columns: DrawingColumns;
		try {
			columns = readDrawingFile(new Uint8Array(await response.arrayBuffer()));
		} catch (error) {
			if (!(error instanceof DrawingFileError)) throw error;
			throw refusedFile(url, error);
		}
		handOver(columns);
		index = createSearchIndex(drawnCorpus(columns));
		drawing = { columns, texts, fetching: false, next: 0 };
	} catch (error) {
		fail(error);
	}
}

/** Hands the page a drawing's columns in slices, then says it is done. */
function handOver(columns: DrawingColumns): void {
	/** A slice's typed columns (and those in a list of them), moved to the page rather than copied. */
	const moved = (slice: object) =>
		Object.values(slice)
			.flat()
			.flatMap((column: unknown) => (ArrayBuffer.isView(column) ? [column.buffer] : []));
	for (const part of sliceDrawing(columns, SLICE)) {
		if ('head' in part) scope.postMessage({ type: 'drawing', head: part.head });
		else if ('nodes' in part)
			scope.postMessage({ type: 'drawn-nodes', slice: part.nodes }, moved(part.nodes));
		else scope.postMessage({ type: 'drawn-edges', slice: part.edges }, moved(part.edges));
	}
	scope.postMessage({ type: 'done' });
}

/**
 * Holds `graph` (a big graph opened in the browser) and hands the page its drawing, through the drawing file the
 * build would write, so that the page takes the path of a site's big graph; returns that file, to be kept with the
 * graph. The search answers from the names at once, and from every text once they are indexed.
 */
export function holdGraph(graph: KnowledgeGraph): Uint8Array<ArrayBuffer> {
	const drawing = drawingOf(graph);
	drawAndHold(readDrawingFile(drawing), Promise.resolve(graph));
	return drawing;
}

/**
 * Hands the page the drawing `columns` and holds `graph` once it is read: the search answers from the names at once,
 * and from every text once the graph is read and they are indexed; details are answered from the graph.
 */
function drawAndHold(columns: DrawingColumns, graph: Promise<KnowledgeGraph>): void {
	handOver(columns);
	index = createSearchIndex(drawnCorpus(columns));
	const shards: string[][] = Array.from({ length: columns.shards }, () => []);
	for (const key of columns.keys) shards[detailShard(key, columns.shards)]?.push(key);
	held = graph.then((whole) => ({ graph: whole, shards, stamp: columns.stamp }));
	// A graph that cannot be read leaves the page its drawing; its details and searches then say so.
	held.catch((error: unknown) => console.error('The graph could not be read:', error));
	void held
		.then(({ graph: whole }) => indexInSlices(graphCorpus(whole)))
		.catch((error: unknown) => console.warn('Search reads names only:', error));
}

/**
 * The big graph `name` that the browser keeps, read from there, said of to the page, and held. Its kept drawing
 * (local-graphs.ts `KeptDrawing`) is handed to the page first, and the graph's data read after; a graph kept
 * without one, or with one an older explorer wrote, is drawn from its data (`holdGraph`), and its drawing kept.
 */
async function readKept(name: string): Promise<void> {
	// The page says why (api/pages.ts).
	const gone = () => new GraphLoadError('http', `No graph called “${name}” is kept in this browser.`, 404);
	const whole = async () => {
		const kept = await readLocalGraph(name);
		if (!kept) throw gone();
		return { kept, graph: buildGraph(kept.data) };
	};
	try {
		const [listed, drawn] = await Promise.all([keptMeta({ kind: 'local', name }), readKeptDrawing(name)]);
		if (!listed) throw gone();
		let columns: DrawingColumns | null = null;
		try {
			// Only the drawing of this opening of it (another tab may have replaced the graph meanwhile).
			if (drawn?.meta.openedAt === listed.openedAt) columns = readDrawingFile(drawn.drawing);
		} catch (error) {
			if (!(error instanceof DrawingFileError)) throw error;
		}
		if (drawn && columns) {
			const { meta, warnings, metrics } = drawn;
			scope.postMessage({ type: 'kept', note: { meta, warnings }, whyNot: null, metrics });
			drawAndHold(
				columns,
				whole().then(({ graph }) => graph)
			);
			return;
		}
		const { kept, graph } = await whole();
		const { meta, warnings, metrics } = kept;
		scope.postMessage({ type: 'kept', note: { meta, warnings }, whyNot: null, metrics });
		const drawing = holdGraph(graph);
		void storeKeptDrawing({ meta, warnings, metrics, drawing }).catch(() => {});
	} catch (error) {
		fail(error);
	}
}

/**
 * Indexes every text of `corpus` a slice at a time (some 10 to 15 s at 500,000 relationships here), so that
 * queries meanwhile are answered from the index of names; then says so, and the page asks its query again. A rest
 * between slices leaves the machine to the page: on 2 cores, an entity opened meanwhile showed in a median of
 * 181 ms with a 15 ms rest, 221 ms with none (three sessions each, same site and machine).
 */
async function indexInSlices(corpus: SearchCorpus): Promise<void> {
	const pause = () => new Promise<void>((resume) => setTimeout(resume, 15));
	index = await createSearchIndexInSlices(corpus, pause);
	scope.postMessage({ type: 'indexed' });
}

/**
 * Fetches a drawn graph's search texts and indexes them with its names (`indexInSlices`); until then (and if they
 * fail to load, until the next query tries again) the index answers from the names.
 */
async function addTexts(drawn: NonNullable<typeof drawing>): Promise<void> {
	drawn.fetching = true;
	try {
		const { columns } = drawn;
		const texts = asSearchTexts(await readJson(await fetchFile(drawn.texts), drawn.texts), columns);
		await indexInSlices(drawnCorpus(columns, texts));
		drawing = null;
	} catch (error) {
		console.warn('Search reads names only for now:', error);
		drawn.fetching = false;
		drawn.next = Date.now() + TEXTS_RETRY_MS;
	}
}

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
		fail(error);
	}
}
