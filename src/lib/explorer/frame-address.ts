/**
 * The addresses of an embed's frame: which entity an address names (a story's steps: story-address.ts), so that a
 * link or the back button can move inside the frame instead of loading a page.
 */
import { embedHref } from '$lib/links';

/**
 * The path of `href` inside graph `graphId`'s embed ('' for the graph itself) when it is an address of that
 * embed with the query string `search`; undefined for any other address (another site, another graph, other
 * options).
 */
export function framePath(href: string, origin: string, graphId: string, search: string): string | undefined {
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
