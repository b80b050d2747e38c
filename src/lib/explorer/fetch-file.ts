/**
 * Fetching the site's graph files, with failures typed by kind (the server's answer, the connection, the file)
 * instead of told apart by their messages. Used by the page and by the graph worker.
 */

/**
 * Why a graph file did not load: the server answered with an error, the connection failed, the file is damaged,
 * or it is of another version of the explorer than the page (a big graph's drawing file or details); or the worker
 * that holds a graph opened in the browser stopped (`stopped`: out of memory, say).
 */
export type GraphLoadErrorKind = 'http' | 'network' | 'parse' | 'version' | 'stopped';

/** A graph file that did not load, by kind (status: the HTTP status of an `http` failure). */
export class GraphLoadError extends Error {
	readonly kind: GraphLoadErrorKind;
	readonly status: number | undefined;

	constructor(kind: GraphLoadErrorKind, message: string, status?: number) {
		super(message);
		this.name = 'GraphLoadError';
		this.kind = kind;
		this.status = status;
	}
}

/** `error` as a GraphLoadError: fetch's own failures are the network's, anything else the file's. */
export function asGraphLoadError(error: unknown): GraphLoadError {
	if (error instanceof GraphLoadError) return error;
	const message = error instanceof Error ? error.message : String(error);
	// fetch() rejects with a TypeError when the request never got an answer.
	return new GraphLoadError(error instanceof TypeError ? 'network' : 'parse', message);
}

/**
 * A drawing file, detail shard or search texts file at `url` that the graph layer refused (a DrawingFileError of
 * graph/drawing-file.ts), as a GraphLoadError: of another version, or damaged.
 */
export function refusedFile(
	url: string,
	error: { kind: 'version' | 'damaged'; message: string }
): GraphLoadError {
	return new GraphLoadError(error.kind === 'version' ? 'version' : 'parse', `${url}: ${error.message}`);
}

/** Why a graph did not load, in words for a reader. */
export function describeLoadError(error: GraphLoadError): string {
	switch (error.kind) {
		case 'http':
			return 'the server answered with an error.';
		case 'network':
			return 'the connection to the server failed.';
		case 'parse':
			return 'its file arrived incomplete or damaged.';
		case 'version':
			return 'its file was written by another version of the explorer than this page; reload the page, and if that does not help, the site needs to be built again.';
		case 'stopped':
			return 'the page lost it (out of memory?); reload the page.';
	}
}

/** Downloads `url`: the response, or a GraphLoadError of kind network or http. */
export async function fetchFile(url: string, fetcher: typeof fetch = fetch): Promise<Response> {
	let response: Response;
	try {
		response = await fetcher(url);
	} catch (error) {
		throw new GraphLoadError('network', `${url} could not be fetched: ${String(error)}`);
	}
	if (!response.ok)
		throw new GraphLoadError(
			'http',
			`${url} answered ${response.status} ${response.statusText}`,
			response.status
		);
	return response;
}

/** The body of `response` as JSON, or a GraphLoadError of kind parse. */
export async function readJson(response: Response, url: string): Promise<unknown> {
	try {
		return await response.json();
	} catch (error) {
		throw new GraphLoadError('parse', `${url} is not valid JSON: ${String(error)}`);
	}
}
