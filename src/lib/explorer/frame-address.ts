/**
 * The addresses of an embed's frame: which entity, or which step of a story, an address names, so that a link or
 * the back button can move inside the frame instead of loading a page.
 */
import { STEP_SEGMENT } from '$lib/graph/stories';
import { embedHref } from '$lib/links';

/**
 * The path of `href` inside graph `graphId`'s embed ('' for the graph itself) when it is an address of that
 * embed with the query string `search`; undefined for any other address (another site, another graph, other
 * options).
 */
function framePath(href: string, origin: string, graphId: string, search: string): string | undefined {
	let url: URL;
	try {
		url = new URL(href, origin);
	} catch {
		return undefined;
	}
	const prefix = embedHref(graphId);
	if (url.origin !== origin || url.search !== search) return undefined;
	if (url.pathname === prefix) return '';
	return url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length + 1) : undefined;
}

/**
 * The entity that `href` names as an address of graph `graphId`'s embed with the query string `search`: null for
 * the graph itself, undefined for any other address (another site, another graph, other options).
 */
export function frameEntity(
	href: string,
	origin: string,
	graphId: string,
	search: string
): string | null | undefined {
	const path = framePath(href, origin, graphId, search);
	if (path === undefined) return undefined;
	if (path === '') return null;
	try {
		return path.includes('/') ? undefined : decodeURIComponent(path);
	} catch {
		return undefined;
	}
}

/**
 * The step of story `story` (0 for its cover, 1 for the first step) that `href` names as an address of graph
 * `graphId`'s story embed with the query string `search`; undefined for any other address. Story ids are
 * URL-safe (src/lib/graph/schema.ts).
 */
export function frameStep(
	href: string,
	origin: string,
	graphId: string,
	search: string,
	story: string
): number | undefined {
	const path = framePath(href, origin, graphId, search);
	if (path === `story/${story}`) return 0;
	const step = path?.startsWith(`story/${story}/`) ? path.slice(`story/${story}/`.length) : '';
	return STEP_SEGMENT.test(step) ? Number(step) : undefined;
}
