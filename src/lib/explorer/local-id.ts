/**
 * Graphs the browser reads itself have ids of their own, so that every link of src/lib/links.ts gives them
 * addresses: a graph opened from a file and kept in this browser (local-graphs.ts) is `local/<name>`
 * (/local/<name>, /local/<name>/<entity>, /local/<name>/connect); a graph opened from another site's file is
 * `open/<its URL, percent-encoded>` (/open/https%3A%2F%2F…/<entity>), an address anyone can open.
 * Apart from links.ts so that pages which never show such a graph (the embed) do not carry it.
 */
/** The first segments of the addresses of graphs the browser reads itself (also src/params/inbrowser.ts). */
export const BROWSER_GRAPH_KINDS = ['local', 'open'] as const;

export const localGraphId = (name: string): string => `local/${name}`;

export const openGraphId = (url: string): string => `open/${encodeURIComponent(url)}`;

/** Where a graph the browser reads comes from: a kept file, or a URL; null for a graph of the site. */
export type GraphOrigin = { kind: 'local'; name: string } | { kind: 'open'; url: string } | null;

/**
 * Whether `path` (without the base path) is an address of such a graph: /<kind>/<graph>, /<kind>/<graph>/<entity>,
 * /<kind>/<graph>/connect, or a story's /<kind>/<graph>/story/<story>[/<step>]; the routes have nothing else.
 */
export function isBrowserGraphAddress(path: string): boolean {
	const segments = path.split('/').filter(Boolean);
	if (!(BROWSER_GRAPH_KINDS as readonly string[]).includes(segments[0] ?? '')) return false;
	if (segments.length === 2 || segments.length === 3) return true;
	return segments[2] === 'story' && (segments.length === 4 || segments.length === 5);
}

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
 * The page that fetches and opens the graph file at `url` (/open?url=…), then shows `view` (what follows the
 * graph's own address in a shared link: `/<entity>`, `/connect`, a query) or the graph's own page. Without `url`:
 * the page's form.
 */
export function openHref(url?: string, view?: string): string {
	if (url === undefined) return `${__BASE_PATH__}/open`;
	const params = new URLSearchParams({ url });
	if (view) params.set('then', view);
	return `${__BASE_PATH__}/open?${params}`;
}

/**
 * The part of a graph's address after the graph (`/<entity>` or `/connect`, and a query) from a `then` that
 * anyone may have written: nothing unless it is one plain segment at most, so that it never leads elsewhere.
 */
export function viewSuffix(then: string | null): string {
	const match = then === null ? null : /^(\/[^/?#]+)?(\?[^#]*)?$/.exec(then);
	if (!match || match[1] === '/.' || match[1] === '/..') return '';
	return then ?? '';
}
