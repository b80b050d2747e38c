import { base } from '$app/paths';
import { allGraphs } from '$lib/server/graphs';
import { formatHeadersFile, siteHeaderRules } from '$lib/server/headers';
import type { RequestHandler } from './$types';

export const prerender = true;

/** build/_headers: the response headers a static host must send (docs/deploying.md). */
export const GET: RequestHandler = () =>
	new Response(formatHeadersFile(siteHeaderRules([...allGraphs().keys()], base)), {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
