import type { ParamMatcher } from '@sveltejs/kit';

/**
 * The first segment of the addresses of graphs the browser reads itself (src/lib/explorer/local-id.ts): `local`
 * (a file kept in this browser) or `open` (a file on the web). Both are reserved graph ids (rules.ts SITE_PATHS).
 */
export const match = ((param: string): param is 'local' | 'open' =>
	param === 'local' || param === 'open') satisfies ParamMatcher;
