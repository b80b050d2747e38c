/**
 * Fetching a graph file from an address (`/open?url=…`): only from the site itself or an origin the build allows
 * (open-origins.ts), with a size cap and a timeout, and a plain message for each way it fails (not allowed, no
 * answer or CORS refusal, an HTTP error, a web page instead of a file, too big, too slow).
 */
import { fileSize } from '$lib/format';
import { LIMITS } from '$lib/graph/rules';
import { graphFileExtensions } from '$lib/graph/formats/catalogue';
import { OPEN_ORIGINS, mayFetch } from './open-origins';

/** How long a file may take to arrive. */
export const FETCH_TIMEOUT_MS = 60_000;

export type RemoteFile = { ok: true; file: File } | { ok: false; message: string };

/** The file at `address`, named as its address names it, or why it cannot be had. */
export async function fetchGraphFile(
	address: string,
	{
		signal,
		site = location.origin,
		timeoutMs = FETCH_TIMEOUT_MS
	}: { signal?: AbortSignal; site?: string; timeoutMs?: number } = {}
): Promise<RemoteFile> {
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return fail(`“${address}” is not a web address (it should start with https://).`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return fail(`${url.protocol} addresses cannot be opened; only http(s) ones.`);
	if (!mayFetch(url, site))
		return fail(
			`This site opens graph files only from ${[site, ...OPEN_ORIGINS].join(', ')}; ${url.origin} is not among them (a setting of the site's build, OPEN_ORIGINS). Download the file and open it from your computer instead.`
		);
	const timer = new AbortController();
	const timeout = setTimeout(() => timer.abort(), timeoutMs);
	const stop = AbortSignal.any([timer.signal, ...(signal ? [signal] : [])]);
	try {
		let response: Response;
		try {
			response = await fetch(url, { signal: stop, credentials: 'omit' });
		} catch (error) {
			if (timer.signal.aborted) return fail(`${url.host} did not answer within ${timeoutMs / 1000} seconds.`);
			if (signal?.aborted) return fail('Cancelled.');
			return fail(
				`The file could not be fetched from ${url.host}: the server cannot be reached, or it does not let other sites read its files (CORS). (${String(error)})`
			);
		}
		if (response.status === 404)
			return fail(`There is no file at ${url.href} (the server answered 404 Not Found).`);
		if (!response.ok)
			return fail(`${url.host} answered ${response.status} ${response.statusText} for ${url.href}.`);
		const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
		if (type === 'text/html')
			return fail(`${url.href} is a web page (text/html), not a graph file. Link to the file itself.`);
		const declared = Number(response.headers.get('content-length') ?? NaN);
		if (declared > LIMITS.fileBytes) return fail(tooBig(declared));
		const parts = await readCapped(response, stop);
		if (parts === null) return fail(tooBig(null));
		// The parts as they arrived, not joined into one more copy.
		return { ok: true, file: new File(parts, fileName(url, type), { type }) };
	} catch (error) {
		if (timer.signal.aborted)
			return fail(`${url.host} did not finish sending the file within ${timeoutMs / 1000} seconds.`);
		if (signal?.aborted) return fail('Cancelled.');
		return fail(`The file stopped arriving from ${url.host} (${String(error)}).`);
	} finally {
		clearTimeout(timeout);
	}
}

function fail(message: string): RemoteFile {
	return { ok: false, message };
}

/** Too big: `bytes` as the server declared them, or null when the download passed the cap. */
function tooBig(bytes: number | null): string {
	const size = bytes === null ? `over ${fileSize(LIMITS.fileBytes)}` : fileSize(bytes);
	return `The file is ${size}; the explorer opens files of up to ${fileSize(LIMITS.fileBytes)}.`;
}

/** The body's parts, or null once it passes the size cap (the download stops there). */
async function readCapped(
	response: Response,
	signal: AbortSignal
): Promise<Uint8Array<ArrayBuffer>[] | null> {
	if (!response.body) return [new Uint8Array(await response.arrayBuffer())];
	const reader = response.body.getReader();
	const parts: Uint8Array<ArrayBuffer>[] = [];
	let length = 0;
	for (;;) {
		if (signal.aborted) throw new Error('aborted');
		const { done, value } = await reader.read();
		if (done) break;
		length += value.length;
		if (length > LIMITS.fileBytes) {
			await reader.cancel();
			return null;
		}
		parts.push(value as Uint8Array<ArrayBuffer>);
	}
	return parts;
}

/** Extensions by media type, for an address whose last segment names no format (`…/graph?id=3`). */
const BY_TYPE: Record<string, string> = {
	'application/gexf+xml': '.gexf',
	'application/graphml+xml': '.graphml',
	'text/csv': '.csv',
	'text/turtle': '.ttl',
	'application/n-triples': '.nt',
	'application/json': '.json'
};

/** The file's name: the address's last segment, with the extension its media type implies when it has none. */
export function fileName(url: URL, type: string): string {
	let last = url.pathname.split('/').filter(Boolean).pop() ?? 'graph';
	try {
		last = decodeURIComponent(last);
	} catch {
		// Keep it as written.
	}
	const known = graphFileExtensions().some((extension) => last.toLowerCase().endsWith(extension));
	return known ? last : `${last}${BY_TYPE[type] ?? ''}`;
}
