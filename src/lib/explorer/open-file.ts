/**
 * Opening a graph file in the browser: which of the chosen files is the graph (and which go with it), reading
 * it in a worker (open-worker.ts) with its stages reported and a way to cancel, and keeping the result
 * (local-graphs.ts). Nothing leaves the browser.
 */
import { fileSize } from '$lib/format';
import type { GraphMetrics } from '$lib/graph/centrality';
import { formatOf, graphFileExtensions, isCompanionFile } from '$lib/graph/formats/catalogue';
import { type Problem, fileProblem } from '$lib/graph/problems';
import { LIMITS, graphIdSlug } from '$lib/graph/rules';
import type { GraphFile } from '$lib/graph/schema';
import { buildGraph } from '$lib/graph/build';
import { forgetGraph, provideGraph } from './graph-source';
import { type LocalGraphMeta, keepLocalGraph, keptGraphId, nameFor, noteKeeping } from './local-graphs';

/** A file handed to the worker: its name and its bytes (transferred, not copied). */
export interface FileBytes {
	name: string;
	bytes: ArrayBuffer;
}

/**
 * What the page asks of the worker that opens a graph: to read a file (`read`); then, for a big graph, which it holds
 * rather than hand over, to hold it for the page and keep it in the browser as `meta` says (`hold`; off-thread.ts).
 */
export type OpenRequest =
	| {
			type: 'read';
			file: FileBytes;
			/** The other files chosen with it, for a reader that needs one (`tea.nodes.csv` with `tea.edges.csv`). */
			companions: FileBytes[];
	  }
	| { type: 'hold'; meta: LocalGraphMeta };

/** What the page keeps and shows of a graph it opened. */
export interface OpenedSummary {
	/** The id its file gives it, if any (our curated format), and its title. */
	id: string;
	title: string;
	nodes: number;
	edges: number;
}

/**
 * What the opening worker says: the stage under way; the file's problems; or the graph read (`done`: a small one,
 * handed over; `held`: a big one, above DRAWING_FILE_RELATIONSHIPS relationships, which the worker holds; asked to
 * hold it, it then speaks as a graph worker, graph-source.ts `WorkerMessage`).
 */
export type OpenMessage =
	| { type: 'progress'; stage: string }
	| { type: 'problems'; problems: Problem[] }
	| ({ type: 'done'; data: GraphFile } & Opened)
	| ({ type: 'held' } & Opened);

/** What the opening worker says of a graph it read. */
interface Opened {
	summary: OpenedSummary;
	metrics: GraphMetrics;
	format: string;
	warnings: Problem[];
}

/**
 * Opened: the id of the graph (`local/<name>`, or `open/<URL>` for a fetched file); or not, with the problems (none
 * when the reader cancelled: `cancelled`). Why the browser could not keep an opened graph, if it could not, is
 * recorded where it is held (local-graphs.ts `whyNotKept`), and the graph's page says so.
 */
export type OpenResult = { ok: true; id: string } | { ok: false; problems: Problem[]; cancelled?: true };

const CANCELLED: OpenResult = { ok: false, problems: [], cancelled: true };

export interface OpenOptions {
	/** Called as each stage starts ("Reading the file" …). */
	onStage?: (stage: string) => void;
	/** Cancels the reading: the worker stops at once, nothing is kept, and the result is `cancelled`. */
	signal?: AbortSignal;
	/** The address the file came from (`/open?url=`). */
	url?: string;
}

/** The graph file among `files`, and the files that go with it; or the problem with the choice. */
export function chooseGraphFile(files: readonly File[]): { file: File; companions: File[] } | Problem {
	const graphs = files.filter((file) => formatOf(file.name));
	const [graph] = graphs;
	if (graph && graphs.length === 1)
		return { file: graph, companions: files.filter((file) => file !== graph) };
	if (graphs.length > 1)
		return fileProblem(
			graphs.map((file) => file.name).join(', '),
			'file.unknown-format',
			'are several graphs; open one at a time (an edges file goes with its nodes file, which is not a graph of its own)'
		);
	const first = files[0]?.name ?? 'no file';
	if (files.some((file) => isCompanionFile(file.name)))
		return fileProblem(
			first,
			'format.structure',
			'holds entities only; choose it together with its relationships file (for example tea.edges.csv with tea.nodes.csv)'
		);
	return fileProblem(
		first,
		'file.unknown-format',
		`is not in a format the explorer reads; graph files end in ${graphFileExtensions().join(', ')}`
	);
}

/** Reads the graph among `files` in a worker and keeps it in the browser. Never throws but for a bug. */
export async function openGraphFiles(files: readonly File[], options: OpenOptions = {}): Promise<OpenResult> {
	const chosen = chooseGraphFile(files);
	if ('severity' in chosen) return { ok: false, problems: [chosen] };
	const { file, companions } = chosen;
	const bytes = file.size + companions.reduce((sum, other) => sum + other.size, 0);
	if (bytes > LIMITS.fileBytes)
		return {
			ok: false,
			problems: [
				fileProblem(
					file.name,
					'file.too-big',
					`is ${fileSize(bytes)}; the explorer opens files of up to ${fileSize(LIMITS.fileBytes)}`
				)
			]
		};
	let request: Extract<OpenRequest, { type: 'read' }>;
	try {
		options.onStage?.('Reading the file');
		const read = async (f: File): Promise<FileBytes> => ({ name: f.name, bytes: await f.arrayBuffer() });
		request = { type: 'read', file: await read(file), companions: await Promise.all(companions.map(read)) };
	} catch (error) {
		return {
			ok: false,
			problems: [
				fileProblem(file.name, 'file.unreadable', `could not be read from your disk (${String(error)})`)
			]
		};
	}
	if (options.signal?.aborted) return CANCELLED;
	const worker = new Worker(new URL('./open-worker.ts', import.meta.url), { type: 'module' });
	/** Stops the worker, which may hold a graph, and says the opening was cancelled. */
	const cancelled = () => {
		worker.terminate();
		return CANCELLED;
	};
	try {
		const opening = answerOf(worker, options.signal, file.name, options.onStage);
		worker.postMessage(request, [request.file.bytes, ...request.companions.map((c) => c.bytes)]);
		const answer = await opening;
		if (options.signal?.aborted) return cancelled();
		if (answer.type === 'problems') return { ok: false, problems: answer.problems };

		// A file fetched again from the same address replaces the copy kept before; anything else gets a new name.
		const { summary } = answer;
		const name = await nameFor(graphIdSlug(summary.id || file.name), options.url);
		if (options.signal?.aborted) return cancelled();
		const meta: LocalGraphMeta = {
			name,
			title: summary.title,
			fileName: [file, ...companions].map((f) => f.name).join(', '),
			format: answer.format,
			bytes,
			nodes: summary.nodes,
			edges: summary.edges,
			openedAt: new Date().toISOString(),
			...(options.url ? { url: options.url } : {})
		};
		const id = keptGraphId(meta);
		// A copy shown before (fetched again from its address) is replaced: let go of it.
		forgetGraph(id);
		// The explorer takes the graph from here rather than reading back what was just kept.
		if (answer.type === 'done') {
			try {
				await keepLocalGraph({ meta, data: answer.data, metrics: answer.metrics, warnings: answer.warnings });
			} catch {
				// Held in this page's memory instead, with the reason, which the graph's page shows (whyNotKept).
			}
			provideGraph(id, buildGraph(answer.data), answer.metrics);
			return { ok: true, id };
		}
		// A big graph: the worker holds it to draw it and answer for it, and keeps it once it is drawn (its page's
		// note waits for that); its data never reaches the page.
		options.onStage?.('Drawing it');
		const { readOffThread } = await import('./off-thread');
		if (options.signal?.aborted) return cancelled();
		const keeping = noteKeeping(meta);
		const onLost = (why: string | null) =>
			why === null
				? keeping.abandon()
				: keeping.kept({ meta, warnings: answer.warnings }, `it stopped before it was kept: ${why}`);
		const graph = await untilCancelled(
			readOffThread({ worker, meta, onKept: keeping.kept, onLost }),
			options.signal
		).catch((error: unknown) => {
			keeping.abandon();
			throw error;
		});
		if (!graph) {
			keeping.abandon();
			return cancelled();
		}
		provideGraph(id, graph, answer.metrics);
		return { ok: true, id };
	} catch (error) {
		if (options.signal?.aborted) return cancelled();
		worker.terminate();
		const why = error instanceof Error ? error.message : String(error);
		return { ok: false, problems: [notOpened(file.name, why)] };
	}
}

/**
 * The opening worker's next answer (anything but progress, which goes to `onStage`): on a failure of the worker, the
 * file's one problem saying so; when `signal` cancels, no problem, and the worker is stopped. A worker that answered
 * `done`, or failed, is stopped; one that holds a graph is not.
 */
function answerOf(
	worker: Worker,
	signal: AbortSignal | undefined,
	fileName: string,
	onStage?: (stage: string) => void
): Promise<Exclude<OpenMessage, { type: 'progress' }>> {
	return new Promise((done) => {
		const finish = (answer: Exclude<OpenMessage, { type: 'progress' }>, stop: boolean) => {
			if (stop) worker.terminate();
			worker.onmessage = worker.onmessageerror = worker.onerror = null;
			signal?.removeEventListener('abort', cancel);
			done(answer);
		};
		// The caller sees the signal; what is answered here is never shown.
		const cancel = () => finish({ type: 'problems', problems: [] }, true);
		signal?.addEventListener('abort', cancel);
		worker.onmessage = ({ data: message }: MessageEvent<OpenMessage>) => {
			if (message.type === 'progress') onStage?.(message.stage);
			else finish(message, message.type !== 'held');
		};
		/** The worker stopped, or sent what cannot be read: the file's one problem says so. */
		const stopped = (why: string) =>
			finish(
				{
					type: 'problems',
					problems: [notOpened(fileName, why)]
				},
				true
			);
		worker.onmessageerror = () => stopped('the reading sent back what the page cannot read');
		worker.onerror = (event) => {
			event.preventDefault();
			stopped(`the reading stopped (${event.message || 'the worker failed, perhaps for lack of memory'})`);
		};
	});
}

/** The one problem of file `fileName` whose reading stopped, `why`. */
const notOpened = (fileName: string, why: string): Problem =>
	fileProblem(fileName, 'internal.bug', `could not be opened: ${why}`);

/** What `work` gives, or null as soon as `signal` cancels. */
function untilCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
	if (!signal) return work;
	return new Promise((done, fail) => {
		const cancel = () => done(null);
		if (signal.aborted) return cancel();
		signal.addEventListener('abort', cancel, { once: true });
		work.then(done, fail).finally(() => signal.removeEventListener('abort', cancel));
	});
}
