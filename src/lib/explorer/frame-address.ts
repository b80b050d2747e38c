/**
 * The addresses of an embed's frame: which entity an address names, so that a link or the back button can move
 * inside the frame instead of loading a page.
 */
import { embedHref } from '$lib/links';

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
	let url: URL;
	try {
		url = new URL(href, origin);
	} catch {
		return undefined;
	}
	const prefix = embedHref(graphId);
	if (url.origin !== origin || url.search !== search) return undefined;
	if (url.pathname === prefix) return null;
	if (!url.pathname.startsWith(`${prefix}/`)) return undefined;
	const segment = url.pathname.slice(prefix.length + 1);
	try {
		return segment.includes('/') ? undefined : decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}
