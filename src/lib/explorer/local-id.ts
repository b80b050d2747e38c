/**
 * Graphs the browser reads itself have ids of their own, so that every link of src/lib/links.ts gives them
 * addresses: a graph opened from a file and kept in this browser (local-graphs.ts) is `local/<name>`
 * (/local/<name>, /local/<name>/<entity>, /local/<name>/connect); a graph opened from another site's file is
 * `open/<its URL, percent-encoded>` (/open/https%3A%2F%2F…/<entity>), an address anyone can open.
 * Apart from links.ts so that pages which never show such a graph (the embed) do not carry it.
 */
export const localGraphId = (name: string): string => `local/${name}`;

export const openGraphId = (url: string): string => `open/${encodeURIComponent(url)}`;

/** Where a graph the browser reads comes from: a kept file, or a URL; null for a graph of the site. */
export type GraphOrigin = { kind: 'local'; name: string } | { kind: 'open'; url: string } | null;

export function graphOrigin(graph: string): GraphOrigin {
	if (graph.startsWith('local/')) return { kind: 'local', name: graph.slice('local/'.length) };
	if (graph.startsWith('open/')) {
		try {
			return { kind: 'open', url: decodeURIComponent(graph.slice('open/'.length)) };
		} catch {
			return null;
		}
	}
	return null;
}

/** The name of a graph opened from a file in this browser, or null. */
export const localGraphName = (graph: string): string | null => {
	const origin = graphOrigin(graph);
	return origin?.kind === 'local' ? origin.name : null;
};

/**
 * The page that fetches and opens the graph file at `url` (/open?url=…), then goes to `then` (an address of that
 * graph: the entity or view a shared link named) or the graph's own page. Without `url`: the page's form.
 */
export function openHref(url?: string, then?: string): string {
	if (url === undefined) return `${__BASE_PATH__}/open`;
	const params = new URLSearchParams({ url });
	if (then) params.set('then', then);
	return `${__BASE_PATH__}/open?${params}`;
}
