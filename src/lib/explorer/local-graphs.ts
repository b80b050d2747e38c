/**
 * The graphs a reader opened in the browser, kept there (IndexedDB) until they remove them: nothing is uploaded.
 * Three object stores, written in one transaction so that the list never names a graph whose data is missing:
 * `meta` (what the "Your graphs" list shows, small), `graphs` (the validated, laid-out graph data and its
 * metrics, read only when the graph is opened), `parts` (a big graph's entities and relationships, PART_SIZE a
 * record: the browser refuses a record much over 100 MB, Chromium's limit being 133 MB, which a graph of 100,000
 * entities and 500,000 relationships passes) and, for a big graph, `drawn` (its drawing file with its metrics and
 * warnings: what a worker hands the page first after a reload, before it reads the data; graph-worker.ts).
 *
 * Written on IndexedDB directly rather than with a wrapper library: the one thing needed beyond get/put, a write
 * of several stores in one transaction, is what the small key-value wrappers leave out.
 *
 * Where IndexedDB is unavailable (some private windows) or full, a graph is kept in this page's memory instead,
 * and the error says so: it opens and can be explored until the page is reloaded, and nothing already kept is
 * touched.
 */
import type { GraphMetrics } from '$lib/graph/centrality';
import type { Problem } from '$lib/graph/problems';
import type { GraphFile } from '$lib/graph/schema';
import { localGraphId, openGraphId } from './local-id';

/** What the list of kept graphs shows of one. */
export interface LocalGraphMeta {
	/** Its name in addresses (/local/<name>): a slug, unique among the kept graphs. */
	name: string;
	title: string;
	/** The file (or files) it was read from. */
	fileName: string;
	/** The format's name (`GEXF`, `CSV` …). */
	format: string;
	/** Size of the file in bytes. */
	bytes: number;
	nodes: number;
	edges: number;
	/** When it was opened, ISO 8601. */
	openedAt: string;
	/** The address it was fetched from (`/open?url=`), when it came from the web. */
	url?: string;
}

/** The id of a kept graph: open/<its URL> for a file from the web (an address anyone can open), else local/<name>. */
export const keptGraphId = (meta: LocalGraphMeta): string =>
	meta.url ? openGraphId(meta.url) : localGraphId(meta.name);

/**
 * What a big kept graph's page is drawn from after a reload: its drawing file (graph/drawing-file.ts), metrics, and
 * what its page says of it.
 */
export type KeptDrawing = KeptNote & { drawing: Uint8Array; metrics: GraphMetrics };

/** A kept graph: its data (validated and laid out), metrics, and what reading it warned of. */
export interface LocalGraph {
	meta: LocalGraphMeta;
	data: GraphFile;
	metrics: GraphMetrics;
	warnings: Problem[];
}

/** The browser cannot keep a graph (IndexedDB unavailable or full); the message says what happens instead. */
export class LocalStoreError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'LocalStoreError';
	}
}

const DATABASE = 'knowledge-graph-explorer';
const META = 'meta';
const GRAPHS = 'graphs';
const DRAWN = 'drawn';
const PARTS = 'parts';
/** Entities or relationships a record of `parts`: some 4 MB of JSON each at the bench graph's. */
const PART_SIZE = 10_000;

/** A kept graph's record in `graphs`: its entities and relationships are in `parts` records when there are many. */
type StoredGraph = LocalGraph & { parts?: number };
/** A record of `parts`: some entities, or some relationships, of a kept graph. */
type StoredPart = Partial<Pick<GraphFile, 'nodes' | 'edges'>>;
/** The keys of the `parts` records of graph `name`: [name, 0], [name, 1] … */
const partsOf = (name: string) => IDBKeyRange.bound([name, 0], [name, Infinity]);

/**
 * Graphs kept in memory because IndexedDB could not take them (gone on reload): whole, or only their note when a
 * worker holds their data (a big graph; open-file.ts).
 */
const inMemory = new Map<string, LocalGraph | KeptNote>();
/** Why each graph in memory could not be kept. */
const notKept = new Map<string, string>();
/** What the page of each graph read or kept here says of it, by name: so that it need not read the data again. */
const notes = new Map<string, KeptNote>();
/**
 * Graphs that a worker is keeping, by name, until it says it has (or why not): their page's note waits for `kept`.
 * `url`: the address it was fetched from, if it was.
 */
const keeping = new Map<string, { kept: Promise<void>; url?: string }>();

/** The graph of `origin` that a worker is keeping now, if it is. */
const keepingOf = (origin: KeptOrigin) =>
	origin.kind === 'local'
		? keeping.get(origin.name)
		: [...keeping.values()].find((entry) => entry.url === origin.url);

/** What a kept graph's page says of it: where it came from and what reading it warned of, without its data. */
export type KeptNote = Pick<LocalGraph, 'meta' | 'warnings'>;

/** Why the graph `name` is held in this page's memory only (the browser could not keep it); null when it is kept. */
export function whyNotKept(name: string): string | null {
	return notKept.get(name) ?? null;
}

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
	opening ??= new Promise<IDBDatabase>((done, fail) => {
		if (typeof indexedDB === 'undefined') {
			fail(new LocalStoreError('this browser keeps no data for web pages (IndexedDB is not available)'));
			return;
		}
		let request: IDBOpenDBRequest;
		try {
			request = indexedDB.open(DATABASE, 2);
		} catch (error) {
			fail(new LocalStoreError(`the browser refused to keep data (${String(error)})`));
			return;
		}
		request.onupgradeneeded = ({ oldVersion }) => {
			if (oldVersion < 1) {
				request.result.createObjectStore(META, { keyPath: 'name' });
				request.result.createObjectStore(GRAPHS, { keyPath: 'meta.name' });
			}
			if (oldVersion < 2) {
				request.result.createObjectStore(DRAWN, { keyPath: 'meta.name' });
				request.result.createObjectStore(PARTS);
			}
		};
		request.onsuccess = () => {
			const db = request.result;
			// Another tab deletes or upgrades the database: let it, and open it again on the next call.
			db.onversionchange = () => {
				db.close();
				opening = null;
			};
			// The browser closed it (site data cleared, a storage failure): open it again on the next call.
			db.onclose = () => {
				opening = null;
			};
			done(db);
		};
		request.onerror = () =>
			fail(
				new LocalStoreError(`the browser refused to keep data (${request.error?.message ?? 'unknown error'})`)
			);
		request.onblocked = () =>
			fail(
				new LocalStoreError('another tab of this site is updating its stored graphs; close it and try again')
			);
	});
	opening.catch(() => (opening = null));
	return opening;
}

/** The object stores, by name. */
interface Stores {
	[META]: IDBObjectStore;
	[GRAPHS]: IDBObjectStore;
	[DRAWN]: IDBObjectStore;
	[PARTS]: IDBObjectStore;
}

/**
 * Runs `work` in a transaction over the stores `scope` (only those: a worker reading a big graph's data does not
 * hold up the page's list); resolves with its result once the transaction has committed.
 */
async function transaction<T, S extends keyof Stores>(
	mode: IDBTransactionMode,
	scope: S[],
	work: (stores: Pick<Stores, S>) => IDBRequest<T> | undefined
): Promise<T | undefined> {
	const db = await database();
	return new Promise((done, fail) => {
		let request: IDBRequest<T> | undefined;
		try {
			const tx = db.transaction(scope, mode);
			request = work(
				Object.fromEntries(scope.map((name) => [name, tx.objectStore(name)])) as Pick<Stores, S>
			);
			tx.oncomplete = () => done(request?.result);
			tx.onabort = tx.onerror = () => fail(storeError(tx.error));
		} catch (error) {
			fail(storeError(error));
		}
	});
}

function storeError(error: unknown): LocalStoreError {
	const name = (error as { name?: string } | null)?.name;
	if (name === 'QuotaExceededError')
		return new LocalStoreError('the browser has no room left for it (its storage for this site is full)');
	return new LocalStoreError(`the browser could not keep it (${String((error as Error)?.message ?? error)})`);
}

/** Whether this browser keeps no data for the site at all (no IndexedDB). */
const nothingKept = () => typeof indexedDB === 'undefined';

/** Every kept graph, most recently opened first (those kept only in memory included). */
export async function listLocalGraphs(): Promise<LocalGraphMeta[]> {
	const kept = ((await transaction('readonly', [META], ({ meta }) => meta.getAll())) ??
		[]) as LocalGraphMeta[];
	const names = new Set(kept.map((meta) => meta.name));
	const all = [
		...kept,
		...[...inMemory.values()].map((graph) => graph.meta).filter((m) => !names.has(m.name))
	];
	return all.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

/** Like `listLocalGraphs`, but an unavailable store lists only what this page holds in memory. */
export async function listLocalGraphsIfAny(): Promise<LocalGraphMeta[]> {
	try {
		return await listLocalGraphs();
	} catch {
		return [...inMemory.values()].map((graph) => graph.meta);
	}
}

/** The kept graph `name`, or undefined. */
export async function readLocalGraph(name: string): Promise<LocalGraph | undefined> {
	const held = inMemory.get(name);
	if (held) return 'data' in held ? held : undefined;
	try {
		let stored: IDBRequest<StoredPart[]> | undefined;
		const kept = (await transaction('readonly', [GRAPHS, PARTS], ({ graphs, parts }) => {
			stored = parts.getAll(partsOf(name));
			return graphs.get(name);
		})) as StoredGraph | undefined;
		if (!kept) return undefined;
		notes.set(name, { meta: kept.meta, warnings: kept.warnings });
		const { parts, ...graph } = kept;
		if (!parts) return graph;
		const all = stored?.result ?? [];
		if (all.length !== parts)
			throw new LocalStoreError(`the browser kept ${all.length} of the graph's ${parts} parts`);
		return {
			...graph,
			data: {
				...graph.data,
				nodes: all.flatMap((part) => part.nodes ?? []),
				edges: all.flatMap((part) => part.edges ?? [])
			}
		};
	} catch (error) {
		// Where the browser keeps nothing, nothing was kept.
		if (nothingKept()) return undefined;
		throw error;
	}
}

/** Where a kept graph's page says it came from: a file (its name) or an address. */
export type KeptOrigin = { kind: 'local'; name: string } | { kind: 'open'; url: string };

/**
 * What the list says of the kept graph of `origin` (for an address, the last one fetched from it), without reading
 * its data; undefined when there is none.
 */
export async function keptMeta(origin: KeptOrigin): Promise<LocalGraphMeta | undefined> {
	if (origin.kind === 'open') {
		const url = origin.url;
		return (await listLocalGraphsIfAny()).find((kept) => kept.url === url);
	}
	const held = inMemory.get(origin.name);
	if (held) return held.meta;
	try {
		return (await transaction('readonly', [META], ({ meta }) => meta.get(origin.name))) as
			LocalGraphMeta | undefined;
	} catch (error) {
		if (nothingKept()) return undefined;
		throw error;
	}
}

/**
 * What the page of the graph of `origin` says of it (KeptNote), or undefined when this browser keeps no such graph.
 * Reads the graph's data only if this page has not read or kept it yet; holds none of it.
 */
export async function keptNote(origin: KeptOrigin): Promise<KeptNote | undefined> {
	await keepingOf(origin)?.kept;
	const name = origin.kind === 'local' ? origin.name : (await keptMeta(origin))?.name;
	if (name === undefined) return undefined;
	const note = notes.get(name) ?? (await readLocalGraph(name));
	return note && { meta: note.meta, warnings: note.warnings };
}

/**
 * Keeps `graph`. When the browser cannot, the graph is held in memory for this page and a LocalStoreError says
 * why (the graph still opens).
 */
export async function keepLocalGraph(graph: LocalGraph): Promise<void> {
	try {
		await storeLocalGraph(graph);
		noteKept(graph, null);
	} catch (error) {
		const failure = error instanceof LocalStoreError ? error : storeError(error);
		noteKept(graph, failure.message);
		throw failure;
	}
}

/**
 * Writes `graph` to IndexedDB, nothing more, with the `drawing` file of a big graph: a worker that keeps a big graph
 * itself calls it, and the page then notes the graph (`noteKept`). Rejects with a LocalStoreError.
 */
export async function storeLocalGraph(graph: LocalGraph, drawing?: Uint8Array): Promise<void> {
	const { meta: about, metrics, warnings, data } = graph;
	const { nodes, edges } = data;
	const many = nodes.length > PART_SIZE || edges.length > PART_SIZE;
	const split: StoredPart[] = [];
	if (many) {
		for (let i = 0; i < nodes.length; i += PART_SIZE) split.push({ nodes: nodes.slice(i, i + PART_SIZE) });
		for (let i = 0; i < edges.length; i += PART_SIZE) split.push({ edges: edges.slice(i, i + PART_SIZE) });
	}
	await transaction('readwrite', [META, GRAPHS, DRAWN, PARTS], ({ meta, graphs, drawn, parts }) => {
		meta.put(about);
		// A graph kept under the same name before (fetched again from its address) may have had these.
		if (drawing) drawn.put({ meta: about, warnings, metrics, drawing } satisfies KeptDrawing);
		else drawn.delete(about.name);
		parts.delete(partsOf(about.name));
		split.forEach((part, i) => parts.put(part, [about.name, i]));
		const stored: StoredGraph = many
			? { ...graph, data: { ...data, nodes: [], edges: [] }, parts: split.length }
			: graph;
		return graphs.put(stored);
	});
}

/**
 * Keeps the drawing of a kept graph that had none (kept by an older explorer, drawn again from its data), unless the
 * graph was removed or replaced meanwhile (its list entry is gone or of another opening).
 */
export async function storeKeptDrawing(kept: KeptDrawing): Promise<void> {
	await transaction('readwrite', [META, DRAWN], ({ meta, drawn }) => {
		const listed = meta.get(kept.meta.name);
		listed.onsuccess = () => {
			if ((listed.result as LocalGraphMeta | undefined)?.openedAt === kept.meta.openedAt) drawn.put(kept);
		};
		return listed;
	});
}

/** The drawing of the big kept graph `name` (KeptDrawing), or undefined if none was kept. */
export async function readKeptDrawing(name: string): Promise<KeptDrawing | undefined> {
	return (await transaction('readonly', [DRAWN], ({ drawn }) => drawn.get(name))) as KeptDrawing | undefined;
}

/**
 * Notes a graph read or kept (its note, so that its page need not read its data again); with `whyNot`, the reason
 * the browser could not keep it, and it is listed from this page's memory until the page is reloaded. A whole
 * `LocalGraph` is held there whole; a note alone where a worker holds its data.
 */
export function noteKept(graph: LocalGraph | KeptNote, whyNot: string | null): void {
	const { name } = graph.meta;
	notes.set(name, { meta: graph.meta, warnings: graph.warnings });
	if (whyNot === null) {
		inMemory.delete(name);
		notKept.delete(name);
	} else {
		inMemory.set(name, graph);
		notKept.set(name, whyNot);
	}
}

/** Forgets the kept graph `name` (every store, one transaction). */
export async function removeLocalGraph(name: string): Promise<void> {
	inMemory.delete(name);
	notKept.delete(name);
	notes.delete(name);
	try {
		await transaction('readwrite', [META, GRAPHS, DRAWN, PARTS], ({ meta, graphs, drawn, parts }) => {
			meta.delete(name);
			drawn.delete(name);
			parts.delete(partsOf(name));
			return graphs.delete(name);
		});
	} catch (error) {
		// Nothing was kept where nothing can be kept.
		if (!nothingKept()) throw error;
	}
}

/** Whether a worker is keeping the graph of `origin` now (its page says so until it is kept). */
export const isKeeping = (origin: KeptOrigin): boolean => keepingOf(origin) !== undefined;

/** Asks the reader to stay while a graph is being kept: leaving the page now would lose it. */
function stayWhileKeeping(event: BeforeUnloadEvent): void {
	event.preventDefault();
}

/**
 * Notes that a worker is keeping the graph `name` (open-file.ts): its name is taken, the page asks the reader to stay
 * if they leave it meanwhile, and its note waits until `kept` is called with what the worker said (`noteKept`), or
 * `abandon` (the worker stopped before it could say).
 */
export function noteKeeping({ name, url }: LocalGraphMeta): {
	kept(note: KeptNote, whyNot: string | null): void;
	abandon(): void;
} {
	let settle = () => {};
	const kept = new Promise<void>((done) => (settle = done));
	const entry = { kept, ...(url === undefined ? {} : { url }) };
	keeping.set(name, entry);
	addEventListener('beforeunload', stayWhileKeeping);
	const abandon = () => {
		// A later opening under the same name (fetched again from its address) has its own.
		if (keeping.get(name) === entry) keeping.delete(name);
		if (keeping.size === 0) removeEventListener('beforeunload', stayWhileKeeping);
		settle();
	};
	return {
		kept(note, whyNot) {
			noteKept(note, whyNot);
			abandon();
		},
		abandon
	};
}

/**
 * The name to keep a graph under: the name of the copy fetched from `url` before, which the new one replaces; else
 * `wanted`, or `wanted-2`, `wanted-3` …, a name no kept graph has. One reading of the list.
 */
export async function nameFor(wanted: string, url?: string): Promise<string> {
	const kept = await listLocalGraphsIfAny();
	const again = url === undefined ? undefined : kept.find((meta) => meta.url === url);
	if (again) return again.name;
	const taken = new Set([...kept.map((meta) => meta.name), ...keeping.keys()]);
	if (!taken.has(wanted)) return wanted;
	for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}
