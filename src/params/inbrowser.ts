import type { ParamMatcher } from '@sveltejs/kit';
import { BROWSER_GRAPH_KINDS } from '$lib/explorer/local-id';

/**
 * The first segment of the addresses of graphs the browser reads itself (src/lib/explorer/local-id.ts): `local`
 * (a file kept in this browser) or `open` (a file on the web). Both are reserved graph ids (rules.ts SITE_PATHS).
 */
export const match = ((param: string): param is (typeof BROWSER_GRAPH_KINDS)[number] =>
	(BROWSER_GRAPH_KINDS as readonly string[]).includes(param)) satisfies ParamMatcher;
